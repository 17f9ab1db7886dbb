import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

// Alone on the machine (playwright.config.ts): the claim is about when threads start, and
// beside another test's load a thread waiting for a fresh Worker once started after the
// first thread's 3 s sleep (two counts printed).

test('p42 with time for every thread to start: all ten increment before the first print, every line the same count', async ({
  page,
}) => {
  // A sleep of 3 s instead of 1 s leaves room for threads that wait for a fresh Worker.
  const run = await runLesson(page, 'p42', { timeScale: 3 });
  const values = run.stdout.map(Number);
  expect(values).toHaveLength(10);
  expect(new Set(values).size).toBe(1);
  expect(values[0]).toBeGreaterThanOrEqual(8); // increments collide and one is lost
  expect(run.exitCode).toBe(0);
});
