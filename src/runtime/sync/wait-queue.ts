import { nowMs, remaining, waitOn } from '../blocking';
import { ctx } from '../context';
import { MAX_LIVE } from '../layout';
import { W, slot } from '../proc-record';
import { guarded } from './spin-mutex';

/**
 * A FIFO queue of waiting processes in shared memory, the slow path of every blocking
 * primitive. Each waiter waits on its own process record's `wake` word, so a granter wakes
 * exactly the process it chose (hand-off, no stampede) and a waiter that times out just
 * leaves the queue.
 *
 *   word 0            internal mutex (spin-mutex.ts), held only inside a kill-guarded section
 *   word 1            number of queued pids
 *   words 2..2+64     queued pids, oldest first
 *
 * All methods but `waitTurn` must be called with the queue locked (`locked(...)`).
 */
export const QUEUE_WORDS = 2 + MAX_LIVE;

export class WaitQueue {
  constructor(
    private readonly i32: Int32Array,
    private readonly base: number,
  ) {}

  /** Runs `fn` holding the queue's mutex, inside this process's kill guard. */
  locked<T>(fn: () => T): T {
    return guarded(this.i32, this.base, fn);
  }

  get size(): number {
    return this.i32[this.base + 1];
  }

  /** Queues the calling process, clearing its wake word first. */
  push(): void {
    const { pid } = ctx();
    Atomics.store(this.i32, slot(pid, W.wake), 0);
    const n = this.i32[this.base + 1];
    this.i32[this.base + 2 + n] = pid;
    this.i32[this.base + 1] = n + 1;
  }

  /** Removes the calling process if it is still queued; false if it had been granted. */
  remove(): boolean {
    const { pid } = ctx();
    const n = this.i32[this.base + 1];
    for (let k = 0; k < n; k++) {
      if (this.i32[this.base + 2 + k] !== pid) continue;
      this.i32.copyWithin(this.base + 2 + k, this.base + 3 + k, this.base + 2 + n);
      this.i32[this.base + 1] = n - 1;
      return true;
    }
    return false;
  }

  /** Takes the oldest waiter off the queue and wakes it; false when none is queued. */
  grantOldest(): boolean {
    const n = this.i32[this.base + 1];
    if (n === 0) return false;
    const pid = this.i32[this.base + 2];
    this.i32.copyWithin(this.base + 2, this.base + 3, this.base + 2 + n);
    this.i32[this.base + 1] = n - 1;
    Atomics.store(this.i32, slot(pid, W.wake), 1);
    Atomics.notify(this.i32, slot(pid, W.wake));
    return true;
  }

  /**
   * After `push()` (and unlocking): waits until granted, `ms` pass, or `abort` gives a reason.
   * Giving up removes the caller from the queue, runs `onLeave` still holding the queue, and
   * throws the abort reason or returns false; a grant that races the give-up still counts.
   */
  awaitGrant(
    ms: number,
    id: number,
    abort: () => Error | null,
    onLeave: () => void = () => {},
  ): boolean {
    const deadline = ms === Infinity ? Infinity : nowMs() + ms;
    for (;;) {
      if (granted()) return true;
      const reason = abort();
      const left = remaining(deadline);
      if (reason || left === 0) {
        const removed = this.locked(() => {
          const was = this.remove();
          if (was) onLeave();
          return was;
        });
        if (!removed) return true;
        if (reason) throw reason;
        return false;
      }
      waitOn(wakeSlot(), 0, left, id);
    }
  }

  /** Pids queued, oldest first (a snapshot, for reports). */
  pids(): number[] {
    const n = this.i32[this.base + 1];
    return Array.from(this.i32.subarray(this.base + 2, this.base + 2 + n));
  }
}

/** Whether the calling process has been granted since it queued. */
function granted(): boolean {
  const { heap, pid } = ctx();
  return Atomics.load(heap.i32, slot(pid, W.wake)) === 1;
}

/** Index of the calling process's wake word, to Atomics.wait on. */
function wakeSlot(): number {
  return slot(ctx().pid, W.wake);
}
