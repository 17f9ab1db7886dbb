import { describe, expect, it } from 'vitest';
import { Heap } from '../runtime/heap';
import { PID_BASE } from '../runtime/layout';
import { Activity, Life, W, slot } from '../runtime/proc-record';
import { DeadlockWatch } from './deadlock';
import type { ProcessInfo } from './run-events';

const A = PID_BASE;
const B = PID_BASE + 1;

const info = (pid: number, name: string): ProcessInfo => ({
  pid,
  ppid: 0,
  name,
  kind: 'process',
  daemon: false,
  startedAt: 0,
  endedAt: null,
  exitCode: null,
});

/** Two running processes, each joining the other, each asleep on its hand-off word. */
function joinedInACircle(): Heap {
  const heap = Heap.create(1);
  const put = (pid: number, w: number, v: number) => Atomics.store(heap.i32, slot(pid, w), v);
  for (const [pid, other] of [
    [A, B],
    [B, A],
  ]) {
    put(pid, W.life, Life.Running);
    put(pid, W.activity, Activity.Blocked);
    put(pid, W.waitObj, -other);
    put(pid, W.waitWord, slot(pid, W.wake));
    put(pid, W.waitValue, 0);
  }
  return heap;
}

const processes = [info(A, 'MainProcess'), info(B, 'Process-1')];

describe('DeadlockWatch', () => {
  it('reports on the second identical all-blocked look, with the cycle', () => {
    const watch = new DeadlockWatch(joinedInACircle(), new Map());
    expect(watch.check(processes)).toBeNull();
    const report = watch.check(processes)!;
    expect(report.cycle).toEqual([A, B, A]);
    expect(report.text).toContain('MainProcess (pid 1000) waits for Process-1 to end (join)');
  });

  it('gives a waiter whose word has moved on time to run: it may be woken, only not yet scheduled', () => {
    const heap = joinedInACircle();
    const watch = new DeadlockWatch(heap, new Map());
    // B is handed what it waited for, but has not run since: its record still says Blocked.
    Atomics.store(heap.i32, slot(B, W.wake), 1);
    for (let look = 1; look < 10; look++) expect(watch.check(processes)).toBeNull();
    // Ten identical looks (1.5 s on the page): it is not going to run; its word moved without
    // a wake-up.
    expect(watch.check(processes)!.cycle).toEqual([A, B, A]);
  });

  it('starts counting again when a process moves', () => {
    const heap = joinedInACircle();
    const watch = new DeadlockWatch(heap, new Map());
    expect(watch.check(processes)).toBeNull();
    Atomics.add(heap.i32, slot(A, W.seq), 1); // A woke and went back to sleep
    expect(watch.check(processes)).toBeNull();
    expect(watch.check(processes)).not.toBeNull();
  });
});
