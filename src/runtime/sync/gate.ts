import { race } from '../race/hooks';
import { WaitQueue, QUEUE_WORDS } from './wait-queue';

/**
 * A counting semaphore in shared memory, the core of Lock, RLock, Semaphore and
 * BoundedSemaphore. Layout (Int32 words from `base`):
 *
 *   word 0   state: permits available (low 30 bits) | WAITERS (bit 30)
 *   word 1.. WaitQueue (wait-queue.ts)
 *
 * Invariant: while WAITERS is set, permits are 0: a release hands its permit straight to the
 * oldest waiter instead of adding it to the count. So the uncontended paths are one CAS each
 * and touch nothing else, and under contention permits go out in strict FIFO order of arrival:
 * no waiter can be overtaken, so none starves.
 *
 * With race detection on, a permit carries the releaser's clock to whoever takes it: every
 * release publishes first, every successful take absorbs after (race/hooks.ts).
 */
const WAITERS = 1 << 30;
const PERMITS = WAITERS - 1;
export const GATE_WORDS = 1 + QUEUE_WORDS;

/** Why a wait in the queue ended early; checked after every wake-up (e.g. the lock's owner died). */
export type Abort = () => Error | null;

export class Gate {
  private readonly queue: WaitQueue;

  constructor(
    private readonly i32: Int32Array,
    private readonly base: number,
    /** Object id, for traces and deadlock reports. */
    private readonly id: number,
  ) {
    this.queue = new WaitQueue(i32, base + 1);
  }

  static init(i32: Int32Array, base: number, permits: number): void {
    i32[base] = permits;
  }

  get permits(): number {
    const s = Atomics.load(this.i32, this.base);
    return s & WAITERS ? 0 : s & PERMITS;
  }

  get waiting(): number[] {
    return this.queue.pids();
  }

  /**
   * The one-permit fast paths (locks): a free lock's state is exactly 1 and a held one's
   * with no waiter exactly 0, so one CAS decides. False means: take the general path.
   */
  tryTakeOnly(): boolean {
    return this.took(Atomics.compareExchange(this.i32, this.base, 1, 0) === 1);
  }

  tryGiveOnly(): boolean {
    race?.release(this.id);
    return Atomics.compareExchange(this.i32, this.base, 0, 1) === 0;
  }

  /** Takes a permit without waiting; false if none is free. */
  tryAcquire(): boolean {
    return this.took(this.takeFree());
  }

  /** Takes a free permit, if there is one. */
  private takeFree(): boolean {
    for (;;) {
      const s = Atomics.load(this.i32, this.base);
      if (s & WAITERS || (s & PERMITS) === 0) return false;
      if (Atomics.compareExchange(this.i32, this.base, s, s - 1) === s) return true;
    }
  }

  /** Takes a permit, waiting up to `ms` (Infinity: no limit) in FIFO order. */
  acquire(ms: number, abort: Abort = () => null): boolean {
    if (this.takeFree()) return this.took(true);
    if (ms <= 0) return false;
    const queued = this.queue.locked(() => {
      if (this.takeFree()) return false;
      // No permit: mark waiters (permits are 0 here, and stay 0 while WAITERS is set).
      for (
        let s = Atomics.load(this.i32, this.base);
        !(s & WAITERS);
        s = Atomics.load(this.i32, this.base)
      ) {
        if ((s & PERMITS) !== 0) {
          if (Atomics.compareExchange(this.i32, this.base, s, s - 1) === s) return false;
        } else if (Atomics.compareExchange(this.i32, this.base, s, WAITERS) === s) {
          break;
        }
      }
      this.queue.push();
      return true;
    });
    if (!queued) return this.took(true);
    return this.took(
      this.queue.awaitGrant(ms, this.id, abort, () => {
        if (this.queue.size === 0) Atomics.store(this.i32, this.base, 0); // no waiter left
      }),
    );
  }

  /** `taken`, after absorbing the releasers' clocks when it is true. */
  private took(taken: boolean): boolean {
    if (taken) race?.acquire(this.id);
    return taken;
  }

  /**
   * Gives a permit back: to the oldest waiter if any, else to the count. `bound` (bounded
   * semaphores, locks) refuses a release that would raise the count above it: returns false.
   */
  release(bound = PERMITS): boolean {
    race?.release(this.id);
    for (;;) {
      const s = Atomics.load(this.i32, this.base);
      if (s & WAITERS) break;
      if ((s & PERMITS) >= bound) return false;
      if (Atomics.compareExchange(this.i32, this.base, s, s + 1) === s) return true;
    }
    const handedOff = this.queue.locked(() => {
      if (!(Atomics.load(this.i32, this.base) & WAITERS)) return false;
      this.queue.grantOldest();
      if (this.queue.size === 0) Atomics.store(this.i32, this.base, 0);
      return true;
    });
    // The last waiter left (timed out) before we got the queue: release to the count instead.
    return handedOff || this.release(bound);
  }
}
