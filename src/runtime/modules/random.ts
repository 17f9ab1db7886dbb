/**
 * Python's `random` module over Math.random (each process has its own stream); in a scheduled
 * run, over a stream seeded from the schedule, so a replay draws the same numbers.
 */
import { ValueError } from '../errors';
import { sched } from '../sched/hooks';
import { mulberry32 } from '../sched/prng';
import { perProcess } from '../process-state';

let seeded: (() => number) | null = null;
perProcess(() => (seeded = null));

function rand(): number {
  if (!sched) return Math.random();
  seeded ??= mulberry32(sched.seed);
  return seeded();
}

export function random(): number {
  return rand();
}

/** A float in [a, b]. */
export function uniform(a: number, b: number): number {
  return a + (b - a) * rand();
}

/** An integer in [a, b], both ends included. */
export function randint(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b)) throw new ValueError('randint takes integers');
  if (b < a) throw new ValueError(`empty range in randint(${a}, ${b})`);
  return a + Math.floor(rand() * (b - a + 1));
}

/** An integer from range(start, stop, step), like Python's randrange. */
export function randrange(start: number, stop?: number, step = 1): number {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new ValueError('zero step for randrange()');
  const n = Math.ceil((stop - start) / step);
  if (n <= 0) throw new ValueError(`empty range in randrange(${start}, ${stop}, ${step})`);
  return start + step * Math.floor(rand() * n);
}

export function choice<T>(seq: ArrayLike<T>): T {
  if (seq.length === 0) throw new RangeError('Cannot choose from an empty sequence');
  return seq[Math.floor(rand() * seq.length)];
}

/** Shuffles an array in place (Fisher-Yates). */
export function shuffle(items: unknown[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
