import { nowMs, remaining, scaledMs, waitOn } from '../blocking';
import { ctx } from '../context';
import { ValueError } from '../errors';
import type { Heap } from '../heap';
import { repr } from '../format';
import {
  ObjectKind,
  attach,
  handleOf,
  kindName,
  registerShared,
  sharedObject,
  type SharedRef,
} from '../sync/objects';
import { enterCritical, leaveCritical } from '../kill-guard';
import { race } from '../race/hooks';
import { toHandle } from '../transfer';
import { encodeItem, type Encoded } from './codec';
import { BrokenPipeError, EOFError, Empty, Full } from './errors';
import { sortKey } from './order';
import { EMPTY, RING_WORDS, Ring } from './ring';
import { SLOT_STORE_WORDS, SlotStore } from './slot-store';
import { sched } from '../sched/hooks';
import { Point } from '../sched/region';

/**
 * multiprocessing's Queue, JoinableQueue and SimpleQueue, and the queue module's queues: a
 * Ring (ring.ts, FIFO) or a SlotStore (LIFO, priority) of encoded items (codec.ts) in the
 * shared heap, no postMessage anywhere. Every put and get runs inside the process's kill guard,
 * so a process terminated mid-put or mid-get cannot tear the queue. Block layout (Int32 words):
 *
 *   0  maxsize     0: unbounded
 *   1  getters     consumers asleep now (a put wakes one only if there is one)
 *   2  putters     producers asleep now
 *   3  putSeq      bumped by a put that finds getters asleep (they sleep on it), and at EOF
 *   4  getSeq      bumped by a get that finds putters asleep, and when the readers are gone
 *   5  ends        pipes only: NO_WRITERS (get at empty is EOFError), NO_READERS (put is BrokenPipeError)
 *   6  writers     pipes only: processes holding the writing end (pipe.ts)
 *   7  readers     pipes only: processes holding the reading end
 *   16 unfinished  joinable queues: items put and not yet taskDone() (join waits on it); on a
 *                  line of its own, as producers and consumers both write it
 *   32 the items
 */
const MAXSIZE = 0;
const GETTERS = 1;
const PUTTERS = 2;
const PUT_SEQ = 3;
const GET_SEQ = 4;
const ENDS = 5;
export const WRITERS = 6;
export const READERS = 7;
const UNFINISHED = 16;
const STORE = 32;
const SPINS = 4000;
export const NO_WRITERS = 1;
export const NO_READERS = 2;
const BYTES = (STORE + Math.max(RING_WORDS, SLOT_STORE_WORDS)) * 4;

/**
 * A queue of items of type T. TypeScript cannot learn T from later put() calls, so say it when
 * creating the queue (`new Queue<number>()`) for get() to return it; otherwise get() returns
 * `unknown`.
 */
export class Queue<T = unknown> {
  /** The object kind a child rebuilds it as (each class keeps its methods across processes). */
  static readonly kind: ObjectKind = ObjectKind.Queue;
  /** Which item comes out first: the oldest, the newest, or the smallest. */
  static readonly order: 'fifo' | 'lifo' | 'priority' = 'fifo';
  /** Whether it counts unfinished items for taskDone() and join(). */
  static readonly joinable: boolean = false;
  /** Whether its ends can close (a pipe's channel): then gets and puts read ENDS. */
  static readonly closable: boolean = false;
  id!: number;
  protected heap!: Heap;
  protected base!: number;
  protected store!: Ring | SlotStore;
  private closed = false;
  // The class's statics, read on every put and get: kept here, as a lookup through the
  // constructor costs each call more than an atomic would.
  private fifo!: boolean;
  private priority!: boolean;
  private joinable!: boolean;
  private closable!: boolean;

  constructor(maxsize = 0) {
    if (!Number.isInteger(maxsize)) throw new ValueError('maxsize must be an integer');
    this[attach](
      sharedObject((this.constructor as typeof Queue).kind, BYTES, (ref) => {
        const { heap } = ctx();
        heap.i32[ref.offset / 4 + MAXSIZE] = Math.max(0, maxsize);
        if ((this.constructor as typeof Queue).order === 'fifo')
          Ring.init(heap, ref.offset / 4 + STORE);
        else SlotStore.init(heap, ref.offset / 4 + STORE);
      }),
    );
  }

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.heap = ctx().heap;
    this.base = ref.offset / 4;
    const { order, joinable, closable } = this.constructor as typeof Queue;
    [this.fifo, this.priority] = [order === 'fifo', order === 'priority'];
    [this.joinable, this.closable] = [joinable, closable];
    // A put looks for sleeping consumers; a take for sleeping producers, who only ever wait
    // on a bounded queue.
    const looks = { put: this.base + GETTERS, take: this.maxsize > 0 ? this.base + PUTTERS : -1 };
    this.store = this.fifo
      ? new Ring(this.heap, this.base + STORE, looks)
      : new SlotStore(this.heap, this.base + STORE, this.priority, looks);
  }

  get maxsize(): number {
    return this.heap.i32[this.base + MAXSIZE];
  }

  /** Puts `item` at the end; blocks while the queue is full (Full after `timeout` or without `block`). */
  put(item: T, block = true, timeout: number | null = null): void {
    sched?.point(Point.Put, this.id);
    if (this.closed) throw new ValueError(`Queue ${this.id} is closed`);
    // A bad item fails here, before the queue changes; a FIFO keeps numbers as they are.
    const key = this.priority ? sortKey(item) : 0;
    // With race detection the putter's clock goes along (what it did before the put is seen).
    const carried = race ? race.carry(item) : item;
    const bytes = typeof carried === 'number' && this.fifo ? carried : encodeItem(carried);
    const { i32 } = this.heap;
    const b = this.base;
    const deadline = block ? deadlineOf(timeout) : 0;
    for (;;) {
      if (this.closable && i32[b + ENDS] & NO_READERS)
        throw new BrokenPipeError('the other end is closed');
      // (A bare number only ever goes to a Ring: the other stores get encoded bytes.)
      const done = this.joinable
        ? this.putCounted(bytes as Encoded, key)
        : this.store.put(bytes as Encoded, key, i32[b + MAXSIZE]);
      if (done) {
        if (this.store.sleepers > 0) wake(i32, b + PUT_SEQ);
        return;
      }
      const left = remaining(deadline);
      if (left === 0) throw new Full(`the queue is full (maxsize ${this.maxsize})`);
      this.waitUntil(() => !this.full() || (i32[b + ENDS] & NO_READERS) !== 0, GET_SEQ, left);
    }
  }

  /**
   * A joinable queue's put: the item is counted unfinished before it can be taken, so a quick
   * taskDone() never finds it missing; the count and the put share one kill guard.
   */
  private putCounted(bytes: Encoded, key: number): boolean {
    const { i32 } = this.heap;
    const b = this.base;
    let done = false;
    enterCritical(this.heap);
    try {
      Atomics.add(i32, b + UNFINISHED, 1);
      done = this.store.put(bytes, key, i32[b + MAXSIZE]);
    } finally {
      if (!done) Atomics.sub(i32, b + UNFINISHED, 1);
      leaveCritical(this.heap);
    }
    return done;
  }

  /**
   * Removes and returns the oldest item; blocks while empty (Empty after `timeout` or without
   * `block`). Typed T when the queue was created as `new Queue<T>()`, else `unknown`.
   */
  get(block = true, timeout: number | null = null): T {
    sched?.point(Point.Get, this.id);
    const { i32 } = this.heap;
    const b = this.base;
    const deadline = block ? deadlineOf(timeout) : 0;
    for (;;) {
      // Read before looking: the last writer puts its items before it closes.
      const ended = this.closable && (Atomics.load(i32, b + ENDS) & NO_WRITERS) !== 0;
      const taken = this.store.take();
      if (taken !== EMPTY) {
        if (this.store.sleepers > 0) wake(i32, b + GET_SEQ);
        return (race ? race.received(taken) : taken) as T;
      }
      if (ended) throw new EOFError('the other end is closed');
      const left = remaining(deadline);
      if (left === 0) throw new Empty('the queue is empty');
      this.waitUntil(() => this.readableNow(), PUT_SEQ, left);
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
    return this.store.count;
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
    const seq = this.base + (end === NO_WRITERS ? PUT_SEQ : GET_SEQ);
    Atomics.or(i32, this.base + ENDS, end);
    // Bump the word the other side sleeps on: one that read it just before would otherwise
    // sleep on an unchanged value and miss this wake-up.
    Atomics.add(i32, seq, 1);
    Atomics.notify(i32, seq);
  }

  /** Waits up to `ms` until an item is there or the writers are gone; whether recv would not block. */
  protected readable(ms: number): boolean {
    const deadline = ms === Infinity ? Infinity : nowMs() + ms;
    for (;;) {
      if (this.readableNow()) return true;
      const left = remaining(deadline);
      if (left === 0) return false;
      this.waitUntil(() => this.readableNow(), PUT_SEQ, left);
    }
  }

  private readableNow(): boolean {
    return this.qsize() > 0 || (this.heap.i32[this.base + ENDS] & NO_WRITERS) !== 0;
  }

  /**
   * Waits up to `ms` for `ready()`, sleeping on word `seq` (PUT_SEQ or GET_SEQ) counted in its
   * sleepers, so the other side knows to bump and notify it. Spins a little first: between two
   * busy processes the next put or get is usually microseconds away, far less than a futex
   * sleep and wake-up. The caller retries either way.
   */
  private waitUntil(ready: () => boolean, seq: typeof PUT_SEQ | typeof GET_SEQ, ms: number): void {
    const { i32 } = this.heap;
    for (let spin = 0; spin < SPINS; spin++) if (ready()) return;
    const sleepers = this.base + (seq === PUT_SEQ ? GETTERS : PUTTERS);
    Atomics.add(i32, sleepers, 1);
    try {
      // Read before the last look: a bump after that look changes it, and the wait returns.
      const seen = Atomics.load(i32, this.base + seq);
      if (!ready()) waitOn(this.base + seq, seen, ms, this.id);
    } finally {
      Atomics.sub(i32, sleepers, 1);
    }
  }

  [toHandle]() {
    return handleOf(this);
  }

  /** `<Queue(qsize=3)>`, with its maxsize when bounded; named by its kind (class names are minified). */
  [repr](): string {
    const kind = kindName((this.constructor as typeof Queue).kind);
    const bound = this.maxsize > 0 ? `, maxsize=${this.maxsize}` : '';
    return `<${kind}(qsize=${this.qsize()}${bound})>`;
  }

  /** String(queue) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }
}

/** Bumps a sleepers' word and wakes one of them. */
function wake(i32: Int32Array, seq: number): void {
  Atomics.add(i32, seq, 1);
  Atomics.notify(i32, seq, 1);
}

/** A Queue whose consumers say when each item is done, so a producer can join() the work. */
export class JoinableQueue<T = unknown> extends Queue<T> {
  static override readonly kind: ObjectKind = ObjectKind.JoinableQueue;
  static override readonly joinable = true;

  /** One item taken with get() is fully processed. ValueError if called more often than put(). */
  taskDone(): void {
    sched?.point(Point.Release, this.id);
    race?.release(this.id);
    const { i32 } = this.heap;
    const word = this.base + UNFINISHED;
    for (let unfinished = Atomics.load(i32, word); ;) {
      if (unfinished <= 0) throw new ValueError('task_done() called too many times');
      const was = Atomics.compareExchange(i32, word, unfinished, unfinished - 1);
      if (was !== unfinished) {
        unfinished = was;
        continue;
      }
      if (unfinished === 1) Atomics.notify(i32, word);
      return;
    }
  }

  /** Blocks until every item put has had its taskDone(). */
  join(): void {
    sched?.point(Point.Join, this.id);
    const { i32 } = this.heap;
    for (
      let n = Atomics.load(i32, this.base + UNFINISHED);
      n > 0;
      n = Atomics.load(i32, this.base + UNFINISHED)
    ) {
      waitOn(this.base + UNFINISHED, n, Infinity, this.id);
    }
    race?.acquire(this.id);
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
  return ms === Infinity ? Infinity : nowMs() + ms;
}

for (const cls of [Queue, JoinableQueue, SimpleQueue, LifoQueue, PriorityQueue]) {
  registerShared(cls.kind, cls);
}
