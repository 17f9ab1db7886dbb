import { expect, runProgram, test } from './support/runner';

// multiprocessing.Pool as CPython's _test_multiprocessing checks it: each test is named after
// the case it follows.

test('test_maxtasksperchild_close_drains: close() with tasks queued still runs them all (CPython issue 10332)', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool } from 'multiprocessing';
import { sleep } from 'time';
function sqr(x: number, wait: number) { sleep(wait); return x * x; }
if (__name__ === '__main__') {
  const p = new Pool(3, { maxtasksperchild: 1 });
  const results = Array.from({ length: 6 }, (_, i) => p.applyAsync(sqr, [i, 0.3]));
  p.close();
  p.join(); // as CPython's test does: join before asking for any result
  print('joined', results.map((r) => r.get(0)).join(','));
  const q = new Pool(2, null, [], 1); // positional, results asked for before join
  const more = Array.from({ length: 5 }, (_, i) => q.applyAsync(sqr, [i, 0]));
  q.close();
  print('got', more.map((r) => r.get(20)).join(','));
  q.join();
  print('joined again');
}`,
    { timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual(['joined 0,1,4,9,16,25', 'got 0,1,4,9,16', 'joined again']);
});

test('test_maxtasksperchild_invalid: maxtasksperchild is a positive integer or null', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool } from 'multiprocessing';
for (const bad of [0, -1, 0.5, '12']) {
  try {
    new Pool(1, { maxtasksperchild: bad as number });
    print(JSON.stringify(bad), 'accepted');
  } catch (e) {
    print((e as Error).name, (e as Error).message);
  }
}
try { new Pool(1, null, [], 0); } catch (e) { print('positional', (e as Error).name); }
const ok = new Pool(1, { maxtasksperchild: null });
print('null accepted');
ok.terminate();`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'ValueError maxtasksperchild must be a positive int or null, not 0',
    'ValueError maxtasksperchild must be a positive int or null, not -1',
    'ValueError maxtasksperchild must be a positive int or null, not 0.5',
    'ValueError maxtasksperchild must be a positive int or null, not "12"',
    'positional ValueError',
    'null accepted',
  ]);
});

test('test_unpickleable_result: a result that cannot travel back fails its task, by name', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool } from 'multiprocessing';
import { ThreadPoolExecutor } from 'concurrent.futures';
function adder(n: number) { return (x: number) => x + n; }
function nested() { return { ok: 1, fn: () => 0 }; }
function double(x: number) { return 2 * x; }
if (__name__ === '__main__') {
  const pool = new Pool(1);
  for (const fn of [adder, nested] as ((n: number) => unknown)[]) {
    try { pool.apply(fn, [1]); } catch (e) { print((e as Error).name + ': ' + (e as Error).message); }
  }
  print('pool still works', pool.apply(double, [21]));
  pool.close();
  pool.join();
  using ex = new ThreadPoolExecutor(1);
  print('executor', ex.submit(adder, 2).exception()?.message.split(':')[0]);
}`,
  );
  expect(run.stderr).toBe('');
  const rule = '(results travel between Workers as data)';
  expect(run.stdout).toEqual([
    `PicklingError: the result of task adder() cannot be sent back to the process that asked for it ${rule}: result is a function`,
    `PicklingError: the result of task nested() cannot be sent back to the process that asked for it ${rule}: result.fn is a function`,
    'pool still works 42',
    'executor the result of task adder() cannot be sent back to the process that asked for it (results travel between Workers as data)',
  ]);
});

test('test_imap, test_imap_unordered, test_starmap, test_map_chunksize, test_empty_iterable: chunks give every result, in order where asked', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool } from 'multiprocessing';
function sqr(x: number) { return x * x; }
function mul(a: number, b: number) { return a * b; }
if (__name__ === '__main__') {
  const pool = new Pool(4);
  const xs = Array.from({ length: 1000 }, (_, i) => i);
  const squares = JSON.stringify(xs.map(sqr));
  print('imap', JSON.stringify([...pool.imap(sqr, xs, 100)]) === squares);
  const unordered = [...pool.imapUnordered(sqr, xs, 53)];
  print('imap_unordered', unordered.length, JSON.stringify(unordered.sort((a, b) => a - b)) === squares);
  const tuples = Array.from({ length: 100 }, (_, i) => [i, 99 - i]);
  print('starmap', JSON.stringify(pool.starmap(mul, tuples, 20)) === JSON.stringify(tuples.map(([a, b]) => a * b)));
  print('starmapAsync', pool.starmapAsync(mul, [[2, 3], [4, 5], [6, 7]], 2).get(10).join(','));
  print('map_async of nothing', JSON.stringify(pool.mapAsync(sqr, [], 1).get(10)));
  print('empty', JSON.stringify(pool.map(sqr, [])), JSON.stringify([...pool.imap(sqr, [])]),
    JSON.stringify([...pool.imapUnordered(sqr, [], 3)]), JSON.stringify(pool.starmap(mul, [])));
  print('chunks bigger than the map', pool.map(sqr, [1, 2, 3], 50).join(','));
  pool.close();
  pool.join();
}`,
    { timeoutMs: 120_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'imap true',
    'imap_unordered 1000 true',
    'starmap true',
    'starmapAsync 6,20,42',
    'map_async of nothing []',
    'empty [] [] [] []',
    'chunks bigger than the map 1,4,9',
  ]);
});

test("chunksize must be 1+ (CPython imap's check, here for every map), and a whole number", async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pool } from 'multiprocessing';
function sqr(x: number) { return x * x; }
if (__name__ === '__main__') {
  const pool = new Pool(1);
  const calls: [string, () => unknown][] = [
    ['map 0', () => pool.map(sqr, [1, 2], 0)],
    ['mapAsync -1', () => pool.mapAsync(sqr, [1, 2], -1)],
    ['starmap 0', () => pool.starmap(sqr, [[1]], 0)],
    ['imap 0', () => pool.imap(sqr, [1, 2], 0)],
    ['imapUnordered -3', () => pool.imapUnordered(sqr, [1, 2], -3)],
    ['map 2.5', () => pool.map(sqr, [1, 2], 2.5)],
  ];
  for (const [what, call] of calls) {
    try { call(); print(what, 'accepted'); } catch (e) { print(what, (e as Error).name, (e as Error).message); }
  }
  print('map null', pool.map(sqr, [1, 2], null).join(','), 'imap 1', [...pool.imap(sqr, [3], 1)].join(','));
  pool.terminate();
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'map 0 ValueError Chunksize must be 1+, not 0',
    'mapAsync -1 ValueError Chunksize must be 1+, not -1',
    'starmap 0 ValueError Chunksize must be 1+, not 0',
    'imap 0 ValueError Chunksize must be 1+, not 0',
    'imapUnordered -3 ValueError Chunksize must be 1+, not -3',
    'map 2.5 TypeError chunksize must be a whole number, not 2.5',
    'map null 1,4 imap 1 9',
  ]);
});
