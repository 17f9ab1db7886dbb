import { expect, test } from './support/runner';
import { LOST_UPDATE, explore, replay, transcript } from './support/schedules';

/**
 * Explore and replay (issue #17): the runner runs a program one process at a time under
 * seeded schedules until one fails, and replays the failing one exactly.
 */
test('explore finds the lost update within 200 schedules, and its replay is exact 10 times of 10', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const found = await explore(page, LOST_UPDATE, { schedules: 200, seed: 7 });
  expect(found.failing?.why).toBe('the main process exited with code 1');
  const schedule = found.failing!.schedule!;
  expect(schedule).toMatch(/^1f\.[0-9a-z]+\./);
  const expected = transcript(found.failing!);
  expect(expected).toMatch(/total [1-5]\b/);
  for (let k = 0; k < 10; k++) {
    const again = await replay(page, LOST_UPDATE, schedule);
    expect(again.diverged).toBe(false);
    expect(transcript(again)).toBe(expected);
  }
});

const TWO_LOCKS = (ordered: boolean) => `import { Process, Lock } from 'multiprocessing';
const a = new Lock();
const b = new Lock();
function one() {
  a.acquire(); b.acquire();
  print('one has both');
  b.release(); a.release();
}
function two() {
  ${ordered ? 'a.acquire(); b.acquire();' : 'b.acquire(); a.acquire();'}
  print('two has both');
  ${ordered ? 'b.release(); a.release();' : 'a.release(); b.release();'}
}
if (__name__ === '__main__') {
  const ps = [new Process({ target: one }), new Process({ target: two })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
}
`;

test('explore finds the lock-order deadlock within 50 schedules', async ({ page }) => {
  test.setTimeout(300_000);
  const found = await explore(page, TWO_LOCKS(false), { schedules: 50, seed: 3 });
  expect(found.failing?.why).toBe('a deadlock');
  expect(found.explored).toBeLessThanOrEqual(50);
});

test('the same locks taken in one order: 300 schedules, none fails', async ({ page }) => {
  test.setTimeout(600_000);
  const found = await explore(page, TWO_LOCKS(true), { schedules: 300, seed: 3 });
  expect(found.failing).toBeNull();
  expect(found.explored).toBe(300);
});

test('virtual time: sleeps take no real time, and time() follows the schedule', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const source = `import { Process } from 'multiprocessing';
import { sleep, perfCounter } from 'time';
import { random } from 'random';
function nap(s: number) { const t = perfCounter(); sleep(s); print('slept', s, perfCounter() - t, random() < 1); }
if (__name__ === '__main__') {
  const t = perfCounter();
  const ps = [new Process({ target: nap, args: [30] }), new Process({ target: nap, args: [10] })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print('total', perfCounter() - t);
}
`;
  await page.goto('/run.html');
  await page.waitForFunction(() => typeof window.runProgram === 'function');
  const first = await replay(page, source, '1.5.');
  expect(first.diverged).toBe(true); // an empty schedule: the lowest pid ready runs
  expect(transcript(first)).toContain('slept 10 10 true');
  expect(transcript(first)).toContain('slept 30 30 true');
  expect(transcript(first)).toContain('total 30');
  const end = first.events.at(-1);
  expect(end?.type === 'end' && end.durationMs).toBeLessThan(20_000); // 30 s of sleeps
});

/**
 * A program every schedule of which fails if a Worker it gets still remembers an earlier
 * process: its start method set, its current process, its children, a pool's workers, a
 * timer the last process left (an exploration recycles Workers: runtime/process-state.ts).
 */
const FORGETFUL = `import { Process, Pool, Lock, setStartMethod, currentProcess, activeChildren } from 'multiprocessing';
import { random } from 'random';
function square(x: number) { return x * x; }
const scope = globalThis as { timerFired?: boolean };
function work(lock: Lock) {
  if (scope.timerFired) throw new Error('a timer of an ended process fired');
  lock.acquire();
  print(currentProcess().name, activeChildren().length, random() < 1);
  lock.release();
  setTimeout(() => (scope.timerFired = true), 50); // never fires: the process ends first
}
if (__name__ === '__main__') {
  setStartMethod('spawn');
  const lock = new Lock();
  const ps = [new Process({ target: work, args: [lock] }), new Process({ target: work, args: [lock] })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  if (currentProcess().name !== 'MainProcess' || activeChildren().length !== 0 || scope.timerFired)
    throw new Error('remembered');
  const pool = new Pool(2);
  print(pool.map(square, [1, 2, 3]).join(' '));
  pool.close();
  pool.join();
}
`;

test('explored schedules reuse Workers that forget each process, and none is left behind', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const found = await explore(page, FORGETFUL, { schedules: 30, seed: 5 });
  expect(found.failing).toBeNull();
  expect(found.explored).toBe(30);
  // Every Worker the exploration took is terminated or back in the page's pool.
  await expect
    .poll(() => page.evaluate(() => window.runnerWorkers()), { timeout: 10_000 })
    .toEqual(expect.objectContaining({ live: 8, pooled: 8 }));
});
