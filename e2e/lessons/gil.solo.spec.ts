import type { Page } from '@playwright/test';
import { runLesson } from '../support/lessons';
import { expect, test, type RunResult } from '../support/runner';

// The GIL lessons compare how long two threads take one after the other and at once: run
// alone, after every other test (playwright.config.ts), so another test's load on the same
// two cores does not decide the comparison.

/** The seconds p35 and p36 print as `Total time: <s>`. */
const totalTime = (run: RunResult) =>
  Number(run.stdout.find((l) => l.startsWith('Total time: '))!.slice('Total time: '.length));

const COUNTED = 'counted 2000000000';

test('p35: the two threads count one after the other', async ({ page }) => {
  const run = await runLesson(page, 'p35');
  expect(run.stdout).toHaveLength(3);
  expect(run.stdoutOf('Thread-1')).toEqual([COUNTED]);
  expect(run.stdoutOf('Thread-2')).toEqual([COUNTED]);
  expect(run.stdout.at(-1)).toMatch(/^Total time: [\d.]+$/);
  // Thread-2 starts only after Thread-1 was joined: its count ends about one count later.
  const [first, second] = run.outputs.filter((e) => e.text === COUNTED).map((e) => e.t);
  expect(second - first).toBeGreaterThan(0.25 * totalTime(run) * 1000);
  expect(run.exitCode).toBe(0);
});

/** The best of three runs: on a shared 2-core machine one run may lose a core to others. */
async function bestTotal(page: Page, id: string) {
  const runs: RunResult[] = [];
  for (let k = 0; k < 3; k++) runs.push(await runLesson(page, id));
  return { run: runs[2], total: Math.min(...runs.map(totalTime)) };
}

test('p36: no GIL, the two threads run at once, faster than p35; async tasks in one Worker take turns and add up', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const serial = await bestTotal(page, 'p35');
  const { run, total } = await bestTotal(page, 'p36');
  // CPython is slower here (the GIL); two Workers on two cores take about half of p35.
  expect(serial.total / total).toBeGreaterThan(1.3);
  expect(run.stdoutOf('Thread-1')).toEqual([COUNTED]);
  expect(run.stdoutOf('Thread-2')).toEqual([COUNTED]);

  // Part two, in the main Worker only: the tasks take turns at each await...
  const main = run.stdoutOf('MainProcess');
  const parts = (name: string) => [1, 2, 3, 4].map((k) => `${name}: part ${k} done`);
  expect(main.slice(1)).toEqual([
    ...parts('alone'),
    expect.stringMatching(/^one async task alone: [\d.]+ s$/),
    ...parts('A').flatMap((a, k) => [a, parts('B')[k]]),
    expect.stringMatching(/^two async tasks in one Worker: [\d.]+ s \([\d.]+ x one\)$/),
  ]);
  // ...but never run at once: two take the sum of their times, not the time of one.
  const alone = Number(/([\d.]+) s$/.exec(main[5])![1]);
  const [, both, ratio] = /: ([\d.]+) s \(([\d.]+) x one\)$/.exec(main.at(-1)!)!.map(Number);
  expect(ratio).toBeGreaterThan(1.6);
  expect(both).toBeGreaterThan(1.6 * alone);
  expect(run.exitCode).toBe(0);
});
