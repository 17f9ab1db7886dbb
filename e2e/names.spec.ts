import { expect, runProgram, test } from './support/runner';

// What a program prints about the runtime's own classes, in what ships: the production build
// minifies class names (`Process-1` once read `Xe-1`), so these names are written out
// (src/runtime/class-names.ts) and each is checked here against Python's text.

test('default names read Process-1 and Thread-1, a subclass its own name', async ({ page }) => {
  const r = await runProgram(
    page,
    `import { Process, Lock, currentProcess } from 'multiprocessing';
import { Thread, currentThread } from 'threading';
function child() { print('child', currentProcess().name); }
function inThread() { print('thread', currentThread().name); }
class Piao extends Process {
  override run() { print('subclass', this.name); }
}
if (__name__ === '__main__') {
  const p = new Process({ target: child });
  print('created', p.name);
  p.start();
  p.join();
  print(String(p));
  const t = new Thread({ target: inThread });
  t.start();
  t.join();
  const k = new Piao();
  k.start();
  k.join();
  print(Process, Lock, Piao);
  print(new Lock().constructor.name, ValueError.name);
}`,
  );
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toEqual([
    'created Process-1',
    'child Process-1',
    expect.stringMatching(/^<Process name='Process-1' pid=\d+ parent=\d+ stopped exitcode=0>$/),
    'thread Thread-1',
    'subclass Piao-2',
    '[class Process] [class Lock] [class Piao]',
    'Lock ValueError',
  ]);
  // The console tags each line with the name its process started with.
  expect(r.stdoutOf('Process-1')).toEqual(['child Process-1']);
  expect(r.stdoutOf('Thread-1')).toEqual(['thread Thread-1']);
});

test("an error's type reads as Python names it, in a traceback and a message", async ({ page }) => {
  const r = await runProgram(
    page,
    `import { Process, BoundedSemaphore, Lock } from 'multiprocessing';
import { Queue } from 'queue';
function child() { new Queue().get(false); }
if (__name__ === '__main__') {
  const p = new Process({ target: child });
  p.start();
  p.join();
  try {
    new Queue().put(new Lock());
  } catch (e) {
    print((e as Error).name, (e as Error).message.split(':')[0]);
  }
  new BoundedSemaphore(1).release();
}`,
  );
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toEqual(['TypeError cannot put a Lock (item) into a queue']);
  expect(r.stderr).toMatch(/^Process Process-1:\nTraceback \(most recent call last\):\n/);
  expect(r.stderr).toMatch(/^ {2}File "main\.ts", line 3, in child$/m);
  expect(r.stderr).toMatch(/^Empty: the queue is empty$/m);
  expect(r.stderr).toMatch(/^ValueError: Semaphore released too many times$/m);
});

test('primitives and queues print as Python reprs them, through print, String and templates', async ({
  page,
}) => {
  const r = await runProgram(
    page,
    `import { Process, Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier, Queue, JoinableQueue, Value, RawArray } from 'multiprocessing';
function show(x: object) { print(x); print(String(x)); print(\`\${x}\`); }
function hold(lock: Lock, held: Event, done: Event) {
  lock.acquire();
  held.set();
  done.wait();
  lock.release();
}
if (__name__ === '__main__') {
  const lock = new Lock();
  show(lock);
  const held = new Event();
  const done = new Event();
  const p = new Process({ target: hold, args: [lock, held, done] });
  p.start();
  held.wait();
  show(lock);
  done.set();
  p.join();
  lock.withLock(() => show(lock));
  const r = new RLock();
  show(r);
  r.acquire();
  r.acquire();
  show(r);
  const s = new Semaphore(3);
  s.acquire();
  show(s);
  const b = new BoundedSemaphore(2);
  b.acquire();
  show(b);
  const e = new Event();
  show(e);
  e.set();
  show(e);
  show(new Condition());
  show(new Barrier(3));
  const q = new Queue();
  for (const item of [1, 2, 3]) q.put(item);
  show(q);
  show(new JoinableQueue(5));
  show(new Value('i', 5));
  show(new RawArray('d', [1.5, 2]));
}`,
  );
  expect(r.exitCode).toBe(0);
  const expected = [
    '<Lock(owner=None)>',
    '<Lock(owner=Process-1)>',
    '<Lock(owner=MainProcess)>',
    '<RLock(None, 0)>',
    '<RLock(MainProcess, 2)>',
    '<Semaphore(value=2)>',
    '<BoundedSemaphore(value=1, maxvalue=2)>',
    '<Event(set=false)>',
    '<Event(set=true)>',
    '<Condition(<RLock(None, 0)>, 0)>',
    '<Barrier(parties=3, waiting=0)>',
    '<Queue(qsize=3)>',
    '<JoinableQueue(qsize=0, maxsize=5)>',
    "<SynchronizedValue('i', 5)>",
    "<RawArray('d', [1.5, 2])>",
  ];
  expect(r.stdout).toEqual(expected.flatMap((text) => [text, text, text]));
});
