import { ValueError } from '../errors';

/**
 * How a Pool's map cuts its items into tasks (Python's chunksize). Each task crosses the tasks
 * queue once and its results come back as one list, so a chunk of k items costs one hand-off
 * each way instead of k; the workers still share the work, as each takes its next chunk when
 * it is free.
 */

/** CPython's check (imap's, applied here to every map): a whole number, 1 or more. */
export function checkedChunksize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(
      `chunksize must be a whole number, not ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  if (value < 1) throw new ValueError(`Chunksize must be 1+, not ${value}`);
  return value;
}

/**
 * The chunksize of map and starmap: the one given, or CPython's default (Pool._map_async),
 * about four chunks per worker, so that a worker slowed by the machine's other work, or given
 * the costlier items, holds the others up less than with one chunk each. 0 for no items.
 */
export function mapChunksize(items: number, workers: number, given: unknown): number {
  if (given !== null && given !== undefined) return checkedChunksize(given);
  const size = Math.floor(items / (workers * 4));
  return items % (workers * 4) === 0 ? size : size + 1;
}

/** `items` cut in runs of `size` (the last may be shorter), each with its first index. */
export function chunksOf<T>(items: T[], size: number): { first: number; items: T[] }[] {
  const chunks: { first: number; items: T[] }[] = [];
  for (let first = 0; first < items.length; first += size)
    chunks.push({ first, items: items.slice(first, first + size) });
  return chunks;
}
