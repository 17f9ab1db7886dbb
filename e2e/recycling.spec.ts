import type { Page } from '@playwright/test';
import { expect, runProgram, test } from './support/runner';

/**
 * Within a run, a Worker whose process ended by itself serves a later process (host/run-reuse.ts)
 * when the process left it as a fresh one would be (runtime/realm-watch.ts): a program cannot
 * tell, and one that changed anything gets a fresh Worker next.
 */

const started = (page: Page) => page.evaluate(() => window.runnerWorkers().started);

test('children started one after another reuse the Workers of those that ended', async ({
  page,
}) => {
  const run = await runProgram(page, 'print("warm")'); // loads the runner page
  expect(run.exitCode).toBe(0);
  const before = await started(page);
  const sequential = await runProgram(
    page,
    `import { Process, currentProcess } from 'multiprocessing';
function work(i: number) { print('child', i, currentProcess().name); }
if (__name__ === '__main__') {
  for (let i = 0; i < 40; i++) {
    const p = new Process({ target: work, args: [i] });
    p.start();
    p.join();
  }
}`,
  );
  expect(sequential.exitCode).toBe(0);
  expect(sequential.stdout).toEqual(
    Array.from({ length: 40 }, (_, i) => `child ${i} Process-${i + 1}`),
  );
  // 41 processes; the pool refills what the run took from it, a few Workers at most.
  expect((await started(page)) - before).toBeLessThanOrEqual(6);
  await expect
    .poll(() => page.evaluate(() => window.runnerWorkers()), { timeout: 10_000 })
    .toEqual(expect.objectContaining({ live: 8, pooled: 8 }));
});

/** What each child changes for the next one to see, if its Worker served the next. */
const CHANGES = [
  `(globalThis as any).leftover = 1`,
  `(Array.prototype as any).leftover = 1`,
  `(Math as any).leftover = 1`,
  `Object.defineProperty(String.prototype, 'leftover', { value: 1 })`,
  `(Process.prototype as any).leftover = 1`,
  `(Object.getPrototypeOf([][Symbol.iterator]()) as any).leftover = 1`,
  `Error.stackTraceLimit = 3`,
  `Object.preventExtensions(JSON)`,
  `Object.setPrototypeOf(Reflect, null)`,
  `addEventListener('message', () => print('stale listener'))`,
  `(globalThis as any).onmessage = () => print('stale handler')`,
  `void Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300).value.then(() => print('stale wait'))`,
  `new MessageChannel().port1.onmessage = () => print('stale port')`,
];

test('a child that changed what the next would see leaves it a fresh Worker', async ({ page }) => {
  await runProgram(page, 'print("warm")'); // loads the runner page
  const before = await started(page);
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { sleep } from 'time';
function seen(): string[] {
  const found = [];
  if ('leftover' in globalThis) found.push('global');
  if ('leftover' in []) found.push('Array.prototype');
  if ('leftover' in Math) found.push('Math');
  if ('leftover' in String.prototype) found.push('String.prototype');
  if ('leftover' in Process.prototype) found.push('Process.prototype');
  if ('leftover' in [][Symbol.iterator]()) found.push('ArrayIteratorPrototype');
  if (Error.stackTraceLimit !== 50) found.push('Error.stackTraceLimit');
  if (!Object.isExtensible(JSON)) found.push('JSON');
  if (Object.getPrototypeOf(Reflect) === null) found.push('Reflect');
  if ((globalThis as any).onmessage) found.push('onmessage');
  return found;
}
function change(i: number) {
  const found = seen();
  print(i, found.length ? 'saw ' + found.join(', ') : 'clean');
  switch (i) {
${CHANGES.map((change, i) => `    case ${i}: ${change}; break;`).join('\n')}
  }
}
if (__name__ === '__main__') {
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < ${CHANGES.length}; i++) {
      const p = new Process({ target: change, args: [i] });
      p.start();
      p.join();
    }
  sleep(0.5); // what a stale listener, wait or port would print comes by then
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([...CHANGES, ...CHANGES].map((_, k) => `${k % CHANGES.length} clean`));
  expect(run.exitCode).toBe(0);
  // Every child's Worker was terminated, none recycled.
  expect((await started(page)) - before).toBeGreaterThanOrEqual(2 * CHANGES.length);
});
