import { beforeAll, describe, expect, it } from 'vitest';
import { instantiateKernels } from '../../../scripts/kernels';
import { Heap } from '../heap';
import type { KernelExports } from '../kernels/wasm';
import { KILL_FLAG } from '../kill-guard';
import { makeGuardedLock } from './guarded-lock';

// The fused steps and their Atomics twin on the same words: the same answers, the same words
// left behind. (A second process contending for the lock is the queue stress tests' job.)
let heap: Heap;
let wasm: KernelExports;
beforeAll(async () => {
  heap = Heap.create(1);
  heap.guardSlot = heap.alloc(4) / 4;
  wasm = await instantiateKernels(heap.memory);
}, 60_000);

/** Three fresh words: a lock, a count to publish, one to look at. */
function words(): [number, number, number] {
  const at = heap.alloc(12) / 4;
  return [at, at + 1, at + 2];
}

describe.each([
  ['the kernels', () => makeGuardedLock(heap, wasm)],
  ['Atomics calls', () => makeGuardedLock(heap, null)],
])('GuardedLock by %s', (_, make) => {
  it('holds the lock inside the guard and releases both, nested too', () => {
    const guarded = make();
    const { i32 } = heap;
    const [lock, count, look] = words();
    const [inner] = words();
    i32[look] = 7;
    guarded.lock(lock);
    expect([i32[lock], i32[heap.guardSlot]]).toEqual([1, 1]);
    guarded.lock(inner);
    expect([i32[inner], i32[heap.guardSlot]]).toEqual([1, 2]);
    expect(guarded.unlock(inner, -1)).toBe(0);
    expect(guarded.publishUnlock(count, 42, lock, look)).toBe(7);
    expect([i32[lock], i32[inner], i32[count], i32[heap.guardSlot]]).toEqual([0, 0, 42, 0]);
  });

  it('clears a lock that waiters marked contended (2) on release', () => {
    const guarded = make();
    const [lock] = words();
    guarded.lock(lock);
    heap.i32[lock] = 2; // as lockWord leaves it when another process went to sleep on it
    expect(guarded.unlock(lock, -1)).toBe(0);
    expect([heap.i32[lock], heap.i32[heap.guardSlot]]).toEqual([0, 0]);
  });
});

describe("the kernels' steps, where the wrapper would park or sleep", () => {
  it('backs out of the guard when a kill is pending, and takes nothing', () => {
    const [lock] = words();
    const guard = heap.guardSlot;
    heap.i32[guard] = KILL_FLAG;
    expect(wasm.enterAndLock(guard * 4, lock * 4)).toBe(2); // KILLED
    expect([heap.i32[guard], heap.i32[lock]]).toEqual([KILL_FLAG, 0]);
    heap.i32[guard] = 0;
  });

  it('says PARK when leaving the last section with a kill pending', () => {
    const [lock, count, look] = words();
    const guard = heap.guardSlot;
    expect(wasm.enterAndLock(guard * 4, lock * 4)).toBe(0); // LOCKED
    Atomics.or(heap.i32, guard, KILL_FLAG); // the supervisor, meanwhile
    expect(wasm.publishAndLeave(count * 4, 5, lock * 4, guard * 4, look * 4)).toBe(-1);
    expect([heap.i32[guard], heap.i32[lock], heap.i32[count]]).toEqual([KILL_FLAG, 0, 5]);
    heap.i32[guard] = 0;
  });

  it('reports a lock held by another as BUSY, inside the guard', () => {
    const [lock] = words();
    heap.i32[lock] = 1;
    expect(wasm.enterAndLock(heap.guardSlot * 4, lock * 4)).toBe(1); // BUSY
    expect(heap.i32[heap.guardSlot]).toBe(1);
    heap.i32[heap.guardSlot] = 0;
  });

  it('touches no guard without one (the page)', () => {
    const [lock, , look] = words();
    heap.i32[look] = 3;
    expect(wasm.enterAndLock(-4, lock * 4)).toBe(0);
    expect(wasm.unlockAndLeave(lock * 4, -4, look * 4)).toBe(3);
    expect(wasm.enterAndLock(-4, lock * 4)).toBe(0);
    expect(wasm.unlockAndLeave(lock * 4, -4, -4)).toBe(0); // a negative look reads nothing
    expect([heap.i32[lock], heap.i32[heap.guardSlot]]).toEqual([0, 0]);
  });
});
