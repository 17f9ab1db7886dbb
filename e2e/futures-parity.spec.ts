import { expect, runProgram, test } from './support/runner';

// concurrent.futures as CPython's test_concurrent_futures checks it: each test is named after
// the case it follows, and runs on threads and processes alike where CPython does.

test('test_result_exception_type: result() and exception() raise the task error as its own class', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor } from 'concurrent.futures';
import { Queue, Empty } from 'queue';
class InsufficientFunds extends Error {
  override name = 'InsufficientFunds';
  constructor(readonly balance: number) { super(\`only \${balance} left\`); }
}
function range_(x: number) { throw new RangeError(\`no \${x}\`); }
function type_() { throw new TypeError('not a number'); }
function empty_() { return new Queue().getNowait(); }
function funds() { throw new InsufficientFunds(5); }
function local() {
  class LocalError extends RangeError { override name = 'LocalError'; }
  throw new LocalError('from a local class');
}
if (__name__ === '__main__') {
  for (const ex of [new ThreadPoolExecutor(2), new ProcessPoolExecutor(2)]) {
    const r = ex.submit(range_, 7);
    try { r.result(); } catch (e) {
      print('range', e instanceof RangeError, (e as Error).name, (e as Error).message, e === r.exception());
    }
    const t = ex.submit(type_).exception();
    print('type', t instanceof TypeError, t?.name, t?.message);
    const q = ex.submit(empty_).exception();
    print('runtime', q instanceof Empty, q?.name);
    try { ex.submit(funds).result(); } catch (e) {
      print('program', e instanceof InsufficientFunds, (e as InsufficientFunds).balance, (e as Error).name, (e as Error).message);
    }
    const l = ex.submit(local).exception();
    print('local', l instanceof RangeError, l?.name, l?.message);
    ex.shutdown();
  }
  new ThreadPoolExecutor(1).submit(local).result();
}`,
    { fileName: 'errors.ts', timeoutMs: 60_000 },
  );
  const each = [
    'range true RangeError no 7 true',
    'type true TypeError not a number',
    'runtime true Empty',
    'program true 5 InsufficientFunds only 5 left',
    'local true LocalError from a local class',
  ];
  expect(run.stdout).toEqual([...each, ...each]);
  // Uncaught: the task's traceback says the local class came back as the nearest one found.
  expect(run.stderr).toMatch(/File "errors.ts", line 13, in local\n\s+throw new LocalError/);
  expect(run.stderr).toContain('(raised again as RangeError, the nearest class');
  expect(run.stderr).toMatch(/line 32, in <module>[^]*LocalError: from a local class$/);
  expect(run.exitCode).toBe(1);
});

test('test_running_false_when_done: no future is running() once result() returned (500 each)', async ({
  page,
}) => {
  // Each result is waited for (the task naps), so the worker's put wakes main at once: with
  // the result published before the task was marked done, 6% of futures (29 and 10 of 500)
  // still said running() here.
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor } from 'concurrent.futures';
import { sleep } from 'time';
function nap(x: number) { sleep(0.001); return x + 1; }
if (__name__ === '__main__') {
  for (const ex of [new ThreadPoolExecutor(1), new ProcessPoolExecutor(2)]) {
    const fs = Array.from({ length: 500 }, (_, i) => ex.submit(nap, i));
    let running = 0, notDone = 0, wrong = 0;
    fs.forEach((f, i) => {
      if (f.result() !== i + 1) wrong++;
      if (f.running()) running++;
      if (!f.done()) notDone++;
    });
    print('running', running, 'not done', notDone, 'wrong', wrong);
    ex.shutdown();
  }
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(['running 0 not done 0 wrong 0', 'running 0 not done 0 wrong 0']);
});

test('test_map_submits_eagerly: map() submits every call before its results are asked for', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor } from 'concurrent.futures';
import { Value } from 'multiprocessing';
const calls = new Value('i', 0);
function record(x: number) { calls.getLock().withLock(() => { calls.value += 1; }); return 10 * x; }
if (__name__ === '__main__') {
  for (const ex of [new ThreadPoolExecutor(2), new ProcessPoolExecutor(2)]) {
    calls.value = 0;
    const results = ex.map(record, [1, 2, 3, 4, 5]);
    ex.shutdown(); // waits for the workers: every call ran without a result being asked for
    print('ran', calls.value, 'results', [...results].join(','));
  }
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(['ran 5 results 10,20,30,40,50', 'ran 5 results 10,20,30,40,50']);
});

test('test_map_chunksize: a process pool sends map calls in chunks; a chunk fails whole, and a bad size is refused', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ProcessPoolExecutor, ThreadPoolExecutor } from 'concurrent.futures';
function pow(x: number, y: number) { return x ** y; }
function failsAt7(x: number) { if (x === 7) throw new RangeError('seven'); return x; }
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
if (__name__ === '__main__') {
  const ex = new ProcessPoolExecutor(2);
  const ref = range(40).map((i) => i ** i).join(',');
  for (const chunksize of [6, 40, 50]) print(chunksize, [...ex.map(pow, range(40), range(40), { chunksize })].join(',') === ref);
  // Items 5-9 are one task: its error comes before any of its values, as in CPython.
  const got: number[] = [];
  try { for (const v of ex.map(failsAt7, range(10), { chunksize: 5 })) got.push(v); }
  catch (e) { print('got', got.join(','), 'then', (e as Error).name); }
  try { ex.map(pow, range(4), range(4), { chunksize: 0 }); } catch (e) { print((e as Error).name, (e as Error).message); }
  ex.shutdown();
  const threads = new ThreadPoolExecutor(2); // ignores chunksize, as CPython's does
  print('threads', [...threads.map(failsAt7, range(7), { chunksize: 3 })].join(','));
  threads.shutdown();
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    '6 true',
    '40 true',
    '50 true',
    'got 0,1,2,3,4 then RangeError',
    'ValueError Chunksize must be 1+, not 0',
    'threads 0,1,2,3,4,5,6',
  ]);
});

test('test_map_timeout: map raises TimeoutError and cancels the calls not yet started', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, TimeoutError } from 'concurrent.futures';
import { Value } from 'multiprocessing';
import { sleep } from 'time';
const started = new Value('i', 0);
function nap(s: number) { started.value += 1; sleep(s); return s; }
if (__name__ === '__main__') {
  const ex = new ThreadPoolExecutor(1);
  ex.submit(nap, 0).result(); // its thread is up
  started.value = 0;
  const results: number[] = [];
  try {
    for (const r of ex.map(nap, [0, 2, 2, 2], { timeout: 1 })) results.push(r);
  } catch (e) {
    print((e as Error).name, e instanceof TimeoutError, 'after', results.join(','));
  }
  ex.shutdown();
  print('started', started.value);
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(['TimeoutError true after 0', 'started 2']);
});

test('test_done_callback_raises: a raising callback is reported and the others still run', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor } from 'concurrent.futures';
import { sleep } from 'time';
function nap(s: number) { sleep(s); return s; }
let after = 0;
function raising() {
  throw new Error('callback failed');
}
function counting() { after++; }
if (__name__ === '__main__') {
  const ex = new ThreadPoolExecutor(1);
  const f = ex.submit(nap, 0.2);
  f.addDoneCallback(raising);
  f.addDoneCallback(counting);
  print('result', f.result(), 'after', after);
  ex.shutdown();
}`,
    { fileName: 'callbacks.ts', timeoutMs: 60_000 },
  );
  expect(run.stdout).toEqual(['result 0.2 after 1']);
  expect(run.stderr).toMatch(
    /^exception calling callback for <Future state=finished>\nTraceback \(most recent call last\):\n[^]*File "callbacks.ts", line 6, in raising\n\s+throw new Error\('callback failed'\);\nError: callback failed/,
  );
  expect(run.exitCode).toBe(0);
});

test('test_add_done_callback_after_done: called at once, and never throws because of it', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor } from 'concurrent.futures';
function one() { return 1; }
let calls = 0;
function counting() { calls++; }
function raising() { throw new RangeError('late callback failed'); }
if (__name__ === '__main__') {
  const ex = new ThreadPoolExecutor(1);
  const f = ex.submit(one);
  f.result();
  f.addDoneCallback(counting);
  print('called at once', calls);
  f.addDoneCallback(raising);
  print('went on');
  ex.shutdown();
}`,
    { fileName: 'late.ts', timeoutMs: 60_000 },
  );
  expect(run.stdout).toEqual(['called at once 1', 'went on']);
  expect(run.stderr).toMatch(
    /^exception calling callback for <Future state=finished>\n[^]*line 5, in raising[^]*RangeError: late callback failed$/,
  );
  expect(run.exitCode).toBe(0);
});

test('test_max_workers_negative: maxWorkers <= 0 raises ValueError', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor } from 'concurrent.futures';
const attempts: [string, () => unknown][] = [
  ['thread 0', () => new ThreadPoolExecutor(0)],
  ['thread -1', () => new ThreadPoolExecutor(-1)],
  ['process 0', () => new ProcessPoolExecutor(0)],
  ['process -1', () => new ProcessPoolExecutor({ maxWorkers: -1 })],
];
for (const [what, make] of attempts) {
  try { make(); print(what, 'made'); } catch (e) {
    print(what, (e as Error).name, (e as Error).message);
  }
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(
    ['thread 0', 'thread -1', 'process 0', 'process -1'].map(
      (what) => `${what} ValueError max_workers must be greater than 0`,
    ),
  );
});

test('test_initializer: runs once in each worker before its first task (positional and options)', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor } from 'concurrent.futures';
import { Value } from 'multiprocessing';
const inits = new Value('i', 0);
let status = 'uninitialized';
function init(tag: string, n: number) {
  status = \`\${tag}\${n}\`;
  inits.getLock().withLock(() => { inits.value += 1; });
}
function getStatus() { return status; }
if (__name__ === '__main__') {
  const executors: [string, () => ThreadPoolExecutor | ProcessPoolExecutor][] = [
    ['thread positional', () => new ThreadPoolExecutor(2, 'init', init, ['t', 1])],
    ['thread options', () => new ThreadPoolExecutor({ maxWorkers: 2, initializer: init, initargs: ['t', 2] })],
    ['process positional', () => new ProcessPoolExecutor(2, null, init, ['p', 3])],
    ['process options', () => new ProcessPoolExecutor(2, { initializer: init, initargs: ['p', 4] })],
  ];
  for (const [what, make] of executors) {
    inits.value = 0;
    const ex = make();
    const seen = new Set(Array.from({ length: 10 }, () => ex.submit(getStatus)).map((f) => f.result()));
    ex.shutdown();
    print(what, [...seen].join(','), 'initializer calls', inits.value, 'main', status);
  }
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'thread positional t1 initializer calls 2 main uninitialized',
    'thread options t2 initializer calls 2 main uninitialized',
    'process positional p3 initializer calls 2 main uninitialized',
    'process options p4 initializer calls 2 main uninitialized',
  ]);
});

test('test_broken_initializer: a failing initializer breaks the executor (BrokenThreadPool, BrokenProcessPool)', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { ThreadPoolExecutor, ProcessPoolExecutor, BrokenExecutor, BrokenThreadPool, BrokenProcessPool } from 'concurrent.futures';
import { sleep } from 'time';
function failingInit() {
  throw new Error('init failed');
}
function getStatus() { return 'ran'; }
if (__name__ === '__main__') {
  const executors: [string, ThreadPoolExecutor | ProcessPoolExecutor, typeof BrokenThreadPool][] = [
    ['thread', new ThreadPoolExecutor(2, { initializer: failingInit }), BrokenThreadPool],
    ['process', new ProcessPoolExecutor(2, null, failingInit), BrokenProcessPool],
  ];
  for (const [what, ex, Broken] of executors) {
    const errors = Array.from({ length: 4 }, () => ex.submit(getStatus)).map((f) => f.exception());
    print(what, 'pending', errors.every((e) => e instanceof Broken && e instanceof BrokenExecutor), errors[0]?.name, errors[0]?.message);
    try { ex.submit(getStatus); print(what, 'submitted'); } catch (e) {
      print(what, 'submit', e instanceof Broken, (e as Error).name);
    }
    ex.shutdown();
  }
}`,
    { fileName: 'init.ts', timeoutMs: 60_000 },
  );
  expect(run.stdout).toEqual([
    'thread pending true BrokenThreadPool A thread initializer failed, the thread pool is not usable anymore',
    'thread submit true BrokenThreadPool',
    'process pending true BrokenProcessPool A process initializer failed, the process pool is not usable anymore',
    'process submit true BrokenProcessPool',
  ]);
  // Each worker reports its initializer's error, with its traceback.
  expect(run.stderr).toMatch(
    /Exception in initializer:\nTraceback \(most recent call last\):\n[^]*File "init.ts", line 4, in failingInit\n\s+throw new Error\('init failed'\);\nError: init failed/,
  );
  expect(run.exitCode).toBe(0);
});
