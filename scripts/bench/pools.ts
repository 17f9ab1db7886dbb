import type { Page } from '@playwright/test';
import { runTimed, type BenchRunOptions, type Measure } from './measure';

/** The numbers a program printed as `label value` lines. */
export async function printedNumbers(
  page: Page,
  program: string,
  options: BenchRunOptions = {},
): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (const { event } of await runTimed(page, program, options)) {
    if (event.type !== 'output') continue;
    if (event.stream === 'stderr') throw new Error(`bench program failed: ${event.text}`);
    const [label, value] = event.text.split(' ');
    values[label] = Number(value);
  }
  return values;
}

const emptyTasks: Measure = {
  name: 'process_pool_empty_tasks',
  unit: 'tasks/s',
  target: 'report',
  ok: () => true,
  async run(page) {
    const { rate } = await printedNumbers(
      page,
      `import { ProcessPoolExecutor } from 'concurrent.futures';
function nothing() { return null; }
if (__name__ === '__main__') {
  const ex = new ProcessPoolExecutor(2);
  ex.submit(nothing).result(); // workers started
  const n = 20000;
  const t0 = performance.now();
  const fs = Array.from({ length: n }, () => ex.submit(nothing));
  fs.forEach((f) => f.result());
  print('rate', n / ((performance.now() - t0) / 1000));
  ex.shutdown();
}`,
    );
    return rate;
  },
};

/**
 * Pool.map of a CPU-bound function over 4000 items (the primes below 2.5 million, each item
 * every 4000th number, so that items cost alike, about 0.1 ms each) with 1 and with 2 workers,
 * by map's default chunksize (CPython's: 4 chunks a worker). Items this small are where
 * hand-offs count: one task an item (chunksize 1) read 1.5x where the default chunks read 1.9x
 * on this 2-core machine. Both pools are started and warmed first; the maps are timed in turns,
 * the best of TRIES each, so a slow spell of the shared machine costs both alike (as the
 * kernels' speed-ups are).
 */
const mapSpeedup: Measure = {
  name: 'pool_map_speedup_2_vs_1',
  unit: 'x',
  target: '>= 1.8',
  ok: (v) => v >= 1.8,
  async run(page) {
    const { speedup, ms } = await printedNumbers(
      page,
      `import { Pool } from 'multiprocessing';
const ITEMS = 4000, END = 2_500_000, TRIES = 4;
function primes(item: number) {
  let count = 0;
  for (let n = item; n < END; n += ITEMS) {
    let prime = n > 1;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) count++;
  }
  return count;
}
const items = Array.from({ length: ITEMS }, (_, i) => i);
function timed(pool: Pool): number {
  const t0 = performance.now();
  const counts = pool.map(primes, items);
  const ms = performance.now() - t0;
  if (counts.reduce((a, b) => a + b) !== 183072) throw new Error('wrong count of primes');
  return ms;
}
if (__name__ === '__main__') {
  const [one, two] = [new Pool(1), new Pool(2)];
  for (const pool of [one, two]) pool.map(primes, items, 100); // every worker warmed
  let [oneMs, twoMs] = [Infinity, Infinity];
  for (let t = 0; t < TRIES; t++) [oneMs, twoMs] = [Math.min(oneMs, timed(one)), Math.min(twoMs, timed(two))];
  one.terminate();
  two.terminate();
  print('speedup', oneMs / twoMs);
  print('ms', oneMs);
}`,
    );
    if (ms < 300) throw new Error(`pool map: ${ms} ms of work is too little to time`);
    return speedup;
  },
};

export const poolMeasures: Measure[] = [emptyTasks, mapSpeedup];
