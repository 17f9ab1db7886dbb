import { remaining, scaledMs, waitOn } from '../blocking';
import { ctx } from '../context';
import { ValueError } from '../errors';
import type { Heap } from '../heap';
import { repr } from '../format';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedObject,
  type SharedRef,
} from '../sync/objects';
import { guarded } from '../sync/spin-mutex';
import { toHandle } from '../transfer';
import { decodeItem, encodeItem } from './codec';
import { BrokenPipeError, EOFError, Empty, Full } from './errors';
import { sortKey } from './order';
import { COUNT, RING_WORDS, Ring } from './ring';
import { SlotStore } from './slot-store';

/**
 * multiprocessing's Queue, JoinableQueue and SimpleQueue, and the queue module's FIFO Queue:
 * a Ring (ring.ts) of encoded items (codec.ts) in the shared heap, no postMessage anywhere.
 * Block layout (Int32 words):
 *
 *   0  mutex       internal (spin-mutex.ts); every change happens under it, kill-guarded, so
 *                  a process terminated mid-put or mid-get cannot tear the queue
 *   1  maxsize     0: unbounded
 *   2  unfinished  items put and not yet taskDone() (JoinableQueue.join waits on it)
 *   3  gets        bumped by every get: a producer waiting for room waits on it
 *   4  puts        bumped by every put: a consumer waiting for an item waits on it
 *   5  getters     consumers waiting now (a put notifies only if there is one)
 *   6  putters     producers waiting now
 *   7  ends        pipes only: NO_WRITERS (get at empty is EOFError), NO_READERS (put is BrokenPipeError)
 *   8  writers     pipes only: processes holding the writing end (pipe.ts)
 *   9  readers     pipes only: processes holding the reading end
 *   10 the items: a Ring (FIFO) or a SlotStore (LIFO, priority)
 */
const MUTEX = 0;
const MAXSIZE = 1;
const UNFINISHED = 2;
const GETS = 3;
const PUTS = 4;
const GETTERS = 5;
const PUTTERS = 6;
const ENDS = 7;
export const WRITERS = 8;
export const READERS = 9;
const RING = 10;
const SPINS = 4000;
export const NO_WRITERS = 1;
export const NO_READERS = 2;
const BYTES = (RING + RING_WORDS) * 4;

export class Queue<T = unknown> {
  /** The object kind a child rebuilds it as (each class keeps its methods across processes). */
  static readonly kind: ObjectKind = ObjectKind.Queue;
  /** Which item comes out first: the oldest, the newest, or the smallest. */
  static readonly order: 'fifo' | 'lifo' | 'priority' = 'fifo';
  id!: number;
  protected heap!: Heap;
  protected base!: number;
  protected store!: Ring | SlotStore;
  private closed = false;

  constructor(maxsize = 0) {
    if (!Number.isInteger(maxsize)) throw new ValueError('maxsize must be an integer');
    this[attach](
      sharedObject((this.constructor as typeof Queue).kind, BYTES, (ref) => {
        const { heap } = ctx();
        heap.i32[ref.offset / 4 + MAXSIZE] = Math.max(0, maxsize);
        if (this.order === 'fifo') Ring.init(heap, ref.offset / 4 + RING);
        else SlotStore.init(heap, ref.offset / 4 + RING);
      }),
    );
  }

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.heap = ctx().heap;
    this.base = ref.offset / 4;
    this.store =
      this.order === 'fifo'
        ? new Ring(this.heap, this.base + RING)
        : new SlotStore(this.heap, this.base + RING, this.order === 'priority');
  }

  private get order(): 'fifo' | 'lifo' | 'priority' {
    return (this.constructor as typeof Queue).order;
  }

  get maxsize(): number {
    return this.heap.i32[this.base + MAXSIZE];
  }

  /** Puts `item` at the end; blocks while the queue is full (Full after `timeout` or without `block`). */
  put(item: T, block = true, timeout: number | null = null): void {
    if (this.closed) throw new ValueError(`Queue ${this.id} is closed`);
    // A bad item fails here, before the queue changes; a FIFO keeps numbers as they are.
    const bytes = typeof item === 'number' && this.order === 'fifo' ? item : encodeItem(item);
    const key = this.order === 'priority' ? sortKey(item) : 0;
    const { i32 } = this.heap;
    const deadline = block ? deadlineOf(timeout) : 0;
    for (;;) {
      const seen = this.locked(() => {
        if (i32[this.base + ENDS] & NO_READERS)
          throw new BrokenPipeError('the other end is closed');
        const maxsize = i32[this.base + MAXSIZE];
        if (maxsize > 0 && this.store.count >= maxsize) return Atomics.load(i32, this.base + GETS);
        this.store.push(bytes, key);
        i32[this.base + UNFINISHED] += 1;
        Atomics.add(i32, this.base + PUTS, 1);
        return null;
      });
      if (seen === null) {
        if (Atomics.load(i32, this.base + GETTERS) > 0) Atomics.notify(i32, this.base + PUTS, 1);
        return;
      }
      const left = remaining(deadline);
      if (left === 0) throw new Full(`the queue is full (maxsize ${this.maxsize})`);
      this.waitFor(GETS, PUTTERS, seen, left);
    }
  }

  /** Removes and returns the oldest item; blocks while empty (Empty after `timeout` or without `block`). */
  get(block = true, timeout: number | null = null): T {
    const { i32 } = this.heap;
    const deadline = block ? deadlineOf(timeout) : 0;
    for (;;) {
      let seen = 0;
      const taken = this.locked(() => {
        if (this.store.count === 0) {
          if (i32[this.base + ENDS] & NO_WRITERS) throw new EOFError('the other end is closed');
          seen = Atomics.load(i32, this.base + PUTS);
          return null;
        }
        const item = this.store.shift();
        Atomics.add(i32, this.base + GETS, 1);
        return item;
      });
      if (taken !== null) {
        if (Atomics.load(i32, this.base + PUTTERS) > 0) Atomics.notify(i32, this.base + GETS, 1);
        return (typeof taken === 'number' ? taken : decodeItem(taken)) as T;
      }
      const left = remaining(deadline);
      if (left === 0) throw new Empty('the queue is empty');
      this.waitFor(PUTS, GETTERS, seen, left);
    }
  }

  putNowait(item: T): void {
    this.put(item, false);
  }

  getNowait(): T {
    return this.get(false);
  }

  /** Items in the queue now (others may change it at once). */
  qsize(): number {
    return Atomics.load(this.heap.i32, this.base + RING + COUNT);
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.qsize() >= this.maxsize;
  }

  /** This process will put no more (Python's close); puts from it then raise ValueError. */
  close(): void {
    this.closed = true;
  }

  /** Python's join_thread / cancel_join_thread: there is no feeder thread to wait for here. */
  joinThread(): void {}
  cancelJoinThread(): void {}

  /** Marks an end of a pipe's channel closed and wakes whoever waits on the other side. */
  protected closeEnd(end: typeof NO_WRITERS | typeof NO_READERS): void {
    const { i32 } = this.heap;
    const seq = this.base + (end === NO_WRITERS ? PUTS : GETS);
    Atomics.or(i32, this.base + ENDS, end);
    // Bump the word the other side waits on: one that read it just before would otherwise
    // sleep on an unchanged value and miss this wake-up.
    Atomics.add(i32, seq, 1);
    Atomics.notify(i32, seq);
  }

  /** Waits up to `ms` until an item is there or the writers are gone; whether recv would not block. */
  protected readable(ms: number): boolean {
    const { i32 } = this.heap;
    const deadline = ms === Infinity ? Infinity : performance.now() + ms;
    for (;;) {
      const seen = Atomics.load(i32, this.base + PUTS);
      if (this.qsize() > 0 || i32[this.base + ENDS] & NO_WRITERS) return true;
      const left = remaining(deadline);
      if (left === 0) return false;
      this.waitFor(PUTS, GETTERS, seen, left);
    }
  }

  protected locked<R>(fn: () => R): R {
    return guarded(this.heap.i32, this.base + MUTEX, fn);
  }

  /**
   * Waits for word `seq` to move from `seen`, counted in `waiters` so the other side notifies.
   * Spins a little first: between two busy processes the next put or get is usually
   * microseconds away, far less than a futex sleep and wake-up.
   */
  private waitFor(seq: number, waiters: number, seen: number, ms: number): void {
    const { i32 } = this.heap;
    for (let spin = 0; spin < SPINS; spin++)
      if (Atomics.load(i32, this.base + seq) !== seen) return;
    Atomics.add(i32, this.base + waiters, 1);
    try {
      waitOn(this.base + seq, seen, ms, this.id);
    } finally {
      Atomics.sub(i32, this.base + waiters, 1);
    }
  }

  [toHandle]() {
    return handleOf(this);
  }

  [repr](): string {
    return `<${this.constructor.name}(qsize=${this.qsize()}, maxsize=${this.maxsize})>`;
  }
}

/** A Queue whose consumers say when each item is done, so a producer can join() the work. */
export class JoinableQueue<T = unknown> extends Queue<T> {
  static override readonly kind: ObjectKind = ObjectKind.JoinableQueue;

  /** One item taken with get() is fully processed. ValueError if called more often than put(). */
  taskDone(): void {
    const { i32 } = this.heap;
    const left = this.locked(() => {
      const unfinished = i32[this.base + UNFINISHED];
      if (unfinished <= 0) throw new ValueError('task_done() called too many times');
      Atomics.store(i32, this.base + UNFINISHED, unfinished - 1);
      return unfinished - 1;
    });
    if (left === 0) Atomics.notify(i32, this.base + UNFINISHED);
  }

  /** Blocks until every item put has had its taskDone(). */
  join(): void {
    const { i32 } = this.heap;
    for (
      let n = Atomics.load(i32, this.base + UNFINISHED);
      n > 0;
      n = Atomics.load(i32, this.base + UNFINISHED)
    ) {
      waitOn(this.base + UNFINISHED, n, Infinity, this.id);
    }
  }
}

/** queue.LifoQueue: the newest item comes out first. */
export class LifoQueue<T = unknown> extends JoinableQueue<T> {
  static override readonly kind: ObjectKind = ObjectKind.LifoQueue;
  static override readonly order = 'lifo' as const;
}

/**
 * queue.PriorityQueue: the smallest item comes out first, ordered as Python's heapq orders
 * them (`[priority, data]` arrays compare element by element, like tuples).
 */
export class PriorityQueue<T = unknown> extends JoinableQueue<T> {
  static override readonly kind: ObjectKind = ObjectKind.PriorityQueue;
  static override readonly order = 'priority' as const;
}

/** An unbounded queue with only get, put, empty and close (Python's SimpleQueue). */
export class SimpleQueue<T = unknown> extends Queue<T> {
  static override readonly kind: ObjectKind = ObjectKind.SimpleQueue;

  constructor() {
    super(0);
  }
}

function deadlineOf(timeout: number | null): number {
  const ms = scaledMs(timeout);
  return ms === Infinity ? Infinity : performance.now() + ms;
}

for (const cls of [Queue, JoinableQueue, SimpleQueue, LifoQueue, PriorityQueue]) {
  registerShared(cls.kind, cls);
}
