import { remaining, scaledMs, waitOn } from '../blocking';
import { ctx } from '../context';
import { repr } from '../format';
import { toHandle } from '../transfer';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedObject,
  type SharedRef,
} from './objects';

/**
 * Event: one Int32 flag word (0 clear, 1 set). Waiters Atomics.wait on the flag; set() stores 1
 * and wakes them all. A waiter spins briefly first (a counted loop of loads, some tens of
 * microseconds: performance.now() itself costs ~0.4 µs in an isolated Worker): a set() that
 * comes that soon is seen without the cost of sleeping and being woken.
 */
const SPINS = 1 << 15;

export class Event {
  id!: number;
  private i32!: Int32Array;
  private flag!: number;

  constructor() {
    this[attach](sharedObject(ObjectKind.Event, 8, () => {}));
  }

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.i32 = ctx().heap.i32;
    this.flag = ref.offset / 4;
  }

  isSet(): boolean {
    return Atomics.load(this.i32, this.flag) === 1;
  }

  set(): void {
    Atomics.store(this.i32, this.flag, 1);
    Atomics.notify(this.i32, this.flag);
  }

  clear(): void {
    Atomics.store(this.i32, this.flag, 0);
  }

  /** Waits until the event is set, or `timeout` seconds; returns whether it is set. */
  wait(timeout: number | null = null): boolean {
    const ms = scaledMs(timeout);
    if (ms > 0) for (let spin = 0; spin < SPINS; spin++) if (this.isSet()) return true;
    if (this.isSet()) return true;
    const deadline = ms === Infinity ? Infinity : performance.now() + ms;
    while (!this.isSet()) {
      const left = remaining(deadline);
      if (left === 0) return false;
      waitOn(this.flag, 0, left, this.id);
    }
    return true;
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<Event(${this.isSet() ? 'set' : 'unset'})>`;
  }
}

registerShared(ObjectKind.Event, Event);
