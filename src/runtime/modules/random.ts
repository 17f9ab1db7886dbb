/** Python's `random` module over Math.random (each process has its own stream). */
import { ValueError } from '../errors';

export function random(): number {
  return Math.random();
}

/** A float in [a, b]. */
export function uniform(a: number, b: number): number {
  return a + (b - a) * Math.random();
}

/** An integer in [a, b], both ends included. */
export function randint(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b)) throw new ValueError('randint takes integers');
  if (b < a) throw new ValueError(`empty range in randint(${a}, ${b})`);
  return a + Math.floor(Math.random() * (b - a + 1));
}

/** An integer from range(start, stop, step), like Python's randrange. */
export function randrange(start: number, stop?: number, step = 1): number {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new ValueError('zero step for randrange()');
  const n = Math.ceil((stop - start) / step);
  if (n <= 0) throw new ValueError(`empty range in randrange(${start}, ${stop}, ${step})`);
  return start + step * Math.floor(Math.random() * n);
}

export function choice<T>(seq: ArrayLike<T>): T {
  if (seq.length === 0) throw new RangeError('Cannot choose from an empty sequence');
  return seq[Math.floor(Math.random() * seq.length)];
}

/** Shuffles an array in place (Fisher-Yates). */
export function shuffle(items: unknown[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
