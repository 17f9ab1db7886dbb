import { ctx } from './context';
import { ValueError } from './errors';
import { repr } from './format';
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

const TYPES: Record<string, { view: ViewClass; char?: boolean }> = {
  b: { view: Int8Array },
  B: { view: Uint8Array },
  h: { view: Int16Array },
  H: { view: Uint16Array },
  i: { view: Int32Array },
  I: { view: Uint32Array },
  l: { view: Int32Array },
  L: { view: Uint32Array },
  q: { view: BigInt64Array },
  Q: { view: BigUint64Array },
  f: { view: Float32Array },
  d: { view: Float64Array },
  c: { view: Uint8Array, char: true },
  u: { view: Uint32Array, char: true },
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

/** A shared block of `length` elements of `typecode`, and its view. */
abstract class SharedData {
  id!: number;
  protected view!: View;
  protected typecode!: string;
  protected lock!: Lock | RLock | null;

  protected create(
    kind: ObjectKind,
    typecode: string,
    length: number,
    lock: boolean | Lock | RLock,
  ): void {
    const type = typeOf(typecode);
    const elementBytes = type.view.BYTES_PER_ELEMENT;
    const theLock = lock === true ? new RLock() : lock === false ? null : lock;
    this[attach](
      sharedObject(kind, DATA + length * elementBytes, (ref) => {
        const { i32 } = ctx().heap;
        i32[ref.offset / 4] = theLock ? theLock.id : 0;
        i32[ref.offset / 4 + 1] = typecode.charCodeAt(0);
        i32[ref.offset / 4 + 2] = length;
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
    if (!this.lock) throw new TypeError(`this ${this.constructor.name} has no lock (it is Raw)`);
    return this.lock;
  }

  protected read(index: number): Element {
    const raw = this.view[index];
    return TYPES[this.typecode].char ? String.fromCodePoint(Number(raw)) : raw;
  }

  protected write(index: number, value: Element): void {
    if (TYPES[this.typecode].char) {
      this.view[index] = (String(value).codePointAt(0) ?? 0) as never;
    } else {
      this.view[index] = value as never;
    }
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
    this.create(ObjectKind.Value, typecode, 1, options.lock ?? true);
    this.write(0, value);
  }

  get value(): T {
    return this.read(0) as T;
  }
  set value(v: T) {
    this.write(0, v);
  }

  [repr](): string {
    return `<${this.lock ? 'Synchronized' : 'Raw'}Value('${this.typecode}', ${String(this.value)})>`;
  }
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
  [index: number]: T;

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
    this.create(ObjectKind.Array, typecode, length as number, options.lock ?? true);
    init?.forEach((v, i) => this.write(i, v));
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

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.view.length; i++) yield this.read(i) as T;
  }

  /** A plain array copy of elements [start, end). */
  slice(start?: number, end?: number): T[] {
    return Array.from(this).slice(start, end);
  }

  toArray(): T[] {
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

/** Wraps an array so numeric property names read and write its elements. */
function indexed<T extends SharedArray<Element>>(array: T): T {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && isIndex(key))
        return (target as unknown as { read(i: number): Element }).read(Number(key));
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string' && isIndex(key)) {
        const i = Number(key);
        if (i >= target.length)
          throw new RangeError(`index ${i} out of range (length ${target.length})`);
        (target as unknown as { write(i: number, v: Element): void }).write(i, value as Element);
        return true;
      }
      return Reflect.set(target, key, value, receiver);
    },
  });
}

function isIndex(key: string): boolean {
  return key.length > 0 && key.length < 10 && /^\d+$/.test(key);
}

registerShared(ObjectKind.Value, Value);
registerShared(ObjectKind.Array, SharedArray);
