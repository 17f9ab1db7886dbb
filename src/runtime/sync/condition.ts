import { nowMs, scaledMs } from '../blocking';
import { ctx } from '../context';
import { RuntimeError } from '../errors';
import { repr } from '../format';
import { toHandle } from '../transfer';
import { Holdable, Lock, RLock, heldByMe } from './lock';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedById,
  sharedObject,
  type SharedRef,
} from './objects';
import { QUEUE_WORDS, WaitQueue } from './wait-queue';
import { sched } from '../sched/hooks';
import { Point } from '../sched/region';

/**
 * Condition variable over a Lock or RLock (an RLock by default, as in Python). Block layout
 * (Int32 words): 0 the lock's object id, 1 (padding), 2.. WaitQueue of waiting processes.
 * wait() queues the caller, releases the lock (every level of an RLock), and waits for
 * notify() to hand it a wake-up; notify(n) wakes the n oldest waiters, in FIFO order.
 */
const LOCK_ID = 0;
const QUEUE = 2;
const BYTES = (QUEUE + QUEUE_WORDS) * 4;

export class Condition extends Holdable {
  id!: number;
  lock!: Lock | RLock;
  private queue!: WaitQueue;

  constructor(lock: Lock | RLock | null = null) {
    super();
    const used = lock ?? new RLock();
    if (!(used instanceof Lock || used instanceof RLock)) {
      throw new TypeError('Condition takes a Lock or an RLock');
    }
    this[attach](
      sharedObject(ObjectKind.Condition, BYTES, (ref) => {
        ctx().heap.i32[ref.offset / 4 + LOCK_ID] = used.id;
      }),
    );
  }

  [attach](ref: SharedRef): void {
    const { i32 } = ctx().heap;
    this.id = ref.id;
    this.lock = sharedById(i32[ref.offset / 4 + LOCK_ID]) as Lock | RLock;
    this.queue = new WaitQueue(i32, ref.offset / 4 + QUEUE);
  }

  acquire(block = true, timeout: number | null = -1): boolean {
    return this.lock.acquire(block, timeout);
  }

  release(): void {
    this.lock.release();
  }

  /** Releases the lock, waits for a notify (or `timeout` seconds), re-acquires. False on timeout. */
  wait(timeout: number | null = null): boolean {
    sched?.point(Point.Wait, this.id);
    if (!heldByMe(this.lock)) throw new RuntimeError('cannot wait on un-acquired lock');
    this.queue.locked(() => this.queue.push());
    const saved = this.lock instanceof RLock ? this.lock.releaseAll() : (this.lock.release(), 1);
    try {
      return this.queue.awaitGrant(scaledMs(timeout), this.id, () => null);
    } finally {
      if (this.lock instanceof RLock) this.lock.restore(saved);
      else this.lock.acquire();
    }
  }

  /** Waits until `predicate()` is true (checked under the lock), or `timeout` seconds pass. */
  waitFor<T>(predicate: () => T, timeout: number | null = null): T {
    const deadline = timeout === null ? Infinity : nowMs() + scaledMs(timeout);
    let result = predicate();
    while (!result) {
      const left = deadline - nowMs();
      if (left <= 0) break;
      this.wait(deadline === Infinity ? null : left / scaledMs(1));
      result = predicate();
    }
    return result;
  }

  /** Wakes up to `n` waiting processes, oldest first. The caller must hold the lock. */
  notify(n = 1): void {
    sched?.point(Point.Notify, this.id);
    if (!heldByMe(this.lock)) throw new RuntimeError('cannot notify on un-acquired lock');
    this.queue.locked(() => {
      for (let k = 0; k < n && this.queue.grantOldest(); k++);
    });
  }

  notifyAll(): void {
    this.notify(Infinity);
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<Condition(${this.lock[repr]()}, ${this.queue.size})>`;
  }
}

registerShared(ObjectKind.Condition, Condition);
