import { expect, runProgram, test } from './support/runner';

// Behaviours that follow CPython's own tests (lock_tests.py, _test_multiprocessing.py,
// test_ctypes): each test is named after the case it follows.

/**
 * A module-level primitive, changed by the parent before it starts a child: the child, which
 * evaluates the declaration again to attach to the parent's object, must see the parent's
 * state, and must not write the initial state back (that lost the parent's data once).
 */
const FORKED: { kind: string; make: string; change: string; probe: string; expected: string }[] = [
  {
    kind: 'Value',
    make: "new Value('i', 0)",
    change: 'obj.value = 100',
    probe: 'obj.value',
    expected: '100',
  },
  {
    kind: 'RawValue',
    make: "new RawValue('d', 1.5)",
    change: 'obj.value = 2.25',
    probe: 'obj.value',
    expected: '2.25',
  },
  {
    kind: 'Array',
    make: "new SharedArray('i', [1, 2, 3])",
    change: 'obj[0] = 99',
    probe: "obj.toArray().join(',')",
    expected: '99,2,3',
  },
  {
    kind: 'RawArray',
    make: "new RawArray('c', ['a', 'b'])",
    change: "obj[1] = 'z'",
    probe: 'obj.value',
    expected: 'az',
  },
  {
    kind: 'Semaphore',
    make: 'new Semaphore(3)',
    change: 'obj.acquire(); obj.acquire()',
    probe: 'obj.getValue()',
    expected: '1',
  },
  {
    kind: 'BoundedSemaphore',
    make: 'new BoundedSemaphore(2)',
    change: 'obj.acquire()',
    probe: 'obj.getValue()',
    expected: '1',
  },
  {
    kind: 'Lock',
    make: 'new Lock()',
    change: 'obj.acquire()',
    probe: 'obj.locked()',
    expected: 'true',
  },
  {
    kind: 'RLock',
    make: 'new RLock()',
    change: 'obj.acquire(); obj.acquire()',
    probe: 'obj.count',
    expected: '2',
  },
  {
    kind: 'Event',
    make: 'new Event()',
    change: 'obj.set()',
    probe: 'obj.isSet()',
    expected: 'true',
  },
  {
    kind: 'Condition',
    make: 'new Condition()',
    change: 'obj.acquire()',
    probe: 'obj.lock.locked()',
    expected: 'true',
  },
  {
    kind: 'Barrier',
    make: 'new Barrier(2)',
    change: 'obj.abort()',
    probe: 'obj.broken',
    expected: 'true',
  },
  {
    kind: 'Queue',
    make: 'new Queue()',
    change: 'obj.put(1); obj.put(2); obj.put(3)',
    probe: 'obj.qsize()',
    expected: '3',
  },
  {
    kind: 'JoinableQueue',
    make: 'new JoinableQueue()',
    change: "obj.put('a'); obj.put('b')",
    probe: 'obj.qsize()',
    expected: '2',
  },
  {
    kind: 'SimpleQueue',
    make: 'new SimpleQueue()',
    change: 'obj.put(1)',
    probe: 'obj.empty()',
    expected: 'false',
  },
  {
    kind: 'LifoQueue',
    make: 'new LifoQueue()',
    change: 'obj.put(1); obj.put(2)',
    probe: 'obj.qsize()',
    expected: '2',
  },
  {
    kind: 'PriorityQueue',
    make: 'new PriorityQueue()',
    change: 'obj.put(5)',
    probe: 'obj.qsize()',
    expected: '1',
  },
];

for (const { kind, make, change, probe, expected } of FORKED) {
  test(`test_fork_keeps_module_level_state: ${kind}`, async ({ page }) => {
    for (const method of ['fork', 'spawn']) {
      const run = await runProgram(
        page,
        `import { Process, Value, RawValue, SharedArray, RawArray, Semaphore, BoundedSemaphore, Lock, RLock, Event, Condition, Barrier, Queue, JoinableQueue, SimpleQueue, setStartMethod } from 'multiprocessing';
import { LifoQueue, PriorityQueue } from 'queue';
const obj = ${make};
function child() { print('child sees', ${probe}); }
if (__name__ === '__main__') {
  setStartMethod('${method}');
  ${change};
  print('parent before', ${probe});
  const p = new Process({ target: child });
  p.start();
  p.join();
  print('parent after', ${probe});
}`,
      );
      expect(run.stdout, `${kind} under ${method}: ${run.stderr}`).toEqual([
        `parent before ${expected}`,
        `child sees ${expected}`,
        `parent after ${expected}`,
      ]);
    }
  });
}

test('test_ctypes_values: wrong types raise TypeError, indexes as Python', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Value, SharedArray } from 'multiprocessing';
function attempt(what: string, fn: () => unknown) {
  try { print(what, fn()); } catch (e) { print(what, (e as Error).name); }
}
const v = new Value('i', 7);
const a = new SharedArray('i', [1, 2, 3]);
const c = new Value('c', 'a');
const q = new Value('q', 1n);
attempt('string', () => { v.value = 'three' as never; return v.value; });
attempt('float', () => { v.value = 2.7; return v.value; });
attempt('kept', () => v.value);
attempt('bool', () => { v.value = true as never; return v.value; });
attempt('double', () => { const d = new Value('d', 0); d.value = 2.5; return d.value; });
attempt('bigint from int', () => { q.value = 5 as never; return q.value; });
attempt('two chars', () => { c.value = 'ab'; return c.value; });
attempt('char', () => { c.value = 'z'; return c.value; });
attempt('init', () => new Value('i', 1.5));
attempt('last', () => a[-1]);
attempt('first from end', () => a[-3]);
attempt('set last', () => { a[-1] = 30; return a.toArray().join(','); });
attempt('read past end', () => a[3]);
attempt('read before start', () => a[-4]);
attempt('write past end', () => { a[3] = 1; });
attempt('array element type', () => { a[0] = 0.5; });`,
  );
  expect(run.stdout).toEqual([
    'string TypeError',
    'float TypeError',
    'kept 7',
    'bool 1',
    'double 2.5',
    'bigint from int 5',
    'two chars TypeError',
    'char z',
    'init TypeError',
    'last 3',
    'first from end 1',
    'set last 1,2,30',
    'read past end IndexError',
    'read before start IndexError',
    'write past end IndexError',
    'array element type TypeError',
  ]);
});

test('test_set_and_clear: set() then clear() at once still wakes every waiter', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Event, Value } from 'multiprocessing';
function waiter(event: Event, waiting: Value) {
  waiting.getLock().withLock(() => { waiting.value += 1; });
  print('woke', event.wait(10));
}
if (__name__ === '__main__') {
  const event = new Event();
  const waiting = new Value('i', 0);
  const ps = [0, 1, 2].map(() => new Process({ target: waiter, args: [event, waiting] }));
  for (const p of ps) p.start();
  while (waiting.value < 3);
  // Each waiter has counted itself; give the last one time to reach wait().
  const t0 = Date.now(); while (Date.now() - t0 < 200);
  event.set();
  event.clear();
  for (const p of ps) p.join();
  print('is set', event.isSet());
}`,
  );
  expect(run.stdout).toEqual(['woke true', 'woke true', 'woke true', 'is set false']);
});

test('test_acquire_negative_timeout and RLock.locked()', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Lock, RLock, Semaphore } from 'multiprocessing';
function attempt(what: string, fn: () => unknown) {
  try { print(what, fn()); } catch (e) { print(what, (e as Error).name, (e as Error).message); }
}
const lock = new Lock(), rlock = new RLock();
attempt('lock -2', () => lock.acquire(true, -2));
attempt('rlock -0.5', () => rlock.acquire(true, -0.5));
attempt('lock -1', () => { const ok = lock.acquire(true, -1); lock.release(); return ok; });
attempt('lock 0', () => { const ok = lock.acquire(true, 0); lock.release(); return ok; });
attempt('rlock free', () => rlock.locked());
rlock.acquire(); rlock.acquire();
attempt('rlock held', () => rlock.locked());
rlock.release(); rlock.release();
attempt('rlock released', () => rlock.locked());`,
  );
  const message = 'timeout value must be a non-negative number';
  expect(run.stdout).toEqual([
    `lock -2 ValueError ${message}`,
    `rlock -0.5 ValueError ${message}`,
    'lock -1 true',
    'lock 0 true',
    'rlock free false',
    'rlock held true',
    'rlock released false',
  ]);
});

test("test_excepthook: a thread's uncaught exception is headed 'Exception in thread'", async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Thread } from 'threading';
import { Process } from 'multiprocessing';
function fail() { throw new RangeError('out of range'); }
if (__name__ === '__main__') {
  const t = new Thread({ target: fail });
  t.start(); t.join();
  const p = new Process({ target: fail });
  p.start(); p.join();
}`,
  );
  expect(run.stderr).toMatch(/^Exception in thread Thread-1:\nTraceback/m);
  expect(run.stderr).toMatch(/^Process Process-1:\nTraceback/m);
  expect(run.stderr).toMatch(/RangeError: out of range/);
});

test('locks made in a loop are named as the program reaches them, the same in every report', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Lock, Barrier } from 'multiprocessing';
import { sleep } from 'time';
function philosopher(i: number, forks: Lock[], seated: Barrier) {
  forks[i].acquire();
  seated.wait();
  forks[(i + 1) % forks.length].acquire();
}
if (__name__ === '__main__') {
  const forks: Lock[] = [];
  for (let i = 0; i < 3; i++) forks.push(new Lock());
  const seated = new Barrier(3);
  for (let i = 0; i < 3; i++) new Process({ target: philosopher, args: [i, forks, seated] }).start();
}`,
    { timeScale: 0.1 },
  );
  const report = run.deadlockText;
  for (const i of [0, 1, 2]) {
    expect(report).toContain(`holds forks[${i}], waits for forks[${(i + 1) % 3}] (Lock)`);
  }
  expect(report).not.toContain('Lock@');
});

test("a dead holder's waiter names the lock and its holder as the deadlock report does", async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Lock, Event } from 'multiprocessing';
function holder(forks: Lock[], held: Event) { forks[1].acquire(); held.set(); throw new Error('dies holding it'); }
if (__name__ === '__main__') {
  const forks = [new Lock(), new Lock()];
  const held = new Event();
  const p = new Process({ target: holder, args: [forks, held], name: 'Plato' });
  p.start();
  held.wait();
  try { forks[1].acquire(true, 10); } catch (e) { print((e as Error).message.split('.')[0]); }
  p.join();
}`,
  );
  expect(run.stdout).toEqual([
    'forks[1] (Lock) is held by Plato (pid 1001), which ended without releasing it',
  ]);
});

test("Python's built-in exceptions are globals a program can catch by class", async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Lock, SharedArray } from 'multiprocessing';
function kind(fn: () => unknown): string {
  try { fn(); return 'no error'; } catch (e) {
    return [e instanceof ValueError, e instanceof IndexError, e instanceof RuntimeError].join(' ');
  }
}
print(kind(() => new Lock().release()));
print(kind(() => new SharedArray('i', 2)[5]));
print(kind(() => { throw new RuntimeError('mine'); }));
print(kind(() => { throw new MemoryError('full'); }), new MemoryError('x') instanceof Error);`,
  );
  expect(run.stdout).toEqual([
    'true false false',
    'false true false',
    'false false true',
    'false false false true',
  ]);
});
