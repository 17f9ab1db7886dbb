import type { Heap } from './heap';

/**
 * A process may be killed at any instant (terminate(), a daemon's parent ending). So that a
 * kill never lands in the middle of an update to a shared structure, runtime code that
 * updates one brackets it with enterCritical/leaveCritical on the process's guard word:
 *
 *   low 30 bits  depth of critical sections the process is inside (written by the process)
 *   KILL_FLAG    set by the supervisor when it wants the process dead
 *
 * The supervisor sets KILL_FLAG; if the depth it saw was 0 it kills at once, else it waits
 * for the process to leave: the process sees the flag on leaving, wakes the supervisor and
 * parks. A process entering after the flag is set backs out before touching anything.
 */
export const KILL_FLAG = 1 << 30;
export const DEPTH_MASK = KILL_FLAG - 1;

/** Enters a critical section of the process whose guard word is `heap.guardSlot` (none on the page). */
export function enterCritical(heap: Heap): void {
  const i = heap.guardSlot;
  if (i < 0) return;
  if (Atomics.add(heap.i32, i, 1) & KILL_FLAG) {
    Atomics.sub(heap.i32, i, 1);
    Atomics.notify(heap.i32, i);
    parkForever(heap, i);
  }
}

export function leaveCritical(heap: Heap): void {
  const i = heap.guardSlot;
  if (i < 0) return;
  const now = Atomics.sub(heap.i32, i, 1) - 1;
  if (now & KILL_FLAG && (now & DEPTH_MASK) === 0) {
    Atomics.notify(heap.i32, i);
    parkForever(heap, i);
  }
}

/** Waits to be terminated; the supervisor is already on its way. */
export function parkForever(heap: Heap, i: number): never {
  for (;;) Atomics.wait(heap.i32, i, Atomics.load(heap.i32, i));
}
