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

const mapSpeedup: Measure = {
  name: 'pool_map_speedup_2_vs_1',
  unit: 'x',
  target: 'report (2 cores)',
  ok: () => true,
  async run(page) {
    const { speedup } = await printedNumbers(
      page,
      `import { Pool } from 'multiprocessing';
function primes(chunk: number) {
  let count = 0;
  for (let n = chunk * 20000; n < (chunk + 1) * 20000; n++) {
    let prime = n > 1;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) count++;
  }
  return count;
}
/** The better of two maps of 80 chunks, after a warm-up that reaches every worker. */
function timed(workers: number) {
  const pool = new Pool(workers);
  pool.map(primes, Array.from({ length: 8 }, (_, i) => i));
  let best = Infinity;
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    pool.map(primes, Array.from({ length: 80 }, (_, i) => i));
    best = Math.min(best, performance.now() - t0);
  }
  pool.terminate();
  return best;
}
if (__name__ === '__main__') {
  const one = timed(1);
  const two = timed(2);
  print('speedup', one / two);
}`,
    );
    return speedup;
  },
};

export const poolMeasures: Measure[] = [emptyTasks, mapSpeedup];
