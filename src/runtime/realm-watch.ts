/**
 * Whether a process left its Worker as a fresh one would be, so that the page may give the
 * Worker to another process of the same run (process-state.ts) without the program telling
 * the difference. A fresh Worker's realm is recorded when it loads: the global object, the
 * built-ins (WATCHED), the playground's modules, their prototypes and members (each one's
 * properties, their flags and values); a process that added, removed or changed any of them,
 * or left a listener, a message port or an async wait pending, spoils its Worker and the page
 * terminates it. Timers need no check: a process's timers end with it.
 */
import { MODULES } from './modules';
import { PROGRAM_GLOBAL } from './program-abi';

interface Shape {
  proto: object | null;
  extensible: boolean;
  keys: PropertyKey[];
  /** null: not read (unread()). */
  props: (PropertyDescriptor | null)[];
}

/** Keys every process sets again before its program runs (globals.ts, bootstrap.ts). */
const REINSTALLED = new Map<object, ReadonlySet<PropertyKey>>([
  [
    globalThis,
    new Set([
      'print',
      '__name__',
      'ValueError',
      'IndexError',
      'RuntimeError',
      'MemoryError',
      PROGRAM_GLOBAL,
    ]),
  ],
  [console, new Set(['log', 'info', 'debug', 'trace', 'error', 'warn'])],
]);

/**
 * The built-ins watched with their members: ECMAScript's and the few Web APIs a program here
 * meets. The global object's own properties are all watched (its other Web API classes by name
 * only: unread()); those classes' prototypes are not (thousands of properties: tens of ms).
 */
const WATCHED = new Set([
  ...['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Date'],
  ...['RegExp', 'Promise', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef'],
  ...['FinalizationRegistry', 'Iterator', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView'],
  ...['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array'],
  ...['Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'],
  ...['Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError'],
  ...['TypeError', 'URIError', 'Math', 'JSON', 'Reflect', 'Atomics', 'Intl', 'WebAssembly'],
  ...['console', 'performance', 'EventTarget', 'TextEncoder', 'TextDecoder', 'URL'],
]);

const shapes = new Map<object, Shape>();
/** Why the Worker is no longer as it loaded, once something that cannot be checked later spoiled it. */
let spoiled: string | null = null;
let pendingWaits = 0;
/** The getters of the global object's `on...` handlers (the runtime sets none). */
const handlers: [string, () => unknown][] = [];

/**
 * Records the realm as the Worker loaded it; before any program runs, after the lockdown.
 * Wraps first what leaves work behind that no later look can see.
 */
export function watchRealm(): void {
  watchCalls();
  const scope = globalThis as unknown as Record<string, unknown>;
  record(globalThis);
  for (const name of WATCHED) if (name in scope) recordWithMembers(scope[name]);
  // A bundled module's exports may be getters: their values are read here.
  for (const exports of Object.values(MODULES)) {
    record(exports);
    for (const value of Object.values(exports)) recordWithMembers(value);
  }
  for (const sample of hiddenIntrinsicSamples()) record(Reflect.getPrototypeOf(sample));
  for (let o: object | null = globalThis; o; o = Reflect.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      const get = key.startsWith('on') && Reflect.getOwnPropertyDescriptor(o, key)?.get;
      if (get) handlers.push([key, get]);
    }
  }
}

/** What the last process left that a fresh Worker would not have, or null. */
export function leftovers(): string | null {
  if (spoiled) return spoiled;
  if (pendingWaits > 0) return 'an Atomics.waitAsync still pending';
  for (const [target, before] of shapes) {
    const change = changed(target, before);
    if (change) return nameOf(target) + change;
  }
  for (const [key, get] of handlers)
    if (get.call(globalThis) != null) return `a handler set as ${key}`;
  return null;
}

/** `target`, its prototype chain and, for a class, its prototype's. */
function record(target: unknown): void {
  for (let o = target; isObject(o) && !shapes.has(o); o = Reflect.getPrototypeOf(o))
    shapes.set(o, shapeOf(o));
  if (typeof target === 'function') record((target as { prototype?: unknown }).prototype);
}

/**
 * `target`, and of a namespace (Intl, WebAssembly, a module) its classes and objects too.
 * Functions that are no class are not: a property set on `Math.max` or `sleep` itself is not
 * worth a look at every process's end.
 */
function recordWithMembers(target: unknown): void {
  record(target);
  if (!isObject(target)) return;
  for (const prop of shapes.get(target)?.props ?? [])
    if (isClassOrObject(prop?.value)) record(prop?.value);
}

function isClassOrObject(value: unknown): boolean {
  if (typeof value !== 'function') return isObject(value);
  const proto = (value as { prototype?: unknown }).prototype;
  return (
    isObject(proto) &&
    (Reflect.ownKeys(proto).length > 1 || Reflect.getPrototypeOf(value) !== Function.prototype)
  );
}

function shapeOf(target: object): Shape {
  const keys = Reflect.ownKeys(target).filter((key) => !REINSTALLED.get(target)?.has(key));
  return {
    proto: Reflect.getPrototypeOf(target),
    extensible: Reflect.isExtensible(target),
    keys,
    props: keys.map((key) =>
      unread(target, key) ? null : Reflect.getOwnPropertyDescriptor(target, key)!,
    ),
  };
}

/**
 * The global object's Web API classes, but for the few WATCHED: the browser makes each one
 * when it is first read (about 20 ms for all at a Worker's start), so only their names are
 * compared.
 */
function unread(target: object, key: PropertyKey): boolean {
  return (
    target === globalThis && typeof key === 'string' && /^[A-Z]/.test(key) && !WATCHED.has(key)
  );
}

/**
 * What changed in `target` since `before`, as the end of a phrase after its name, or null.
 * Runs at every process's end, so it allocates little.
 */
function changed(target: object, before: Shape): string | null {
  if (Reflect.getPrototypeOf(target) !== before.proto) return ': its prototype';
  if (Reflect.isExtensible(target) !== before.extensible) return ' made non-extensible';
  const reinstalled = REINSTALLED.get(target);
  let i = 0;
  for (const key of Reflect.ownKeys(target)) {
    if (reinstalled?.has(key)) {
      // Unwritable, it would make the next process's start fail.
      const prop = Reflect.getOwnPropertyDescriptor(target, key)!;
      if (!(prop.writable && prop.configurable)) return `.${String(key)} locked`;
      continue;
    }
    if (key !== before.keys[i]) return `.${String(key)} added or removed`;
    const a = before.props[i++];
    if (!a) continue;
    const b = Reflect.getOwnPropertyDescriptor(target, key)!;
    if (
      !Object.is(a.value, b.value) ||
      a.get !== b.get ||
      a.set !== b.set ||
      a.writable !== b.writable ||
      a.enumerable !== b.enumerable ||
      a.configurable !== b.configurable
    )
      return `.${String(key)}`;
  }
  return i === before.keys.length ? null : ': a property removed';
}

/**
 * After these the program's code may run again later with nothing in the realm to show it:
 * a listener (the runtime adds its own before this), a port, a frame or task callback, an
 * async wait (counted until it settles).
 */
function watchCalls(): void {
  const target = EventTarget.prototype;
  const add = target.addEventListener;
  target.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
    spoiled ??= 'a listener added';
    return add.apply(this, args);
  };
  const scope = globalThis as unknown as Record<string, unknown>;
  for (const name of ['MessageChannel', 'requestAnimationFrame']) {
    const original = scope[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    scope[name] = new Proxy(original, {
      apply(fn, self, args: unknown[]) {
        spoiled ??= `${name} used`;
        return Reflect.apply(fn, self, args) as unknown;
      },
      construct(fn, args: unknown[], newTarget) {
        spoiled ??= `${name} used`;
        return Reflect.construct(fn, args, newTarget) as object;
      },
    });
  }
  const waitAsync = Atomics.waitAsync;
  if (typeof waitAsync !== 'function') return;
  Atomics.waitAsync = ((...args: Parameters<typeof waitAsync>) => {
    const result = waitAsync(...args);
    if (result.async) {
      pendingWaits++;
      const settle = () => void pendingWaits--;
      void result.value.then(settle, settle);
    }
    return result;
  }) as typeof waitAsync;
}

/** Values whose prototypes are built-ins no global names (%ArrayIteratorPrototype%, ...). */
function hiddenIntrinsicSamples(): object[] {
  const samples: unknown[] = [
    async function () {},
    function* () {},
    async function* () {},
    [][Symbol.iterator](),
    new Map().entries(),
    new Set().values(),
    ''[Symbol.iterator](),
    /x/[Symbol.matchAll](''),
    (function* () {})(),
    (async function* () {})(),
  ];
  return samples as object[];
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function nameOf(target: object): string {
  if (target === globalThis) return 'globalThis';
  const named = Reflect.getOwnPropertyDescriptor(target, 'name')?.value as unknown;
  if (typeof named === 'string' && named) return named;
  const ctor = Reflect.getOwnPropertyDescriptor(target, 'constructor')?.value as unknown;
  if (typeof ctor === 'function' && ctor.name) return `${ctor.name}.prototype`;
  return 'a built-in object';
}
