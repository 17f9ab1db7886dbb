/**
 * Python's `type(x).__name__` for user-visible text (default process names, reprs, messages).
 * The production build minifies the runtime's own class names (`Process` became `Xe`), so each
 * runtime class a program can meet is named here explicitly, and its JS `name` is set to match
 * (a program's own `x.constructor.name` then reads the same in the build as in development).
 * A program's own classes are compiled in the page and never minified: their JS name is the
 * name the program wrote.
 */
const runtimeNames = new Map<unknown, string>();

/** Records the name a runtime class (or function) shows to programs. */
export function nameRuntimeClass(cls: object, name: string): void {
  runtimeNames.set(cls, name);
  Object.defineProperty(cls, 'name', { value: name, configurable: true });
}

/**
 * Names each class and function a module exports by its export name, unless it has a name
 * already (the first name wins: `multiprocessing` before the modules that re-export it).
 */
export function nameExports(exports: object): void {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === 'function' && !runtimeNames.has(value)) nameRuntimeClass(value, name);
  }
}

/** The name of class `cls` as a program would write it; `fallback` when it has none. */
export function pythonClassName(cls: unknown, fallback = 'object'): string {
  const explicit = runtimeNames.get(cls);
  if (explicit !== undefined) return explicit;
  return (typeof cls === 'function' && cls.name) || fallback;
}

/** The class name of value `x` (see pythonClassName). */
export function pythonTypeName(x: object, fallback = 'object'): string {
  const proto = Object.getPrototypeOf(x) as { constructor?: unknown } | null;
  return pythonClassName(proto?.constructor, fallback);
}
