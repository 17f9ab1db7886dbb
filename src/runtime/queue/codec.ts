import { Packr } from 'msgpackr';

/**
 * Queue items as bytes in the shared heap. msgpackr (MessagePack with its structured-clone
 * extensions) because it is well kept, fast, and round-trips what a program puts in a queue:
 * Map and Set, Date, bigint, typed arrays, undefined, nested plain objects (as records, so
 * decoded Maps stay Maps). A bare number, the commonest item, skips it: one tag byte and a
 * float64.
 *
 *   tag 1  float64 number (8 bytes follow)
 *   tag 2  msgpackr bytes follow
 */
const NUMBER = 1;
const PACKED = 2;

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
const scratch = new DataView(new ArrayBuffer(9));

export function encodeItem(value: unknown): Uint8Array {
  if (typeof value === 'number') {
    scratch.setUint8(0, NUMBER);
    scratch.setFloat64(1, value, true);
    return new Uint8Array(scratch.buffer, 0, 9);
  }
  checkItem(value, 'item', new Set());
  const packed = packr.pack(value);
  const bytes = new Uint8Array(packed.length + 1);
  bytes[0] = PACKED;
  bytes.set(packed, 1);
  return bytes;
}

/** `bytes` may be a view into the heap: decoding copies what it keeps. */
export function decodeItem(bytes: Uint8Array): unknown {
  if (bytes[0] === NUMBER)
    return new DataView(bytes.buffer, bytes.byteOffset + 1, 8).getFloat64(0, true);
  return unpackr.unpack(bytes.slice(1));
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
