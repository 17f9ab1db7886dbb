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

test('Pool.map cuts its items into chunks, one task each: results in order, a failing item raised with its own line', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool, currentProcess } from 'multiprocessing';
let calls = 0; // this worker's calls so far
function tag(x: number): [number, string, number] {
  calls++;
  return [x * x, currentProcess().name, calls];
}
function failAt37(x: number) {
  if (x === 37) throw new RangeError(\`no \${x}\`);
  return x;
}
function fnAt2(x: number) { return x === 2 ? () => x : x; }
/** The size of each task's chunk, in the map's order: with one task per worker (maxtasksperchild 1), its items are the calls made by one process, counted 1, 2, ... */
function chunkSizes(tagged: [number, string, number][]): string {
  const sizes: number[] = [];
  tagged.forEach(([, name, n], i) => {
    if (n === 1) sizes.push(1);
    else if (tagged[i - 1][1] === name && tagged[i - 1][2] === n - 1) sizes[sizes.length - 1]++;
    else sizes.push(NaN); // a call that does not follow its process's previous one in this map
  });
  return sizes.join(',');
}
if (__name__ === '__main__') {
  const xs = Array.from({ length: 100 }, (_, i) => i);
  const pool = new Pool(4);
  print('in order', JSON.stringify(pool.map(tag, xs).map(([sq]) => sq)) === JSON.stringify(xs.map((x) => x * x)));
  const oneTaskEach = new Pool(4, { maxtasksperchild: 1 });
  const tagged = oneTaskEach.map(tag, xs); // CPython's default: ceil(100 / (4 * 4)) = 7 a chunk
  print('default', chunkSizes(tagged), 'processes', new Set(tagged.map(([, name]) => name)).size);
  print('chunksize 1', chunkSizes(oneTaskEach.map(tag, xs.slice(0, 6), 1)));
  print('chunksize 40', chunkSizes(oneTaskEach.map(tag, xs, 40)));
  oneTaskEach.close();
  oneTaskEach.join();
  try { pool.map(failAt37, xs); } catch (e) { print('map raised', (e as Error).name, (e as Error).message); }
  pool.mapAsync(failAt37, xs, 10, null, (e) => print('errorCallback', e.message)).wait();
  try { pool.map(fnAt2, [0, 1, 2, 3], 4); } catch (e) { print((e as Error).name + ': ' + (e as Error).message); }
  pool.map(failAt37, xs);
}`,
    { fileName: 'chunks.ts', timeoutMs: 120_000 },
  );
  expect(run.stdout).toEqual([
    'in order true',
    'default 7,7,7,7,7,7,7,7,7,7,7,7,7,7,2 processes 15',
    'chunksize 1 1,1,1,1,1,1',
    'chunksize 40 40,40,20',
    'map raised RangeError no 37',
    'errorCallback no 37',
    'PicklingError: the result of task fnAt2() for item 2 cannot be sent back to the process that asked for it (results travel between Workers as data): result is a function',
  ]);
  // Raised again in main: item 37's own traceback (the line that threw) first, then main's.
  expect(run.stderr).toMatch(/File "chunks.ts", line 8, in failAt37\n\s+if \(x === 37\) throw/);
  expect(run.stderr).toMatch(
    /File "chunks.ts", line 36, in <module>\n\s+pool.map\(failAt37, xs\);\nRangeError: no 37/,
  );
  expect(run.exitCode).toBe(1);
});
