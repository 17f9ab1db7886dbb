import { ctx } from './context';
import { IndexError, ValueError } from './errors';
import { repr } from './format';
import { race } from './race/hooks';
import { Lock, RLock } from './sync/lock';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedById,
  sharedObject,
  type SharedRef,
} from './sync/objects';
import { toHandle } from './transfer';
import { sched } from './sched/hooks';

/**
 * Value and Array: typed data in the shared heap, read and written with plain (non-atomic)
 * loads and stores, exactly like Python's ctypes-backed values: `v.value += 1` is a read and a
 * write, so it races unless the program holds a lock (getLock()). Block layout:
 *
 *   bytes 0-3   int32  object id of the lock (0: a Raw value, no lock)
 *   bytes 4-7   int32  typecode (its char code)
 *   bytes 8-11  int32  length (elements)
 *   bytes 16-   the elements, 8-aligned
 */
const DATA = 16;

type Element = number | bigint | string;
/**
 * What a Value<T> holds: T widened from the literal the constructor was given, so that
 * `new Value('i', 0)` holds any number (`.value = 5` typechecks) rather than only 0.
 */
export type Widen<T> = T extends number
  ? number
  : T extends bigint
    ? bigint
    : T extends string
      ? string
      : never;
type View =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** Python's typecodes. 'l'/'L' are 32-bit (as on Windows); 'q'/'Q' are 64-bit and hold bigints. */
interface ViewClass {
  new (buffer: ArrayBufferLike, offset: number, length: number): View;
  readonly BYTES_PER_ELEMENT: number;
}

type Sort = 'int' | 'bigint' | 'float' | 'char';
const TYPES: Record<string, { view: ViewClass; sort: Sort }> = {
  b: { view: Int8Array, sort: 'int' },
  B: { view: Uint8Array, sort: 'int' },
  h: { view: Int16Array, sort: 'int' },
  H: { view: Uint16Array, sort: 'int' },
  i: { view: Int32Array, sort: 'int' },
  I: { view: Uint32Array, sort: 'int' },
  l: { view: Int32Array, sort: 'int' },
  L: { view: Uint32Array, sort: 'int' },
  q: { view: BigInt64Array, sort: 'bigint' },
  Q: { view: BigUint64Array, sort: 'bigint' },
  f: { view: Float32Array, sort: 'float' },
  d: { view: Float64Array, sort: 'float' },
  c: { view: Uint8Array, sort: 'char' },
  u: { view: Uint32Array, sort: 'char' },
};

function typeOf(typecode: string) {
  const type = TYPES[typecode];
  if (!type) {
    throw new ValueError(
      `bad typecode '${typecode}' (must be one of ${Object.keys(TYPES).join(' ')})`,
    );
  }
  return type;
}

/**
 * What `value` is stored as in an element of `typecode`, checked as ctypes checks it: an
 * integer type takes integers only (ctypes raises TypeError for 2.7 or 'three'; out-of-range
 * integers wrap, as ctypes does), a char type one character.
 */
function encode(typecode: string, value: unknown): number | bigint {
  const sort = TYPES[typecode].sort;
  const v = typeof value === 'boolean' ? Number(value) : value;
  if (sort === 'char') {
    if (typeof v !== 'string' || [...v].length > 1)
      throw new TypeError(`one character expected for typecode '${typecode}', got ${describe(v)}`);
    return v.codePointAt(0) ?? 0;
  }
  if (typeof v === 'bigint') return sort === 'bigint' ? v : Number(v);
  if (typeof v !== 'number')
    throw new TypeError(`a number expected for typecode '${typecode}', got ${describe(v)}`);
  if (sort === 'float') return v;
  if (!Number.isInteger(v))
    throw new TypeError(`an integer expected for typecode '${typecode}', got ${describe(v)}`);
  return sort === 'bigint' ? BigInt(v) : v;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : `${String(value)} (${typeof value})`;
}

/** A shared block of `length` elements of `typecode`, and its view. */
abstract class SharedData {
  id!: number;
  /** @internal */
  view!: View;
  protected typecode!: string;
  protected lock!: Lock | RLock | null;

  /**
   * Makes the block, or, in a child evaluating the program, finds the parent's: then nothing is
   * written (the parent's elements are the data, as after a fork), so `initial` fills a fresh
   * block only.
   */
  protected create(
    kind: ObjectKind,
    typecode: string,
    length: number,
    lock: boolean | Lock | RLock,
    initial: readonly unknown[],
  ): void {
    const type = typeOf(typecode);
    const elements = initial.map((v) => encode(typecode, v));
    const theLock = lock === true ? new RLock() : lock === false ? null : lock;
    this[attach](
      sharedObject(kind, DATA + length * type.view.BYTES_PER_ELEMENT, (ref) => {
        const { heap } = ctx();
        heap.i32[ref.offset / 4] = theLock ? theLock.id : 0;
        heap.i32[ref.offset / 4 + 1] = typecode.charCodeAt(0);
        heap.i32[ref.offset / 4 + 2] = length;
        new type.view(heap.memory.buffer, ref.offset + DATA, length).set(elements as never);
      }),
    );
  }

  [attach](ref: SharedRef): object | void {
    const { heap } = ctx();
    const base = ref.offset / 4;
    this.id = ref.id;
    this.typecode = String.fromCharCode(heap.i32[base + 1]);
    const lockId = heap.i32[base];
    this.lock = lockId ? (sharedById(lockId) as Lock | RLock) : null;
    const { view } = typeOf(this.typecode);
    this.view = new view(heap.memory.buffer, ref.offset + DATA, heap.i32[base + 2]);
  }

  /** The lock that guards it (Python's get_lock()); Raw values have none. */
  getLock(): Lock | RLock {
    if (!this.lock)
      throw new TypeError('this value has no lock: it is Raw (RawValue, RawArray, or lock: false)');
    return this.lock;
  }

  abstract [repr](): string;

  /** String(value) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }

  protected read(index: number): Element {
    sched?.access(false, this.id);
    race?.read(this.id, index);
    const raw = this.view[index];
    return TYPES[this.typecode].sort === 'char' ? String.fromCodePoint(Number(raw)) : raw;
  }

  protected write(index: number, value: unknown): void {
    const element = encode(this.typecode, value);
    sched?.access(true, this.id);
    race?.write(this.id, index);
    this.view[index] = element as never;
  }

  [toHandle]() {
    return handleOf(this);
  }
}

export interface ValueOptions {
  /** true (default): a new RLock; false: no lock (RawValue); or the Lock/RLock to use. */
  lock?: boolean | Lock | RLock;
}

/** multiprocessing.Value: one typed number (or char) in shared memory. */
export class Value<T extends Element = number> extends SharedData {
  constructor(typecode: string, value: T = 0 as T, options: ValueOptions = {}) {
    super();
    this.create(ObjectKind.Value, typecode, 1, options.lock ?? true, [value]);
  }

  get value(): Widen<T> {
    return this.read(0) as Widen<T>;
  }
  set value(v: Widen<T>) {
    this.write(0, v);
  }

  [repr](): string {
    return `<${this.lock ? 'Synchronized' : 'Raw'}Value('${this.typecode}', ${String(this.value)})>`;
  }
}

/** The byte address in the heap of a Value's or an Array's first element; null for anything else. */
export function addressOf(value: unknown): number | null {
  return value instanceof SharedData ? value.view.byteOffset : null;
}

/** Where an array's elements are: byte address in the heap (for the kernels) and the typed view. */
export function storageOf(array: SharedArray<Element>): {
  address: number;
  view: View;
  typecode: string;
} {
  const data = array as unknown as { view: View; typecode: string };
  return { address: data.view.byteOffset, view: data.view, typecode: data.typecode };
}

/** A Value without a lock. */
export class RawValue<T extends Element = number> extends Value<T> {
  constructor(typecode: string, value: T = 0 as T) {
    super(typecode, value, { lock: false });
  }
}

/**
 * multiprocessing.Array: a fixed-length typed array in shared memory. `arr[i]` reads and writes
 * elements (so `arr[0] += 1` races, as in Python), `length`, iteration, `slice()` copies.
 */
export class SharedArray<T extends Element = number> extends SharedData {
  [index: number]: Widen<T>;

  constructor(
    typecode: string,
    sizeOrInit: number | ArrayLike<T> | Iterable<T>,
    options: ValueOptions = {},
  ) {
    super();
    const init = typeof sizeOrInit === 'number' ? null : Array.from(sizeOrInit as Iterable<T>);
    const length = init ? init.length : sizeOrInit;
    if (!Number.isInteger(length) || (length as number) < 0)
      throw new ValueError('Array size must be a non-negative integer');
    this.create(ObjectKind.Array, typecode, length as number, options.lock ?? true, init ?? []);
    return indexed(this);
  }

  /** Rebuilt in a child: the index proxy comes back too (sharedById returns it). */
  override [attach](ref: SharedRef): SharedArray<T> {
    super[attach](ref);
    return indexed(this);
  }

  get length(): number {
    return this.view.length;
  }

  *[Symbol.iterator](): Iterator<Widen<T>> {
    for (let i = 0; i < this.view.length; i++) yield this.read(i) as Widen<T>;
  }

  /** A plain array copy of elements [start, end). */
  slice(start?: number, end?: number): Widen<T>[] {
    return Array.from(this).slice(start, end);
  }

  toArray(): Widen<T>[] {
    return Array.from(this);
  }

  /** Python's `arr[:]` as a string for 'c'/'u' arrays. */
  get value(): string {
    return this.toArray().join('').replace(/\0.*$/, '');
  }

  [repr](): string {
    const items = this.toArray().map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
    return `<${this.lock ? 'Synchronized' : 'Raw'}Array('${this.typecode}', [${items.join(', ')}])>`;
  }
}

/** An Array without a lock. */
export class RawArray<T extends Element = number> extends SharedArray<T> {
  constructor(typecode: string, sizeOrInit: number | ArrayLike<T> | Iterable<T>) {
    super(typecode, sizeOrInit, { lock: false });
  }
}

/**
 * Wraps an array so numeric property names read and write its elements, as Python indexes:
 * `arr[-1]` is the last element, an index out of range is an IndexError both ways.
 */
function indexed<T extends SharedArray<Element>>(array: T): T {
  const element = (target: T, key: string): number => {
    const i = Number(key);
    const at = i < 0 ? i + target.length : i;
    if (at < 0 || at >= target.length)
      throw new IndexError(`index ${i} out of range (length ${target.length})`);
    return at;
  };
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && isIndex(key))
        return (target as unknown as { read(i: number): Element }).read(element(target, key));
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string' && isIndex(key)) {
        (target as unknown as { write(i: number, v: unknown): void }).write(
          element(target, key),
          value,
        );
        return true;
      }
      return Reflect.set(target, key, value, receiver);
    },
  });
}

function isIndex(key: string): boolean {
  return key.length > 0 && key.length < 11 && /^-?\d+$/.test(key);
}

registerShared(ObjectKind.Value, Value);
registerShared(ObjectKind.Array, SharedArray);
