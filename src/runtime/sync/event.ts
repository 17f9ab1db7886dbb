import { nowMs, remaining, scaledMs, waitOn } from '../blocking';
import { ctx } from '../context';
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
import { sched } from '../sched/hooks';
import { Point } from '../sched/region';

/**
 * Event: two Int32 words.
 *
 *   +0  FLAG        0 clear, 1 set
 *   +4  GENERATION  how many times set() has been called; waiters Atomics.wait on it
 *
 * set() stores 1 in FLAG, then bumps GENERATION and wakes every waiter. A waiter returns true
 * when FLAG is set or GENERATION has moved since it began: so a set() followed at once by
 * clear() still wakes every process that was waiting, as in CPython (test_set_and_clear).
 * A waiter spins briefly first (a counted loop of loads, some tens of
 * microseconds: performance.now() itself costs ~0.4 µs in an isolated Worker): a set() that
 * comes that soon is seen without the cost of sleeping and being woken.
 */
const SPINS = 1 << 15;
const FLAG = 0;
const GENERATION = 1;

export class Event {
  id!: number;
  private i32!: Int32Array;
  private base!: number;

  constructor() {
    this[attach](sharedObject(ObjectKind.Event, 8, () => {}));
  }

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.i32 = ctx().heap.i32;
    this.base = ref.offset / 4;
  }

  isSet(): boolean {
    return Atomics.load(this.i32, this.base + FLAG) === 1;
  }

  set(): void {
    sched?.point(Point.Set, this.id);
    race?.release(this.id);
    Atomics.store(this.i32, this.base + FLAG, 1);
    Atomics.add(this.i32, this.base + GENERATION, 1);
    Atomics.notify(this.i32, this.base + GENERATION);
  }

  clear(): void {
    sched?.point(Point.Set, this.id);
    Atomics.store(this.i32, this.base + FLAG, 0);
  }

  /** Waits until the event is set, or `timeout` seconds; returns whether it is set. */
  wait(timeout: number | null = null): boolean {
    sched?.point(Point.Wait, this.id);
    const set = this.awaitSet(timeout);
    if (set) race?.acquire(this.id);
    return set;
  }

  private awaitSet(timeout: number | null): boolean {
    const ms = scaledMs(timeout);
    const generation = Atomics.load(this.i32, this.base + GENERATION);
    if (ms > 0) for (let spin = 0; spin < SPINS; spin++) if (this.isSet()) return true;
    if (this.isSet()) return true;
    const deadline = ms === Infinity ? Infinity : nowMs() + ms;
    while (!this.isSet() && Atomics.load(this.i32, this.base + GENERATION) === generation) {
      const left = remaining(deadline);
      if (left === 0) return false;
      waitOn(this.base + GENERATION, generation, left, this.id);
    }
    return true;
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<Event(set=${this.isSet()})>`;
  }

  /** String(event) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }
}

registerShared(ObjectKind.Event, Event);
