import { expect, runProgram, test } from './support/runner';

test('Queue(3): FIFO, the 4th put blocks until a get; Full and Empty without blocking', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue, Process } from 'multiprocessing';
import { Empty, Full } from 'queue';
import { sleep, perfCounter } from 'time';
function later(q: Queue) { sleep(0.3); print('got', q.get()); }
if (__name__ === '__main__') {
  const q = new Queue(3);
  q.put('first'); q.put({ second: null }); q.put('三');
  print('full', q.full(), q.qsize());
  try { q.put(4, false); } catch (e) { print((e as Error).name, e instanceof Full); }
  try { q.put(4, true, 0.1); } catch (e) { print('timed', (e as Error).name); }
  const p = new Process({ target: later, args: [q] });
  p.start();
  const t0 = perfCounter();
  q.put(4); // blocks until the child takes one
  print('put waited', perfCounter() - t0 > 0.2);
  p.join();
  print(q.get(), q.get(), q.get());
  try { q.getNowait(); } catch (e) { print((e as Error).name, e instanceof Empty); }
}`,
  );
  // Once the child's get frees room, its print and main's print race: either order is right.
  expect(run.stdout.slice(3, 5).sort()).toEqual(['got first', 'put waited true']);
  expect([...run.stdout.slice(0, 3), ...run.stdout.slice(5)]).toEqual([
    'full true 3',
    'Full true',
    'timed Full',
    '{ second: null } 三 4',
    'Empty true',
  ]);
});

test('4 producers x 50,000 items, 3 consumers, bounded 16: every item arrives exactly once', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue, Process, SharedArray } from 'multiprocessing';
const N = 50000;
function produce(q: Queue<number | null>, k: number) { for (let i = 0; i < N; i++) q.put(k * N + i); }
function consume(q: Queue<number | null>, seen: SharedArray, c: number) {
  for (;;) { const x = q.get(); if (x === null) return; seen[x] += 1; }
}
if (__name__ === '__main__') {
  const q = new Queue<number | null>(16);
  const seen = new SharedArray('B', 4 * N); // each consumer writes different items
  const producers = [0, 1, 2, 3].map((k) => new Process({ target: produce, args: [q, k] }));
  const consumers = [0, 1, 2].map((c) => new Process({ target: consume, args: [q, seen, c] }));
  [...producers, ...consumers].forEach((p) => p.start());
  producers.forEach((p) => p.join());
  consumers.forEach(() => q.put(null));
  consumers.forEach((p) => p.join());
  let once = 0, other = 0;
  for (const n of seen) { if (n === 1) once++; else other++; }
  print('once', once, 'other', other, 'left', q.qsize());
}`,
    { timeoutMs: 120_000 },
  );
  expect(run.stdout).toEqual(['once 200000 other 0 left 0']);
});

test('JoinableQueue.join returns only after the last taskDone; too many taskDone is ValueError', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { JoinableQueue, Process } from 'multiprocessing';
import { sleep } from 'time';
function worker(q: JoinableQueue<number>) {
  for (;;) { const x = q.get(); sleep(0.05); print('done', x); q.taskDone(); }
}
if (__name__ === '__main__') {
  const q = new JoinableQueue<number>();
  const w = new Process({ target: worker, args: [q], daemon: true });
  w.start();
  for (let i = 0; i < 5; i++) q.put(i);
  q.join();
  print('joined');
  try { q.taskDone(); } catch (e) { print((e as Error).name, (e as Error).message); }
}`,
  );
  expect(run.stdout).toEqual([
    'done 0',
    'done 1',
    'done 2',
    'done 3',
    'done 4',
    'joined',
    'ValueError task_done() called too many times',
  ]);
});

test('items keep their types across processes; a big item passes a small ring; a bad item is refused', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue, Process } from 'multiprocessing';
function echo(a: Queue, b: Queue) { for (let i = 0; i < 3; i++) b.put(a.get()); }
class Point { x = 1; }
if (__name__ === '__main__') {
  const a = new Queue(), b = new Queue();
  const p = new Process({ target: echo, args: [a, b] });
  p.start();
  a.put([new Map([['k', new Set([1, 2])]]), new Date(0), 2n ** 64n, new Uint8Array([1, 2]), undefined, { nested: { deep: [1, 'x'] } }, -0.5]);
  const big = new Uint8Array(1 << 20).map((_, i) => i % 251);
  a.put(big);
  try { a.put(new Point()); } catch (e) { print((e as Error).name, (e as Error).message.split(':')[0]); }
  try { a.put({ f: () => 1 }); } catch (e) { print((e as Error).message); }
  a.put('after the refusals');
  const [m, d, n, u, und, o, f] = b.get() as [Map<string, Set<number>>, Date, bigint, Uint8Array, undefined, object, number];
  print(m.get('k')!.has(2), d.getTime(), n, u[1], und, JSON.stringify(o), f);
  const back = b.get() as Uint8Array;
  print(back.length, back.every((v, i) => v === i % 251));
  print(b.get());
  p.join();
}`,
  );
  expect(run.stdout).toEqual([
    'TypeError cannot put a Point (item) into a queue',
    'cannot put a function (item.f) into a queue',
    'true 0 18446744073709551616 2 undefined {"nested":{"deep":[1,"x"]}} -0.5',
    '1048576 true',
    'after the refusals',
  ]);
});

test('objects of 40 shapes from 4 producers at once: shapes are shared through the heap, every object decodes', async ({
  page,
}) => {
  // Past 32 shapes msgpackr writes the keys inline; below, producers race to save new shapes.
  const run = await runProgram(
    page,
    `import { Queue, Process } from 'multiprocessing';
const N = 2000;
function item(k: number, i: number) {
  const shape = (k * 7 + i) % 40;
  const o: Record<string, number> = { k, i };
  for (let f = 0; f < shape % 5; f++) o['f' + shape + '_' + f] = f;
  o['s' + shape] = shape;
  return o;
}
function produce(q: Queue, k: number) { for (let i = 0; i < N; i++) q.put(item(k, i)); }
if (__name__ === '__main__') {
  const q = new Queue(64);
  const ps = [0, 1, 2, 3].map((k) => new Process({ target: produce, args: [q, k] }));
  ps.forEach((p) => p.start());
  let wrong = 0;
  const seen = new Set<string>();
  for (let n = 0; n < 4 * N; n++) {
    const o = q.get() as Record<string, number>;
    if (JSON.stringify(o) !== JSON.stringify(item(o.k, o.i))) wrong++;
    seen.add(o.k + ':' + o.i);
  }
  ps.forEach((p) => p.join());
  print('distinct', seen.size, 'wrong', wrong);
}`,
  );
  expect(run.stdout).toEqual(['distinct 8000 wrong 0']);
  expect(run.exitCode).toBe(0);
});

test('queues that fill up and drain give their room back: three bursts of 600,000 items in a 64 MB heap', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue } from 'multiprocessing';
if (__name__ === '__main__') {
  for (let burst = 0; burst < 3; burst++) {
    const q = new Queue();
    for (let i = 0; i < 600000; i++) q.put(i);
    let sum = 0;
    for (let i = 0; i < 600000; i++) sum += q.get() as number;
    print('burst', burst, sum === (599999 * 600000) / 2);
  }
}`,
  );
  expect(run.stdout).toEqual(['burst 0 true', 'burst 1 true', 'burst 2 true']);
});

test('processes terminated in the middle of puts and gets leave the queue intact', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue, Process } from 'multiprocessing';
import { sleep } from 'time';
function churn(q: Queue<number[]>) { for (let i = 0; ; i++) { q.put([i, i * 2, i * 3]); q.get(); } }
if (__name__ === '__main__') {
  const q = new Queue<number[]>();
  for (let round = 0; round < 4; round++) {
    const ps = [0, 1, 2].map(() => new Process({ target: churn, args: [q] }));
    ps.forEach((p) => p.start());
    sleep(0.2);
    ps.forEach((p) => p.terminate());
    ps.forEach((p) => p.join());
  }
  let n = 0;
  while (!q.empty()) { const [a, b, c] = q.get(); if (b !== 2 * a || c !== 3 * a) print('torn', a, b, c); n++; }
  for (let i = 0; i < 1000; i++) q.put([i, 2 * i, 3 * i]);
  let ok = 0;
  for (let i = 0; i < 1000; i++) if (q.get()[0] === i) ok++;
  print('leftover ok', n <= 12, 'then', ok, q.qsize());
}`,
  );
  expect(run.stdout).toEqual(['leftover ok true then 1000 0']);
});

test('a get on an empty queue that nobody can fill is a deadlock report', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Queue } from 'multiprocessing';\nconst q = new Queue();\nq.get();`,
  );
  expect(run.end.reason).toBe('deadlock');
  const report = run.raw.events.find((e) => e.type === 'deadlock');
  expect(report?.type === 'deadlock' && report.report.text).toContain(
    'MainProcess (pid 1000) waits for q (Queue)',
  );
});

test('LifoQueue returns the newest first, PriorityQueue the smallest, comparing like tuples', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Queue, LifoQueue, PriorityQueue } from 'queue';
for (const q of [new Queue(), new LifoQueue(), new PriorityQueue()]) {
  for (const item of [[3, 'c'], [1, 'b'], [2, 'x'], [1, 'a']]) q.put(item);
  const out: string[] = [];
  while (!q.empty()) out.push(JSON.stringify(q.get()));
  print(q.constructor.name, out.join(' '));
}
const p = new PriorityQueue();
p.put(['a', 1]); p.put(['b', 2]);
try { p.put(2); } catch (e) { print((e as Error).name, (e as Error).message); }`,
  );
  expect(run.stdout).toEqual([
    'JoinableQueue [3,"c"] [1,"b"] [2,"x"] [1,"a"]',
    'LifoQueue [1,"a"] [2,"x"] [1,"b"] [3,"c"]',
    'PriorityQueue [1,"a"] [1,"b"] [2,"x"] [3,"c"]',
    "TypeError '<' not supported between instances of 'number' and 'array'",
  ]);
});

test('PriorityQueue: 4 producers x 5,000 random priorities come out in order, none lost', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { PriorityQueue } from 'queue';
import { randint } from 'random';
function produce(q: PriorityQueue<[number, number]>, k: number) {
  for (let i = 0; i < 5000; i++) q.put([randint(0, 999), k * 5000 + i]);
}
if (__name__ === '__main__') {
  const q = new PriorityQueue<[number, number]>();
  const ps = [0, 1, 2, 3].map((k) => new Process({ target: produce, args: [q, k] }));
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  const seen = new Set<number>();
  let sorted = true, last: [number, number] = [-1, -1];
  while (!q.empty()) {
    const item = q.get();
    if (item[0] < last[0] || (item[0] === last[0] && item[1] < last[1])) sorted = false;
    seen.add(item[1]);
    last = item;
  }
  print('sorted', sorted, 'distinct', seen.size);
}`,
  );
  expect(run.stdout).toEqual(['sorted true distinct 20000']);
});

test('Pipe: both ways, poll, one-way ends, EOFError when the last holder of the other end closes', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Pipe, Process, Connection } from 'multiprocessing';
function child(conn: Connection) {
  conn.send(['hello', 42]);
  print('child got', conn.recv());
  conn.close();
}
if (__name__ === '__main__') {
  const [parentConn, childConn] = Pipe();
  const p = new Process({ target: child, args: [childConn] });
  p.start();
  childConn.close(); // the parent's copy only: the child's stays open
  print('parent got', JSON.stringify(parentConn.recv()));
  parentConn.send({ reply: true });
  p.join();
  print('poll', parentConn.poll(0.1));
  try { parentConn.recv(); } catch (e) { print((e as Error).name); }
  try { parentConn.send(1); } catch (e) { print((e as Error).name); }
  const [r, w] = Pipe(false);
  print('empty poll', r.poll());
  w.send('one way');
  print(r.recv(), r.writable, w.readable);
  try { r.send(1); } catch (e) { print((e as Error).message); }
}`,
  );
  expect(run.stdout).toEqual([
    'parent got ["hello",42]',
    'child got { reply: true }',
    'poll true',
    'EOFError',
    'BrokenPipeError',
    'empty poll false',
    'one way false false',
    'connection is read-only',
  ]);
});
