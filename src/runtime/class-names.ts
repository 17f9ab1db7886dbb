/**
 * Python's `type(x).__name__` for user-visible text (default process names, reprs, messages).
 * The production build minifies the runtime's own class names (`Process` became `Xe`), so each
 * runtime class a program can meet is named here explicitly. A program's own classes are
 * compiled in the page and never minified: their JS name is the name the program wrote.
 */
const runtimeNames = new Map<unknown, string>();

/** Records the name a runtime class shows to programs. */
export function nameRuntimeClass(cls: object, name: string): void {
  runtimeNames.set(cls, name);
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
