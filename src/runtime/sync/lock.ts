import { scaledMs } from '../blocking';
import { ctx } from '../context';
import { RuntimeError, ValueError } from '../errors';
import { repr } from '../format';
import { processName } from '../proc-record';
import { race } from '../race/hooks';
import { toHandle, type HandleSource } from '../transfer';
import { GATE_WORDS, Gate } from './gate';
import { DEAD_OWNER, OWNER, deadOwnerError } from './owner';
import {
  ObjectKind,
  attach,
  handleOf,
  objectLabel,
  registerShared,
  sharedObject,
  type SharedRef,
} from './objects';
import { sched } from '../sched/hooks';
import { Point } from '../sched/region';

/**
 * Lock and RLock. Block layout (Int32 words):
 *
 *   0  owner       pid holding it (owner.ts)
 *   1  deadOwner   pid that died holding it (owner.ts)
 *   2  count       RLock only: how many times the owner holds it
 *   3  (padding)
 *   4  Gate        one permit (gate.ts): FIFO hand-off under contention
 */
const COUNT = 2;
export const LOCK_GATE = 4;
const GATE = LOCK_GATE;
const LOCK_BYTES = (GATE + GATE_WORDS) * 4;

/** The `with` statement's counterparts, for every lock-like primitive. */
export abstract class Holdable {
  abstract acquire(block?: boolean, timeout?: number | null): boolean;
  abstract release(): void;

  /** Python's `with lock:` — runs `fn` holding the lock and always releases it. */
  withLock<T>(fn: () => T): T {
    this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }

  /** `using _ = lock.hold();` holds the lock until the end of the block. */
  hold(): Disposable {
    this.acquire();
    return { [Symbol.dispose]: () => this.release() };
  }

  /** Python's repr, which print shows. */
  abstract [repr](): string;

  /** String(lock) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }
}

/** Timeout in ms for an acquire(block, timeout) call, Python's rules. */
export function acquireMs(block: boolean, timeout: number | null | undefined): number {
  if (!block) {
    if (timeout !== undefined && timeout !== null && timeout !== -1) {
      throw new ValueError("can't specify a timeout for a non-blocking call");
    }
    return 0;
  }
  return scaledMs(timeout);
}

/** A thread lock's argument rules (CPython's _thread): -1 waits forever, other negatives are errors. */
function checkTimeout(block: boolean, timeout: number | null): void {
  if (!block) acquireMs(block, timeout);
  else if (timeout !== null && timeout < 0 && timeout !== -1)
    throw new ValueError('timeout value must be a non-negative number');
}

abstract class LockBase extends Holdable implements HandleSource {
  // Set by attach(), which also runs for objects rebuilt in a child without their constructor.
  id!: number;
  protected i32!: Int32Array;
  protected base!: number;
  protected gate!: Gate;
  /** This process's pid: an object is rebuilt in each process that uses it. */
  protected me!: number;

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.i32 = ctx().heap.i32;
    this.base = ref.offset / 4;
    this.gate = new Gate(this.i32, this.base + GATE, ref.id);
    this.me = ctx().pid;
  }

  /** pid of the process holding it, or null. */
  get owner(): number | null {
    return this.i32[this.base + OWNER] || null;
  }

  /** The uncontended path first: one CAS, no timeout arithmetic, nothing allocated. */
  protected take(block: boolean, timeout: number | null): boolean {
    checkTimeout(block, timeout); // Python checks the arguments first
    const ok =
      this.gate.tryTakeOnly() ||
      this.gate.acquire(acquireMs(block, timeout), () =>
        deadOwnerError(this.i32, this.base, this.describe()),
      );
    if (ok) {
      this.i32[this.base + OWNER] = this.me;
      race?.held(this.id, true);
    }
    return ok;
  }

  protected give(): boolean {
    race?.held(this.id, false);
    const owner = this.i32[this.base + OWNER];
    this.i32[this.base + OWNER] = 0;
    if (this.gate.tryGiveOnly() || this.gate.release(1)) {
      if (this.i32[this.base + DEAD_OWNER]) Atomics.store(this.i32, this.base + DEAD_OWNER, 0);
      return true;
    }
    this.i32[this.base + OWNER] = owner;
    return false;
  }

  protected describe(): string {
    return objectLabel(this.id);
  }

  /** The owner as Python's reprs name it: its process (or thread) name, or None. */
  protected ownerName(): string {
    const pid = this.owner;
    return pid === null ? 'None' : (processName(ctx().heap, pid) ?? `pid ${pid}`);
  }

  abstract [toHandle](): ReturnType<HandleSource[typeof toHandle]>;
}

/** A mutual-exclusion lock. Any process may release it (as in Python), once per acquire. */
export class Lock extends LockBase {
  constructor() {
    super();
    this[attach](sharedObject(ObjectKind.Lock, LOCK_BYTES, initGate));
  }

  /** Takes the lock; with `block` false or a `timeout` (seconds), returns false if it could not. */
  acquire(block = true, timeout: number | null = -1): boolean {
    sched?.point(Point.Acquire, this.id);
    return this.take(block, timeout);
  }

  release(): void {
    sched?.point(Point.Release, this.id);
    if (!this.give())
      throw new ValueError('release unlocked lock: a Lock is released once per acquire');
  }

  /** Whether some process holds it. */
  locked(): boolean {
    return this.gate.permits === 0;
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<Lock(owner=${this.ownerName()})>`;
  }
}

/** A reentrant lock: its owner may acquire it again; only the owner may release it. */
export class RLock extends LockBase {
  constructor() {
    super();
    this[attach](sharedObject(ObjectKind.RLock, LOCK_BYTES, initGate));
  }

  acquire(block = true, timeout: number | null = -1): boolean {
    sched?.point(Point.Acquire, this.id);
    if (this.i32[this.base + OWNER] === this.me) {
      checkTimeout(block, timeout);
      this.i32[this.base + COUNT]++;
      return true;
    }
    if (!this.take(block, timeout)) return false;
    this.i32[this.base + COUNT] = 1;
    return true;
  }

  release(): void {
    sched?.point(Point.Release, this.id);
    if (this.i32[this.base + OWNER] !== this.me)
      throw new RuntimeError('cannot release un-acquired lock');
    if (--this.i32[this.base + COUNT] === 0) this.give();
  }

  /** Whether some process holds it (Python 3.14's RLock.locked()). */
  locked(): boolean {
    return this.owner !== null;
  }

  /** How many times its owner holds it (0 when free). */
  get count(): number {
    return this.owner === null ? 0 : this.i32[this.base + COUNT];
  }

  /** Condition.wait: releases every level at once; returns what `restore` needs. */
  releaseAll(): number {
    const count = this.i32[this.base + COUNT];
    this.i32[this.base + COUNT] = 1;
    this.release();
    return count;
  }

  restore(count: number): void {
    this.acquire();
    this.i32[this.base + COUNT] = count;
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<RLock(${this.ownerName()}, ${this.count})>`;
  }
}

function initGate(ref: SharedRef): void {
  Gate.init(ctx().heap.i32, ref.offset / 4 + GATE, 1);
}

registerShared(ObjectKind.Lock, Lock);
registerShared(ObjectKind.RLock, RLock);

/** Whether the calling process holds `lock` (Condition's precondition). */
export function heldByMe(lock: Lock | RLock): boolean {
  return lock.owner === ctx().pid;
}
