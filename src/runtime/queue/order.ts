import { pythonTypeName } from '../class-names';

/**
 * Python's ordering for PriorityQueue items (heapq compares with `<`): numbers and bigints by
 * value, strings by code point, arrays (Python's tuples) element by element, then by length.
 * Anything else cannot be ordered, as in Python.
 */
export function compareItems(a: unknown, b: unknown): number {
  if (isNumeric(a) && isNumeric(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareItems(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  throw new TypeError(
    `'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
  );
}

/**
 * A number that orders items the same way when it differs between two items: the item itself
 * for a number, the first element for an array starting with a number; NaN when only a full
 * comparison can tell.
 */
export function sortKey(item: unknown): number {
  if (typeof item === 'number') return item;
  if (Array.isArray(item) && typeof item[0] === 'number') return item[0];
  return NaN;
}

function isNumeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return pythonTypeName(v as object);
  return typeof v;
}
