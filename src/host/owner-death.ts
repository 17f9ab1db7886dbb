import type { Heap } from '../runtime/heap';
import { W, slot } from '../runtime/proc-record';
import { objectOffset } from '../runtime/sync/objects';
import { DEAD_OWNER, OWNER } from '../runtime/sync/owner';
import { lockIds } from './deadlock';

/**
 * A process ended abnormally: every lock it still holds is marked with its pid (deadOwner) and
 * the waiting processes are woken, so they fail with an error naming it instead of hanging
 * (see owner.ts). Returns how many locks it held.
 */
export function releaseDeadOwner(heap: Heap, pid: number, livePids: number[]): number {
  let held = 0;
  for (const id of lockIds(heap)) {
    const base = objectOffset(heap, id) / 4;
    if (heap.i32[base + OWNER] !== pid) continue;
    Atomics.store(heap.i32, base + DEAD_OWNER, pid);
    held++;
  }
  // Waiters wait on their own wake words; a wake-up without a grant makes them re-check.
  if (held) for (const live of livePids) Atomics.notify(heap.i32, slot(live, W.wake));
  return held;
}
