import { Packr } from 'msgpackr';

/**
 * Queue items as bytes in the shared heap. msgpackr (MessagePack with its structured-clone
 * extensions) because it is well kept, fast, and round-trips what a program puts in a queue:
 * Map and Set, Date, bigint, typed arrays, undefined, nested plain objects (as records, so
 * decoded Maps stay Maps). Bare numbers, the commonest items, never get here in a FIFO queue:
 * the ring stores them as float64 records (ring.ts).
 */
const packr = new Packr({
  structuredClone: true,
  useRecords: true,
  mapsAsObjects: false,
  moreTypes: true,
});
const unpackr = new Packr({
  structuredClone: true,
  useRecords: true,
  mapsAsObjects: false,
  moreTypes: true,
});

/** The item's bytes: valid until the next call (msgpackr reuses its buffer); copy them at once. */
export function encodeItem(value: unknown): Uint8Array {
  checkItem(value, 'item', new Set());
  return packr.pack(value);
}

export function decodeItem(bytes: Uint8Array): unknown {
  return unpackr.unpack(bytes);
}

/** Refuses, before anything is written, what the queue cannot carry faithfully. */
function checkItem(value: unknown, path: string, seen: Set<object>): void {
  if (typeof value === 'function')
    throw new TypeError(`cannot put a function (${path}) into a queue`);
  if (typeof value === 'symbol') throw new TypeError(`cannot put a symbol (${path}) into a queue`);
  if (typeof value !== 'object' || value === null) return;
  if (seen.has(value)) return;
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date) return;
  if (Array.isArray(value)) value.forEach((v, i) => checkItem(v, `${path}[${i}]`, seen));
  else if (value instanceof Map)
    value.forEach(
      (v, k) => (checkItem(k, `${path} key`, seen), checkItem(v, `${path} value`, seen)),
    );
  else if (value instanceof Set) value.forEach((v) => checkItem(v, `${path} item`, seen));
  else {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as object).constructor?.name || 'object';
      throw new TypeError(
        `cannot put a ${name} (${path}) into a queue: items are plain data (numbers, strings, ` +
          'booleans, null, undefined, bigint, arrays, plain objects, typed arrays, Map, Set, Date)',
      );
    }
    for (const [k, v] of Object.entries(value)) checkItem(v, `${path}.${k}`, seen);
  }
}
