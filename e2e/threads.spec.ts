import { expect, runProgram, test } from './support/runner';

test('threads: names, the process pid, currentThread, join order and errors', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Thread, currentThread, mainThread, activeCount, enumerate } from 'threading';
import { currentProcess } from 'multiprocessing';
import { getpid } from 'os';
import { sleep } from 'time';
function work(n: number) {
  sleep(0.2 * n);
  print(currentThread().name, 'in', currentProcess().name, getpid(), currentThread() === mainThread());
}
if (__name__ === '__main__') {
  print('main', currentThread().name, getpid());
  const ts = [1, 2].map((n) => new Thread({ target: work, args: [n] }));
  const named = new Thread({ target: work, args: [3], name: 'LoopThread' });
  [...ts, named].forEach((t) => t.start());
  print('active', activeCount(), enumerate().length);
  [...ts, named].forEach((t) => t.join());
  print('active after', activeCount(), ts[0].isAlive());
  try { ts[0].start(); } catch (e) { print((e as Error).name, (e as Error).message); }
  try { new Thread({ target: work }).join(); } catch (e) { print((e as Error).message); }
}`,
  );
  const pid = run.stdout[0].split(' ')[2];
  expect(run.stdout.slice(0, 2)).toEqual([`main MainThread ${pid}`, 'active 4 4']);
  // The threads' lines in any order: under load a thread's Worker can start 0.2 s late.
  expect(run.stdout.slice(2, 5).sort()).toEqual([
    `LoopThread in MainProcess ${pid} false`,
    `Thread-1 in MainProcess ${pid} false`,
    `Thread-2 in MainProcess ${pid} false`,
  ]);
  expect(run.stdout.slice(5)).toEqual([
    'active after 1 false',
    'RuntimeError threads can only be started once',
    'cannot join thread before it is started',
  ]);
});

test('a daemon thread is dropped when the non-daemon threads are done', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Thread } from 'threading';
import { sleep } from 'time';
function forever() { for (let i = 0; ; i++) { print('tick', i); sleep(0.1); } }
function finite() { sleep(0.35); print('finite done'); }
if (__name__ === '__main__') {
  new Thread({ target: forever, daemon: true }).start();
  new Thread({ target: finite }).start();
  print('main code ends');
}`,
  );
  expect(run.lines.at(-1)).toBe('finite done');
  expect(run.indexOf('main code ends')).toBeLessThan(run.indexOf('finite done'));
  expect(run.count(/^tick/)).toBeGreaterThanOrEqual(2);
  expect(run.exitCode).toBe(0);
});

test('Timer fires after its interval; a cancelled one never does', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Timer } from 'threading';
import { perfCounter, sleep } from 'time';
const t0 = perfCounter();
function hello(who: string) { print('hello,', who, perfCounter() - t0 > 0.25); }
if (__name__ === '__main__') {
  const t = new Timer(0.3, hello, ['world']);
  t.start();
  const never = new Timer(0.3, hello, ['nobody']);
  never.start();
  sleep(0.1);
  never.cancel();
  t.join(); never.join();
  print('done');
}`,
  );
  expect(run.stdout).toEqual(['hello, world true', 'done']);
});

test('threads share a counter only through shared memory: unlocked increments race', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Thread } from 'threading';
import { SharedArray, Barrier } from 'multiprocessing';
import { sleep } from 'time';
let plain = 0;
const together = new Barrier(5);
function bump(counter: SharedArray) { together.wait(); const seen = counter[0]; sleep(0.2); counter[0] = seen + 1; plain += 1; }
if (__name__ === '__main__') {
  const counter = new SharedArray('i', [0]);
  const ts = Array.from({ length: 5 }, () => new Thread({ target: bump, args: [counter] }));
  ts.forEach((t) => t.start());
  ts.forEach((t) => t.join());
  print('counter', counter[0], 'plain', plain);
}`,
  );
  // Every thread read 0 before any wrote: the lost updates are real. The global never moves.
  expect(run.stdout).toEqual(['counter 1 plain 0']);
});
