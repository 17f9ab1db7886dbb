import { expect, runProgram, test } from './support/runner';

// Stress tests of the primitives across real Workers: many processes, many operations, and an
// exact invariant checked at the end. Processes start together on an Event so they overlap.

test('Lock: 8 processes x 20,000 locked increments give exactly 160,000, every run', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Value, Event } from 'multiprocessing';
const go = new Event();
function add(counter: Value, n: number, style: number) {
  go.wait();
  const lock = counter.getLock();
  for (let i = 0; i < n; i++) {
    if (style === 0) { lock.acquire(); counter.value += 1; lock.release(); }
    else if (style === 1) lock.withLock(() => { counter.value += 1; });
    else { using _ = lock.hold(); counter.value += 1; }
  }
}
if (__name__ === '__main__') {
  for (let round = 0; round < 3; round++) {
    const counter = new Value('i', 0);
    const ps = Array.from({ length: 8 }, (_, k) => new Process({ target: add, args: [counter, 20000, k % 3] }));
    ps.forEach((p) => p.start());
    go.set();
    ps.forEach((p) => p.join());
    go.clear();
    print('total', counter.value, ps.map((p) => p.exitCode).join(''));
  }
}`,
  );
  expect(run.stdout).toEqual(Array(3).fill('total 160000 00000000'));
});

test('without the lock the same increments lose updates (the race is real)', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process, Value, Event } from 'multiprocessing';
const go = new Event();
function add(counter: Value, n: number) {
  go.wait();
  for (let i = 0; i < n; i++) counter.value += 1;
}
if (__name__ === '__main__') {
  const counter = new Value('i', 0);
  const ps = Array.from({ length: 8 }, () => new Process({ target: add, args: [counter, 200000] }));
  ps.forEach((p) => p.start());
  go.set();
  ps.forEach((p) => p.join());
  print(counter.value);
}`,
  );
  const total = Number(run.stdout[0]);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(1_600_000);
});

test('Semaphore(3) never admits more than 3, and leaves nobody inside', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process, Semaphore, BoundedSemaphore, Lock, SharedArray, Barrier } from 'multiprocessing';
const go = new Barrier(9); // the 8 processes and main: all start at once, whenever each loaded
function enter(sem: Semaphore, stats: SharedArray, lock: Lock, n: number) {
  go.wait();
  for (let i = 0; i < n; i++) {
    sem.acquire();
    lock.withLock(() => { stats[0] += 1; stats[1] = Math.max(stats[1], stats[0]); stats[2] += 1; });
    for (let spin = 0; spin < 1000; spin++);
    lock.withLock(() => { stats[0] -= 1; });
    sem.release();
  }
}
if (__name__ === '__main__') {
  for (const sem of [new Semaphore(3), new BoundedSemaphore(3)]) {
    const stats = new SharedArray('i', 3); // inside now, most inside ever, entries
    const lock = new Lock();
    const ps = Array.from({ length: 8 }, () => new Process({ target: enter, args: [sem, stats, lock, 3000] }));
    ps.forEach((p) => p.start());
    go.wait();
    ps.forEach((p) => p.join());
    print(stats.slice().join(' '), sem.getValue());
  }
}`,
  );
  for (const line of run.stdout) {
    const [inside, most, entries, value] = line.split(' ').map(Number);
    expect(inside).toBe(0);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThanOrEqual(2);
    expect(entries).toBe(24000);
    expect(value).toBe(3);
  }
  expect(run.stdout).toHaveLength(2);
});

test('Barrier: 4 processes x 300 rounds, generations never mix', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process, Barrier, SharedArray } from 'multiprocessing';
function party(k: number, barrier: Barrier, rounds: SharedArray, errors: SharedArray, n: number) {
  for (let r = 1; r <= n; r++) {
    rounds[k] = r;
    barrier.wait();
    for (let j = 0; j < 4; j++) if (rounds[j] !== r) errors[k] += 1;
    barrier.wait();
  }
}
if (__name__ === '__main__') {
  const barrier = new Barrier(4);
  const rounds = new SharedArray('i', 4);
  const errors = new SharedArray('i', 4);
  const ps = [0, 1, 2, 3].map((k) => new Process({ target: party, args: [k, barrier, rounds, errors, 300] }));
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  print('errors', errors.slice().join(','), 'waiting', barrier.nWaiting, 'rounds', rounds.slice().join(','));
}`,
  );
  expect(run.stdout).toEqual(['errors 0,0,0,0 waiting 0 rounds 300,300,300,300']);
});

test('Condition: 3 producers, 3 consumers over a bounded buffer lose nothing and leave no waiter', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Condition, SharedArray, Value } from 'multiprocessing';
const SIZE = 8;
const cond = new Condition();
const buffer = new SharedArray('i', SIZE);
const state = new SharedArray('i', 4); // head, tail, count, done producers
function produce(k: number, n: number) {
  for (let i = 1; i <= n; i++) {
    cond.withLock(() => {
      cond.waitFor(() => state[2] < SIZE);
      buffer[state[1]] = k * 100000 + i;
      state[1] = (state[1] + 1) % SIZE;
      state[2] += 1;
      cond.notifyAll();
    });
  }
  cond.withLock(() => { state[3] += 1; cond.notifyAll(); });
}
function consume(sum: Value, got: Value) {
  for (;;) {
    const item = cond.withLock(() => {
      cond.waitFor(() => state[2] > 0 || state[3] === 3);
      if (state[2] === 0) return null;
      const x = buffer[state[0]];
      state[0] = (state[0] + 1) % SIZE;
      state[2] -= 1;
      cond.notifyAll();
      return x;
    });
    if (item === null) return;
    sum.value += item; // each consumer has its own Values
    got.value += 1;
  }
}
if (__name__ === '__main__') {
  const n = 2000;
  const sums = [0, 1, 2].map(() => new Value('d', 0));
  const gots = [0, 1, 2].map(() => new Value('i', 0));
  const ps = [
    ...[1, 2, 3].map((k) => new Process({ target: produce, args: [k, n] })),
    ...[0, 1, 2].map((c) => new Process({ target: consume, args: [sums[c], gots[c]] })),
  ];
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  let expected = 0;
  for (const k of [1, 2, 3]) for (let i = 1; i <= n; i++) expected += k * 100000 + i;
  const sum = sums.reduce((s, v) => s + v.value, 0);
  const got = gots.reduce((s, v) => s + v.value, 0);
  print(got === 3 * n, sum === expected, state[2], ps.map((p) => p.exitCode).join(''));
}`,
  );
  expect(run.stdout).toEqual(['true true 0 000000']);
});

test('Event: 10 waiters are all released by one set()', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process, Event, Value } from 'multiprocessing';
function waiter(e: Event, seen: Value) { if (e.wait(10)) seen.getLock().withLock(() => { seen.value += 1; }); }
if (__name__ === '__main__') {
  const e = new Event();
  const seen = new Value('i', 0);
  const ps = Array.from({ length: 10 }, () => new Process({ target: waiter, args: [e, seen] }));
  ps.forEach((p) => p.start());
  e.set();
  ps.forEach((p) => p.join());
  print(seen.value, e.isSet());
}`,
  );
  expect(run.stdout).toEqual(['10 true']);
});
