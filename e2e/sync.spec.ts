import { expect, runProgram, test } from './support/runner';

test('timeouts return false after about the time asked (ratio), for each primitive', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Lock, RLock, Semaphore, Event, Condition, Barrier, BrokenBarrierError, Process } from 'multiprocessing';
import { perfCounter } from 'time';
function timed(what: string, fn: () => unknown) {
  const t0 = perfCounter();
  let result: unknown;
  try { result = fn(); } catch (e) { result = (e as Error).name; }
  print(what, result, ((perfCounter() - t0) / 0.3).toFixed(2));
}
function holdForever(lock: Lock, rlock: RLock) { lock.acquire(); rlock.acquire(); for (;;) {} }
if (__name__ === '__main__') {
  const lock = new Lock(), rlock = new RLock();
  const p = new Process({ target: holdForever, args: [lock, rlock], daemon: true });
  p.start();
  while (!lock.locked() || rlock.owner === null);
  timed('lock', () => lock.acquire(true, 0.3));
  timed('rlock', () => rlock.acquire(true, 0.3));
  timed('nonblocking', () => lock.acquire(false));
  timed('semaphore', () => new Semaphore(0).acquire(true, 0.3));
  timed('event', () => new Event().wait(0.3));
  const cond = new Condition();
  timed('condition', () => cond.withLock(() => cond.wait(0.3)));
  timed('barrier', () => new Barrier(2).wait(0.3));
}`,
    { timeoutMs: 20_000 },
  );
  const ratio = (name: string) => {
    const line = run.stdout.find((l) => l.startsWith(name + ' '))!;
    const [, result, r] = line.split(' ');
    return { result, ratio: Number(r) };
  };
  for (const name of ['lock', 'rlock', 'semaphore', 'event', 'condition']) {
    const { result, ratio: r } = ratio(name);
    expect(result, name).toBe('false');
    expect(r, name).toBeGreaterThan(0.9);
    expect(r, name).toBeLessThan(3);
  }
  expect(ratio('nonblocking')).toMatchObject({ result: 'false' });
  expect(ratio('nonblocking').ratio).toBeLessThan(0.5);
  expect(ratio('barrier').result).toBe('BrokenBarrierError');
  expect(ratio('barrier').ratio).toBeGreaterThan(0.9);
});

test("Python's errors: unlocked release, RLock by non-owner, over-released BoundedSemaphore, un-acquired wait", async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Lock, RLock, BoundedSemaphore, Semaphore, Condition, Process } from 'multiprocessing';
function attempt(what: string, fn: () => unknown) {
  try { print(what, fn()); } catch (e) { print(what, (e as Error).name + ': ' + (e as Error).message); }
}
function releaseIt(r: RLock) { attempt('rlock by non-owner', () => r.release()); }
if (__name__ === '__main__') {
  attempt('lock', () => new Lock().release());
  const r = new RLock();
  r.acquire(); r.acquire();
  print('rlock count', r.count);
  const p = new Process({ target: releaseIt, args: [r] });
  p.start(); p.join();
  r.release(); r.release();
  attempt('rlock again', () => r.release());
  const b = new BoundedSemaphore(2);
  b.acquire(); b.release();
  attempt('bounded', () => b.release());
  const s = new Semaphore(2);
  s.release();
  print('semaphore value', s.getValue());
  attempt('wait', () => new Condition().wait());
  attempt('notify', () => new Condition().notify());
  attempt('timeout with block false', () => new Lock().acquire(false, 1));
}`,
  );
  expect(run.stdout).toEqual([
    'lock ValueError: release unlocked lock: a Lock is released once per acquire',
    'rlock count 2',
    'rlock by non-owner RuntimeError: cannot release un-acquired lock',
    'rlock again RuntimeError: cannot release un-acquired lock',
    'bounded ValueError: Semaphore released too many times',
    'semaphore value 3',
    'wait RuntimeError: cannot wait on un-acquired lock',
    'notify RuntimeError: cannot notify on un-acquired lock',
    "timeout with block false ValueError: can't specify a timeout for a non-blocking call",
  ]);
});

test('a lock whose owner was terminated fails its waiters with an error naming the owner', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Lock, Event } from 'multiprocessing';
import { sleep } from 'time';
function holder(lock: Lock, held: Event) { lock.acquire(); print('holding'); held.set(); sleep(60); }
function waiter(lock: Lock) {
  try { lock.acquire(); print('waiter got it'); }
  catch (e) { print('waiter:', (e as Error).name, (e as Error).message); }
}
if (__name__ === '__main__') {
  const [lock, held] = [new Lock(), new Event()];
  const h = new Process({ target: holder, args: [lock, held] });
  h.start();
  held.wait(); // (a fixed sleep here lost to a slow start under load)
  const w = new Process({ target: waiter, args: [lock] });
  w.start();
  sleep(0.3);
  h.terminate();
  h.join(); w.join();
  print('holder', h.pid, h.exitCode, 'waiter', w.exitCode);
}`,
  );
  const holderPid = run.stdout.at(-1)!.split(' ')[1];
  expect(run.stdout[0]).toBe('holding');
  // Named as the deadlock report names it: the object by its place, the owner by its name.
  expect(run.stdout[1]).toContain(
    `waiter: RuntimeError Lock@9 (Lock) is held by Process-1 (pid ${holderPid}), which ended without releasing it`,
  );
  expect(run.stdout.at(-1)).toMatch(/-15 waiter 0$/);
});

test('a lock-order deadlock is reported with the wait-for cycle; the runner exits non-zero', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Lock, Event } from 'multiprocessing';
const lockA = new Lock();
const lockB = new Lock();
const hasB = new Event();
// Each takes its first lock before the other asks for it (not a sleep: a slow start under load
// would let main take both).
function worker() { lockB.acquire(); hasB.set(); lockA.acquire(); }
if (__name__ === '__main__') {
  lockA.acquire();
  new Process({ target: worker }).start();
  hasB.wait();
  lockB.acquire();
}`,
  );
  expect(run.end.reason).toBe('deadlock');
  const report = run.raw.events.find((e) => e.type === 'deadlock');
  expect(report?.type === 'deadlock' && report.report.text).toBe(
    [
      'Deadlock: every live process is blocked, and none of them can wake another.',
      '  MainProcess (pid 1000) holds lockA, waits for lockB (Lock) (held by Process-1)',
      '  Process-1 (pid 1001) holds lockB, waits for lockA (Lock) (held by MainProcess)',
      '  wait-for cycle: MainProcess -> Process-1 -> MainProcess',
    ].join('\n'),
  );
});

test('acquiring a Lock twice in one process is reported, not a silent hang', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Lock } from 'multiprocessing';\nconst l = new Lock();\nl.acquire();\nprint('got it');\nl.acquire();\nprint('never');`,
  );
  expect(run.stdout).toEqual(['got it']);
  expect(run.end.reason).toBe('deadlock');
  const report = run.raw.events.find((e) => e.type === 'deadlock');
  expect(report?.type === 'deadlock' && report.report.text).toContain(
    'MainProcess (pid 1000) holds l, waits for l (Lock) (held by MainProcess)',
  );
});

test('waiting on an event nobody can set, while main joins: reported without a cycle', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Event } from 'multiprocessing';
const never = new Event();
function w() { never.wait(); }
if (__name__ === '__main__') { const p = new Process({ target: w }); p.start(); p.join(); }`,
  );
  expect(run.end.reason).toBe('deadlock');
  const report = run.raw.events.find((e) => e.type === 'deadlock');
  const text = report?.type === 'deadlock' ? report.report.text : '';
  expect(text).toContain('MainProcess (pid 1000) waits for Process-1 to end (join)');
  expect(text).toContain('Process-1 (pid 1001) waits for never (Event)');
});

test('module-level primitives are shared as if forked, matched by place, not by order', async ({
  page,
}) => {
  const program = (
    method: string,
  ) => `import { Process, Event, Lock, Value, setStartMethod } from 'multiprocessing';
if (__name__ === '__main__') {
  setStartMethod('${method}');
  const early = new Lock(); // main only: must not shift what the child matches
}
const ready = new Event();
const counter = new Value('i', 0);
let plain = 100;
function child() { plain = 0; counter.value = 42; ready.set(); }
if (__name__ === '__main__') {
  const p = new Process({ target: child });
  p.start();
  print('set by child', ready.wait(5), counter.value, plain);
  p.join();
}`;
  for (const method of ['fork', 'spawn']) {
    const run = await runProgram(page, program(method));
    expect(run.stdout, method).toEqual(['set by child true 42 100']);
  }
});

test('Value and Array: typecodes, index access, iteration, slices, chars', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Value, Array as MpArray, SharedArray, RawArray, RawValue, Process } from 'multiprocessing';
function edit(a: SharedArray, v: Value, c: Value<string>, q: Value<bigint>) { a[0] += 1; a[2] = 9; v.value *= 2; c.value = 'z'; q.value += 1n; }
if (__name__ === '__main__') {
  const a = new MpArray('i', [1, 2, 3]);
  const v = new Value('d', 1.5);
  const c = new Value('c', 'a');
  const q = new Value('q', 2n ** 40n);
  const p = new Process({ target: edit, args: [a, v, c, q] });
  p.start(); p.join();
  print(a.length, [...a].join(','), a.slice(1).join(','), v.value, c.value, q.value);
  print(new Value('b', 300).value, new Value('B', -1).value, new Value('H', 70000).value);
  print(new RawArray('d', 2).slice().join(','), new RawValue('i', 7).value, new SharedArray('u', 'hé').value);
  print(a);
  try { new Value('x', 1); } catch (e) { print((e as Error).message); }
  try { new RawValue('i', 1).getLock(); } catch (e) { print((e as Error).name); }
}`,
  );
  expect(run.stdout).toEqual([
    '3 2,2,9 2,9 3 z 1099511627777',
    '44 255 4464',
    '0,0 7 hé',
    "<SynchronizedArray('i', [2, 2, 9])>",
    "bad typecode 'x' (must be one of b B h H i I l L q Q f d c u)",
    'TypeError',
  ]);
});

test('fs: files are shared by every process of the run; a missing file is ENOENT', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { readFileSync, writeFileSync, existsSync, unlinkSync, appendFileSync } from 'fs';
function bump() {
  const data = JSON.parse(readFileSync('ticket.json', 'utf8'));
  data.count -= 1;
  writeFileSync('ticket.json', JSON.stringify(data));
}
if (__name__ === '__main__') {
  try { readFileSync('ticket.json', 'utf8'); } catch (e) { print((e as Error & { code: string }).code, (e as Error).message); }
  writeFileSync('ticket.json', '{"count": 3}');
  const p = new Process({ target: bump });
  p.start(); p.join();
  print(readFileSync('ticket.json', 'utf8'), existsSync('ticket.json'));
  appendFileSync('log.txt', 'a'); appendFileSync('log.txt', 'b');
  print(readFileSync('log.txt', 'utf8'), readFileSync('log.txt').length);
  unlinkSync('ticket.json');
  print(existsSync('ticket.json'));
}`,
  );
  expect(run.stdout).toEqual([
    "ENOENT ENOENT: no such file or directory, open 'ticket.json'",
    '{"count":2} true',
    'ab 2',
    'false',
  ]);
});

test('the trace records sleeping, blocking on a named lock, timing out and the end', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, Lock } from 'multiprocessing';
import { sleep } from 'time';
const gate = new Lock();
// (It sleeps at the end so main's join blocks: under load it had ended before main got there.)
function waiter() { gate.acquire(true, 0.2); gate.acquire(); gate.release(); sleep(0.5); }
if (__name__ === '__main__') {
  gate.acquire();
  const p = new Process({ target: waiter });
  p.start();
  sleep(0.5);
  gate.release();
  p.join();
}`,
  );
  const names = run.raw.objectNames!;
  const gateId = Number(Object.keys(names).find((id) => names[Number(id)] === 'gate'));
  const [main, child] = run
    .processes()
    .map((p) => run.raw.traces![p.pid].map((e) => [e.kind, e.obj]));
  // TraceKind: 0 running, 1 blocked, 2 blocked with a timeout, 3 sleeping, 4 done, 5 timed out
  expect(main).toContainEqual([3, 0]);
  expect(main).toContainEqual([1, -run.processes()[1].pid]); // join
  expect(child).toContainEqual([2, gateId]);
  expect(child).toContainEqual([5, gateId]);
  expect(child).toContainEqual([1, gateId]);
  expect(child.at(-1)).toEqual([4, 0]);
});

test('Barrier: abort breaks it for the waiters, reset makes it usable again', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process, Barrier } from 'multiprocessing';
import { sleep } from 'time';
function party(b: Barrier) { try { b.wait(); print('passed'); } catch (e) { print((e as Error).name); } }
if (__name__ === '__main__') {
  const b = new Barrier(3);
  const ps = [0, 1].map(() => new Process({ target: party, args: [b] }));
  ps.forEach((p) => p.start());
  while (b.nWaiting < 2) sleep(0.01);
  b.abort();
  ps.forEach((p) => p.join());
  print('broken', b.broken);
  b.reset();
  const qs = [0, 1].map(() => new Process({ target: party, args: [b] }));
  qs.forEach((p) => p.start());
  print('main index', b.wait());
  qs.forEach((p) => p.join());
  print('broken', b.broken, 'waiting', b.nWaiting);
}`,
  );
  expect(run.stdout.slice(0, 3)).toEqual([
    'BrokenBarrierError',
    'BrokenBarrierError',
    'broken true',
  ]);
  expect(run.stdout.filter((l) => l === 'passed')).toHaveLength(2);
  expect(run.stdout).toContainEqual(expect.stringMatching(/^main index [0-2]$/));
  expect(run.stdout.at(-1)).toBe('broken false waiting 0');
});
