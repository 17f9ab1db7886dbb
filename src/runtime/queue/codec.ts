import { Packr, RESET_BUFFER_MODE, REUSE_BUFFER_MODE } from 'msgpackr';
import { pythonTypeName } from '../class-names';
import { ctx } from '../context';
import { H } from '../layout';
import { guarded } from '../sync/spin-mutex';
import { perProcess } from '../process-state';

/**
 * Queue items as bytes in the shared heap. msgpackr (MessagePack with its structured-clone
 * extensions) because it is well kept, fast, and round-trips what a program puts in a queue:
 * Map and Set, Date, bigint, typed arrays, undefined, nested plain objects (as records, so
 * decoded Maps stay Maps). Bare numbers, the commonest items, never get here in a FIFO queue:
 * the ring stores them as they are (ring.ts).
 *
 * Record shapes (an object's keys) are shared by every process of the run through the heap
 * (msgpackr's shared structures): an item carries a shape's one-byte id instead of its keys,
 * and a decoder reads known shapes with code compiled once, which halves a small object's
 * encoding and decoding time.
 */
const options = {
  useRecords: true,
  mapsAsObjects: false,
  moreTypes: true,
  getStructures: loadShapes,
  saveStructures: saveShapes,
};
/** The packers that know a run's shapes: a recycled Worker (process-state.ts) starts anew. */
function shapePackers() {
  return {
    /** Items with no object in them twice: most of them. */
    packr: new Packr(options),
    /**
     * Items that hold an object twice, or a cycle: structured cloning keeps them one object on
     * the other side, as pickle and postMessage do. It tracks every object it packs, which
     * costs a small item a quarter more time, so only these items pay it.
     */
    clonePackr: new Packr({ ...options, structuredClone: true }),
    /** It decodes from `scratch`, and so may return no view of it: Uint8Arrays come out as copies. */
    unpackr: new Packr({ ...options, structuredClone: true, copyBuffers: true }),
  };
}
let { packr, clonePackr, unpackr } = shapePackers();
perProcess(() => ({ packr, clonePackr, unpackr } = shapePackers()));
/** Shapes themselves are stored without records (they are arrays of keys). */
const plain = new Packr({ useRecords: false });

/** An encoded item: `bytes[start, end)`. */
export interface Encoded {
  bytes: Uint8Array;
  start: number;
  end: number;
}

/**
 * msgpackr packs into its own buffer, from the same place each time, and returns that buffer
 * with where the item lies in it: no view made per item.
 */
const IN_PLACE = REUSE_BUFFER_MODE | RESET_BUFFER_MODE;
const encoded: Encoded = { bytes: new Uint8Array(0), start: 0, end: 0 };

/** The item encoded: valid until the next call (it is msgpackr's buffer); copy it at once. */
export function encodeItem(value: unknown): Encoded {
  if (!needsLook(value)) return inPlace(packr, value);
  repeats = false;
  forgetVisits(); // in case the last check threw (a getter did, or the item nests too deep)
  const bad = refused(value);
  forgetVisits();
  if (bad) throw new TypeError(bad);
  return inPlace(repeats ? clonePackr : packr, value);
}

function inPlace(packer: Packr, value: unknown): Encoded {
  const bytes = packer.pack(value, IN_PLACE) as Uint8Array & { start?: number; end?: number };
  encoded.bytes = bytes;
  // A pack that saved new shapes returns a view of the item instead.
  encoded.start = bytes.start ?? 0;
  encoded.end = bytes.end ?? bytes.length;
  return encoded;
}

/** Copies an encoded item into `u8` at `at` (a loop is quicker than set() for a few bytes). */
export function copyEncoded(item: Encoded, u8: Uint8Array, at: number): void {
  const { bytes, start, end } = item;
  if (end - start <= 64) for (let i = start; i < end; i++) u8[at + i - start] = bytes[i];
  else u8.set(bytes.subarray(start, end), at);
}

/**
 * Where items are decoded from: one buffer, reused. msgpackr caches a DataView on the array it
 * decodes; a fresh array per item made it build one each time (about 0.5 µs per item).
 */
let scratch = new Uint8Array(1024);

/** Decodes the item encoded in `u8[start, end)`: the shared heap, say (it is copied out first). */
export function decodeItem(u8: Uint8Array, start: number, end: number): unknown {
  const n = end - start;
  if (n > scratch.length) scratch = new Uint8Array(2 ** Math.ceil(Math.log2(n)));
  if (n <= 64) for (let i = 0; i < n; i++) scratch[i] = u8[start + i];
  else scratch.set(u8.subarray(start, end));
  return unpackr.unpack(scratch, n);
}

/** The run's shapes so far (a decoder meeting an unknown shape id reloads them). */
function loadShapes(): object[] {
  const { heap } = ctx();
  return guarded(heap.i32, H.shapesLock, storedShapes);
}

/**
 * Adds this process's new shapes, unless another process saved some since this one loaded
 * (msgpackr's `isCompatible`, on the array, says so): then msgpackr reloads and encodes again.
 */
function saveShapes(shapes: object[] & { isCompatible?: (existing: object[]) => boolean }) {
  const { heap } = ctx();
  return guarded(heap.i32, H.shapesLock, () => {
    if (shapes.isCompatible && !shapes.isCompatible(storedShapes())) return false;
    const bytes = plain.pack(shapes);
    const block = heap.alloc(4 + bytes.length, false);
    heap.i32[block / 4] = bytes.length;
    heap.u8.set(bytes, block + 4);
    const old = heap.i32[H.shapes];
    heap.i32[H.shapes] = block;
    if (old) heap.free(old);
    return true;
  });
}

function storedShapes(): object[] {
  const { heap } = ctx();
  const block = heap.i32[H.shapes];
  if (!block) return [];
  // A copy: decoders (TextDecoder) refuse views of shared memory.
  return plain.unpack(heap.u8.slice(block + 4, block + 4 + heap.i32[block / 4])) as object[];
}

/**
 * The objects met so far in the item being checked: in slots while few (an array's includes,
 * push and truncation cost a small item a third of its check), then in a set.
 */
const SLOTS = 16;
const slots = new Array<object | null>(SLOTS).fill(null);
let filled = 0;
let visitedSet: Set<object> | null = null;
/** Whether the item holds an object twice (a cycle is one way to). */
let repeats = false;

/** Whether `value` is met for the first time in this item; records it. */
function firstVisit(value: object): boolean {
  if (visitedSet) {
    if (visitedSet.has(value)) return false;
    visitedSet.add(value);
    return true;
  }
  for (let i = 0; i < filled; i++) if (slots[i] === value) return false;
  if (filled < SLOTS) slots[filled++] = value;
  else visitedSet = new Set([...(slots as object[]), value]);
  return true;
}

/** Lets go of the objects met (so the queue keeps no item alive). */
function forgetVisits(): void {
  for (let i = 0; i < filled; i++) slots[i] = null;
  filled = 0;
  visitedSet = null;
}

/** Whether the check must look at `value`: objects (not null), functions and symbols. */
function needsLook(value: unknown): boolean {
  return typeof value === 'object'
    ? value !== null
    : typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Why the queue cannot carry `value` faithfully (null if it can), found before anything is
 * written: `value` is one that needsLook. The path to the offending part is built only then,
 * on the way out. Notes on the way whether an object comes twice (and checks it once). Runs
 * on every put, so parts that need no look are skipped without a call.
 */
function refused(value: unknown): string | null {
  if (typeof value === 'function') return 'cannot put a function (item) into a queue';
  if (typeof value !== 'object' || value === null) return 'cannot put a symbol (item) into a queue';
  if (!firstVisit(value)) {
    repeats = true;
    return null;
  }
  // The commonest first.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const part: unknown = value[i];
      if (!needsLook(part)) continue;
      const bad = refused(part);
      if (bad) return at(bad, `[${i}]`);
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null) {
    for (const key in value) {
      const part = (value as Record<string, unknown>)[key];
      if (!needsLook(part)) continue;
      const bad = refused(part);
      if (bad) return at(bad, `.${key}`);
    }
    return null;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date)
    return null;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const badKey = needsLook(k) ? refused(k) : null;
      if (badKey) return at(badKey, ' key');
      const badValue = needsLook(v) ? refused(v) : null;
      if (badValue) return at(badValue, ' value');
    }
    return null;
  }
  if (value instanceof Set) {
    for (const v of value) {
      const bad = needsLook(v) ? refused(v) : null;
      if (bad) return at(bad, ' item');
    }
    return null;
  }
  const name = pythonTypeName(value as object);
  return (
    `cannot put a ${name} (item) into a queue: items are plain data (numbers, strings, ` +
    'booleans, null, undefined, bigint, arrays, plain objects, typed arrays, Map, Set, Date)'
  );
}

/** A part's refusal, its message saying where in the item the part is. */
function at(message: string, where: string): string {
  return message.replace('(item', `(item${where}`);
}
