import type { Heap } from '../heap';
import { guardedLock, type GuardedLock } from '../sync/guarded-lock';
import { copyEncoded, decodeItem, type Encoded } from './codec';
import { compareItems } from './order';
import { EMPTY, NO_LOOKS, type SleeperWords } from './ring';

/**
 * The LIFO and priority queues' items: a growable array of slots in the shared heap, each item
 * in a heap block of its own. Used as a stack (LifoQueue) or a binary min-heap (PriorityQueue).
 * Every put and take holds one mutex, inside the process's kill guard (guarded-lock.ts).
 * Words from `base`:
 *
 *   MUTEX  spin-mutex.ts                     COUNT  slots in use
 *   SLOTS  byte offset of the slot array     SLOT_CAP  its capacity (slots)
 *
 * A slot is 16 bytes: int32 item block, int32 item bytes, float64 sort key (order.ts).
 */
const MUTEX = 0;
const COUNT = 1;
const SLOTS = 2;
const SLOT_CAP = 3;
export const SLOT_STORE_WORDS = 4;
const SLOT_BYTES = 16;

export class SlotStore {
  /** What the last put or take read at its look word, after releasing: the other side's sleepers. */
  sleepers = 0;

  constructor(
    private readonly heap: Heap,
    private readonly base: number,
    private readonly priority: boolean,
    private readonly looks: SleeperWords = NO_LOOKS,
    private readonly guarded: GuardedLock = guardedLock(),
  ) {}

  static init(heap: Heap, base: number): void {
    heap.i32[base + SLOTS] = heap.alloc(64 * SLOT_BYTES);
    heap.i32[base + SLOT_CAP] = 64;
  }

  get count(): number {
    return Atomics.load(this.heap.i32, this.base + COUNT);
  }

  /** Adds an encoded item with its sort key, unless `maxsize` (> 0) items are in: then false. */
  put(item: Encoded, key: number, maxsize: number): boolean {
    return this.locked(this.looks.put, () => {
      const { i32 } = this.heap;
      const n = i32[this.base + COUNT];
      if (maxsize > 0 && n >= maxsize) return false;
      if (n === i32[this.base + SLOT_CAP]) this.grow();
      const length = item.end - item.start;
      const block = this.heap.alloc(length);
      copyEncoded(item, this.heap.u8, block);
      this.write(n, block, length, key);
      Atomics.store(i32, this.base + COUNT, n + 1);
      if (this.priority) this.siftUp(n);
      return true;
    });
  }

  /** Removes and decodes the newest (LIFO) or smallest (priority) item; EMPTY when there is none. */
  take(): unknown {
    return this.locked(this.looks.take, () => {
      const { i32 } = this.heap;
      const n = i32[this.base + COUNT] - 1;
      if (n < 0) return EMPTY;
      const take = this.priority ? 0 : n;
      const item = this.decode(take);
      this.heap.free(this.blockOf(take));
      if (this.priority && n > 0) this.copy(n, 0); // the last leaf to the root, then down
      Atomics.store(i32, this.base + COUNT, n);
      if (this.priority && n > 0) this.siftDown(0);
      return item;
    });
  }

  private locked<R>(look: number, fn: () => R): R {
    const mutex = this.base + MUTEX;
    this.guarded.lock(mutex);
    try {
      return fn();
    } finally {
      this.sleepers = this.guarded.unlock(mutex, look);
    }
  }

  private less(a: number, b: number): boolean {
    const [ka, kb] = [this.keyOf(a), this.keyOf(b)];
    if (ka === ka && kb === kb && ka !== kb) return ka < kb; // both numbers, and they decide
    return compareItems(this.decode(a), this.decode(b)) < 0;
  }

  private siftUp(k: number): void {
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.less(k, parent)) return;
      this.swap(k, parent);
      k = parent;
    }
  }

  private siftDown(k: number): void {
    const n = this.count;
    for (;;) {
      const [l, r] = [2 * k + 1, 2 * k + 2];
      let least = k;
      if (l < n && this.less(l, least)) least = l;
      if (r < n && this.less(r, least)) least = r;
      if (least === k) return;
      this.swap(k, least);
      k = least;
    }
  }

  private grow(): void {
    const { i32, u8 } = this.heap;
    const [old, cap] = [i32[this.base + SLOTS], i32[this.base + SLOT_CAP]];
    const slots = this.heap.alloc(2 * cap * SLOT_BYTES);
    u8.copyWithin(slots, old, old + cap * SLOT_BYTES);
    i32[this.base + SLOTS] = slots;
    i32[this.base + SLOT_CAP] = 2 * cap;
    this.heap.free(old);
  }

  private at(k: number): number {
    return this.heap.i32[this.base + SLOTS] + k * SLOT_BYTES;
  }
  private blockOf(k: number): number {
    return this.heap.i32[this.at(k) / 4];
  }
  private bytesOf(k: number): number {
    return this.heap.i32[this.at(k) / 4 + 1];
  }
  private keyOf(k: number): number {
    return this.heap.f64[this.at(k) / 8 + 1];
  }
  private decode(k: number): unknown {
    const block = this.blockOf(k);
    return decodeItem(this.heap.u8, block, block + this.bytesOf(k));
  }
  private write(k: number, block: number, bytes: number, key: number): void {
    const at = this.at(k);
    this.heap.i32[at / 4] = block;
    this.heap.i32[at / 4 + 1] = bytes;
    this.heap.f64[at / 8 + 1] = key;
  }
  private copy(from: number, to: number): void {
    this.heap.u8.copyWithin(this.at(to), this.at(from), this.at(from) + SLOT_BYTES);
  }
  private swap(a: number, b: number): void {
    const [ba, na, ka] = [this.blockOf(a), this.bytesOf(a), this.keyOf(a)];
    this.copy(b, a);
    this.write(b, ba, na, ka);
  }
}
