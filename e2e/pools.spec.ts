import { expect, runProgram, test } from './support/runner';

test('1,000 tasks on 4 workers: map in order; asCompleted and imapUnordered give each result once', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ProcessPoolExecutor, ThreadPoolExecutor, asCompleted } from 'concurrent.futures';
import { Pool } from 'multiprocessing';
function cube(x: number) { return x * x * x; }
if (__name__ === '__main__') {
  const xs = Array.from({ length: 1000 }, (_, i) => i);
  const expected = xs.map(cube);
  {
    using ex = new ProcessPoolExecutor(4);
    print('executor map in order', JSON.stringify([...ex.map(cube, xs)]) === JSON.stringify(expected));
    const seen = [...asCompleted(xs.map((x) => ex.submit(cube, x)))].map((f) => f.result());
    print('asCompleted once each', JSON.stringify(seen.sort((a, b) => a - b)) === JSON.stringify(expected));
  }
  using threads = new ThreadPoolExecutor(4);
  print('thread map in order', JSON.stringify([...threads.map(cube, xs)]) === JSON.stringify(expected));
  const pool = new Pool(4);
  print('pool map in order', JSON.stringify(pool.map(cube, xs)) === JSON.stringify(expected));
  const unordered = [...pool.imapUnordered(cube, xs)];
  print('imapUnordered once each', JSON.stringify(unordered.sort((a, b) => a - b)) === JSON.stringify(expected));
  print('imap in order', JSON.stringify([...pool.imap(cube, xs)]) === JSON.stringify(expected));
  print('starmap', pool.starmap(cube, [[2], [3]]).join(','), 'apply', pool.apply(cube, [4]));
  pool.close();
  pool.join();
}`,
    { timeoutMs: 120_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'executor map in order true',
    'asCompleted once each true',
    'thread map in order true',
    'pool map in order true',
    'imapUnordered once each true',
    'imap in order true',
    'starmap 8,27 apply 64',
  ]);
});

test('futures: TimeoutError, a task error with its own line, cancelFutures, callbacks, AsyncResult', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, TimeoutError } from 'concurrent.futures';
import { Pool } from 'multiprocessing';
import { sleep } from 'time';
function nap(s: number) { sleep(s); return s; }
function fail(x: number) {
  throw new RangeError(\`no \${x}\`);
}
if (__name__ === '__main__') {
  const ex = new ThreadPoolExecutor(1);
  const long = ex.submit(nap, 0.5);
  while (!long.running()) sleep(0.01); // its thread may take a while to start on a busy machine
  try { long.result(0.1); } catch (e) { print((e as Error).name, e instanceof TimeoutError); }
  const queued = [ex.submit(nap, 0.1), ex.submit(nap, 0.1)];
  print('running', long.running(), 'queued running', queued[0].running());
  let called = 0;
  long.addDoneCallback(() => called++);
  ex.shutdown({ wait: true, cancelFutures: true });
  print('cancelled', queued.map((f) => f.cancelled()).join(','), 'long', long.result(), 'callback', called);
  const ex2 = new ThreadPoolExecutor(2);
  const bad = ex2.submit(fail, 7);
  print('exception', bad.exception()?.name, bad.exception()?.message);
  const pool = new Pool(2, null, [], 2);
  const r = pool.applyAsync(nap, [0.2]);
  print('ready at once', r.ready());
  print('get', r.get(5), 'successful', r.successful());
  print('retired and replaced', pool.map(nap, [0, 0, 0, 0, 0, 0, 0]).length);
  bad.result();
}`,
    { fileName: 'tasks.ts', timeoutMs: 60_000 },
  );
  expect(run.stdout).toEqual([
    'TimeoutError true',
    'running true queued running false',
    'cancelled true,true long 0.5 callback 1',
    'exception RangeError no 7',
    'ready at once false',
    'get 0.2 successful true',
    'retired and replaced 7',
  ]);
  // Raised again in main: the task's traceback (its own line) first, then main's.
  expect(run.stderr).toMatch(/File "tasks.ts", line 6, in fail\n\s+throw new RangeError/);
  expect(run.stderr).toContain(
    'The above exception was the direct cause of the following exception:',
  );
  expect(run.stderr).toMatch(
    /File "tasks.ts", line 27, in <module>\n\s+bad.result\(\);\nRangeError: no 7/,
  );
  expect(run.exitCode).toBe(1);
});

test('a module-level executor and Pool work: children re-evaluating them get inert copies', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor } from 'concurrent.futures';
import { Pool } from 'multiprocessing';
function double(x: number) { return 2 * x; }
const executor = new ThreadPoolExecutor(2);
const pool = new Pool(2);
if (__name__ === '__main__') {
  const fs = [0, 1, 2, 3, 4, 5].map((x) => executor.submit(double, x));
  executor.shutdown();
  print(fs.map((f) => f.result(3)).join(','));
  print(pool.map(double, [1, 2, 3]).join(','), pool.map(double, [4, 5]).join(','));
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(['0,2,4,6,8,10', '2,4,6 8,10']);
  expect(run.processes().length).toBeLessThanOrEqual(5); // main, 2 threads, 2 pool workers
});
