import { ctx } from '../context';
import { ValueError } from '../errors';
import { repr } from '../format';
import { toHandle } from '../transfer';
import { GATE_WORDS, Gate } from './gate';
import { Holdable, acquireMs } from './lock';
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
 * Semaphore and BoundedSemaphore: a Gate (gate.ts) holding `value` permits, FIFO under
 * contention. Block layout (Int32 words): 0 initial value, 1 (padding), 2.. Gate.
 */
const INITIAL = 0;
const GATE = 2;
const BYTES = (GATE + GATE_WORDS) * 4;

export class Semaphore extends Holdable {
  id!: number;
  protected gate!: Gate;
  protected initial!: number;

  constructor(value = 1) {
    super();
    if (!Number.isInteger(value) || value < 0)
      throw new ValueError('semaphore initial value must be >= 0');
    const kind =
      this instanceof BoundedSemaphore ? ObjectKind.BoundedSemaphore : ObjectKind.Semaphore;
    this[attach](
      sharedObject(kind, BYTES, (ref) => {
        const { i32 } = ctx().heap;
        i32[ref.offset / 4 + INITIAL] = value;
        Gate.init(i32, ref.offset / 4 + GATE, value);
      }),
    );
  }

  [attach](ref: SharedRef): void {
    const { i32 } = ctx().heap;
    this.id = ref.id;
    this.initial = i32[ref.offset / 4 + INITIAL];
    this.gate = new Gate(i32, ref.offset / 4 + GATE, ref.id);
  }

  /** Takes a permit; with `block` false or a `timeout` (seconds), returns false if none came. */
  acquire(block = true, timeout: number | null = -1): boolean {
    sched?.point(Point.Acquire, this.id);
    return this.gate.acquire(acquireMs(block, timeout));
  }

  /** Gives back `n` permits, waking the oldest waiters first. */
  release(n = 1): void {
    sched?.point(Point.Release, this.id);
    if (!Number.isInteger(n) || n < 1) throw new ValueError('n must be one or more');
    for (let k = 0; k < n; k++) this.gate.release();
  }

  /** Permits free now (Python's get_value / _value). */
  getValue(): number {
    return this.gate.permits;
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<Semaphore(value=${this.getValue()})>`;
  }
}

/** A semaphore that refuses to be released more often than acquired (ValueError). */
export class BoundedSemaphore extends Semaphore {
  override release(n = 1): void {
    if (!Number.isInteger(n) || n < 1) throw new ValueError('n must be one or more');
    for (let k = 0; k < n; k++) {
      if (!this.gate.release(this.initial))
        throw new ValueError('Semaphore released too many times');
    }
  }

  override [repr](): string {
    return `<BoundedSemaphore(value=${this.getValue()}, maxvalue=${this.initial})>`;
  }
}

registerShared(ObjectKind.Semaphore, Semaphore);
registerShared(ObjectKind.BoundedSemaphore, BoundedSemaphore);
