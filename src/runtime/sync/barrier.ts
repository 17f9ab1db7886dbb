import { nowMs, remaining, scaledMs, waitOn } from '../blocking';
import { ctx, definedByName, topLevelNameOf } from '../context';
import { RuntimeError, ValueError } from '../errors';
import { repr } from '../format';
import { race } from '../race/hooks';
import { toHandle } from '../transfer';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedObject,
  type SharedRef,
} from './objects';
import { guarded } from './spin-mutex';
import { sched } from '../sched/hooks';
import { Point } from '../sched/region';

/**
 * Barrier for `parties` processes. Block layout (Int32 words):
 *
 *   0  mutex       internal (spin-mutex.ts), guards count and generation changes
 *   1  parties
 *   2  count       arrivals in the current generation
 *   3  generation  bumped when the last party arrives (waiters Atomics.wait on it) or on reset
 *   4  broken      1 after abort() or a timed-out wait, until reset()
 *   5  resetOf     the generation that reset() ended: its waiters get BrokenBarrierError
 *
 * The last arrival resets count before bumping generation, and waiters leave only when the
 * generation changes, so the arrivals of two generations never mix.
 */
const MUTEX = 0;
const PARTIES = 1;
const COUNT = 2;
const GENERATION = 3;
const BROKEN = 4;
const RESET_OF = 5;

export class BrokenBarrierError extends RuntimeError {
  override name = 'BrokenBarrierError';
}

export class Barrier {
  id!: number;
  private i32!: Int32Array;
  private base!: number;
  private action!: (() => unknown) | null;
  private timeout!: number | null;

  constructor(
    parties: number,
    action: (() => unknown) | null = null,
    timeout: number | null = null,
  ) {
    if (!Number.isInteger(parties) || parties < 1) throw new ValueError('parties must be > 0');
    const ref = sharedObject(ObjectKind.Barrier, 32, (r) => {
      const { i32 } = ctx().heap;
      i32[r.offset / 4 + PARTIES] = parties;
      i32[r.offset / 4 + GENERATION] = 1;
    });
    this[attach](ref, { action: action && topLevelNameOf(action), timeout });
    this.action = action;
  }

  [attach](ref: SharedRef, extra?: unknown): void {
    const { action, timeout } = (extra ?? {}) as {
      action?: string | null;
      timeout?: number | null;
    };
    this.id = ref.id;
    this.i32 = ctx().heap.i32;
    this.base = ref.offset / 4;
    this.action = action ? (definedByName(action) as () => unknown) : null;
    this.timeout = timeout ?? null;
  }

  get parties(): number {
    return this.i32[this.base + PARTIES];
  }
  get nWaiting(): number {
    return Atomics.load(this.i32, this.base + COUNT);
  }
  get broken(): boolean {
    return Atomics.load(this.i32, this.base + BROKEN) === 1;
  }

  /** Waits for all parties; returns this party's arrival index (0 .. parties-1). */
  wait(timeout: number | null = this.timeout): number {
    sched?.point(Point.Wait, this.id);
    race?.release(this.id);
    const index = this.arriveAndWait(timeout);
    race?.acquire(this.id);
    return index;
  }

  private arriveAndWait(timeout: number | null): number {
    const { i32, base } = this;
    const [index, generation] = this.locked(() => {
      if (i32[base + BROKEN]) throw new BrokenBarrierError('the barrier is broken');
      const arrived = i32[base + COUNT];
      i32[base + COUNT] = arrived + 1;
      return [arrived, i32[base + GENERATION]];
    });
    if (index === this.parties - 1) {
      try {
        this.action?.();
      } catch (error) {
        this.abort();
        throw error;
      }
      this.locked(() => {
        i32[base + COUNT] = 0;
        Atomics.add(i32, base + GENERATION, 1);
      });
      Atomics.notify(i32, base + GENERATION);
      return index;
    }
    const ms = scaledMs(timeout);
    const deadline = ms === Infinity ? Infinity : nowMs() + ms;
    while (Atomics.load(i32, base + GENERATION) === generation && !this.broken) {
      const left = remaining(deadline);
      if (left === 0) {
        this.abort();
        throw new BrokenBarrierError('timed out waiting at the barrier; it is now broken');
      }
      waitOn(base + GENERATION, generation, left, this.id);
    }
    if (this.broken || Atomics.load(i32, base + RESET_OF) === generation) {
      throw new BrokenBarrierError('the barrier was broken or reset while waiting');
    }
    return index;
  }

  /** Breaks the barrier: current and future waiters get BrokenBarrierError until reset(). */
  abort(): void {
    Atomics.store(this.i32, this.base + BROKEN, 1);
    Atomics.notify(this.i32, this.base + GENERATION);
  }

  /** Back to empty: processes waiting now get BrokenBarrierError. */
  reset(): void {
    const { i32, base } = this;
    this.locked(() => {
      if (i32[base + COUNT] > 0) i32[base + RESET_OF] = i32[base + GENERATION];
      i32[base + COUNT] = 0;
      i32[base + BROKEN] = 0;
      Atomics.add(i32, base + GENERATION, 1);
    });
    Atomics.notify(i32, base + GENERATION);
  }

  private locked<T>(fn: () => T): T {
    return guarded(this.i32, this.base + MUTEX, fn);
  }

  [toHandle]() {
    return handleOf(this, {
      action: this.action && topLevelNameOf(this.action),
      timeout: this.timeout,
    });
  }

  [repr](): string {
    return `<Barrier(parties=${this.parties}, waiting=${this.nWaiting}${this.broken ? ', broken' : ''})>`;
  }

  /** String(barrier) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }
}

registerShared(ObjectKind.Barrier, Barrier);
