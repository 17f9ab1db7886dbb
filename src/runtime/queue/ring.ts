import { HEADER_BYTES, MemoryError } from '../alloc';
import type { Heap } from '../heap';
import { guardedLock, type GuardedLock } from '../sync/guarded-lock';
import { lockWord, unlockWord } from '../sync/spin-mutex';
import { copyEncoded, decodeItem, type Encoded } from './codec';

/**
 * The FIFO queues' items: a ring of byte records in the shared heap that producers and
 * consumers use at the same time. Producers take turns on a put lock and consumers on a get
 * lock, so a put never waits for a get. Each side's words sit on cache lines of their own: the
 * ones only its side touches, and apart from them the one word the other side reads (its
 * count). A side rereads the other's count or position only when its cached copy says the ring
 * is full (or empty), so between two busy Workers a put moves two lines to the consumer (the
 * record's and PUTS's), as a bare single-producer ring would. Growing, and shrinking after a
 * burst, hold both locks (the put lock first).
 *
 * Each lock is held inside the process's kill guard (guarded-lock.ts), so a process is never
 * killed holding one. Words from `base` (Int32 indexes):
 *
 *   read by both, written under both locks:  RING (the block's byte offset), CAP (its bytes)
 *   the producers' own:  PUT_LOCK, TAIL (where the next record goes), WRAP_AT (where the
 *                        newest lap ends), GETS_SEEN and HEAD_SEEN (cached)
 *   the producers' published:  PUTS (records published)
 *   the consumers' own:  GET_LOCK, PUTS_SEEN (cached)
 *   the consumers' published:  GETS (records taken), HEAD (where the oldest record is,
 *                              written before GETS and read after it)
 *
 * A record is an int32 header and its bytes, 8-aligned, never split:
 *   n >= 0   n bytes (an encoded item, codec.ts) follow inline
 *   INT      a bare int32 number (no encoding at all): it follows
 *   NUMBER   any other bare number: 4 bytes of padding, then a float64
 *   SPILLED  an item too big for the ring: its heap block's offset and length follow
 *   WRAP     the rest of the ring is unused: the next record is at 0
 * TAIL stays at least GAP bytes behind HEAD, so TAIL === HEAD means empty, never full.
 */
const RING = 0;
const CAP = 1;
// Groups 128 bytes apart: no shared line, nor a pair of lines the prefetcher fetches together.
export const PUT_LOCK = 32;
const TAIL = 33;
const WRAP_AT = 34;
const GETS_SEEN = 35;
const HEAD_SEEN = 36;
const PUTS = 64;
export const GET_LOCK = 96;
const PUTS_SEEN = 97;
const GETS = 128;
const HEAD = 129;
export const RING_WORDS = 130;

/** What take() returns from an empty store (null is an item like any other). */
export const EMPTY = Symbol('empty');

/**
 * The words a store reads after a put and after a take, once its lock is released (-1: none):
 * how many of the other side sleep, so the queue knows whether to wake one.
 */
export interface SleeperWords {
  put: number;
  take: number;
}
export const NO_LOOKS: SleeperWords = { put: -1, take: -1 };

const INT = -4;
const NUMBER = -3;
const SPILLED = -2;
const WRAP = -1;
const GAP = 8;
/** Capacities fill whole heap blocks of 64 KiB, 128 KiB, ... (multiples of 8). */
const INITIAL_CAP = 64 * 1024 - HEADER_BYTES;
const grown = (cap: number) => 2 * (cap + HEADER_BYTES) - HEADER_BYTES;

const align8 = (n: number) => (n + 7) & ~7;

export class Ring {
  /** What the last put or take read at its look word, after releasing: the other side's sleepers. */
  sleepers = 0;

  constructor(
    private readonly heap: Heap,
    private readonly base: number,
    private readonly looks: SleeperWords = NO_LOOKS,
    private readonly guarded: GuardedLock = guardedLock(),
  ) {}

  static init(heap: Heap, base: number): void {
    heap.i32[base + RING] = heap.alloc(INITIAL_CAP);
    heap.i32[base + CAP] = INITIAL_CAP;
  }

  /** Records in the ring now (GETS is read first, so it never exceeds PUTS). */
  get count(): number {
    const gets = Atomics.load(this.heap.i32, this.base + GETS);
    return (Atomics.load(this.heap.i32, this.base + PUTS) - gets) | 0;
  }

  /**
   * Appends an item, a number as it is and anything else encoded, unless `maxsize` (> 0)
   * records are in the ring already: then returns false.
   */
  put(item: Encoded | number, _key: number, maxsize: number): boolean {
    const { i32 } = this.heap;
    const lock = this.base + PUT_LOCK;
    this.guarded.lock(lock);
    let appended: boolean;
    try {
      appended = this.append(item, maxsize);
    } catch (error) {
      this.guarded.unlock(lock, -1);
      throw error;
    }
    if (!appended) {
      this.guarded.unlock(lock, -1);
      return false;
    }
    // Publishes the record to the consumers.
    const puts = (i32[this.base + PUTS] + 1) | 0;
    this.sleepers = this.guarded.publishUnlock(this.base + PUTS, puts, lock, this.looks.put);
    return true;
  }

  /** Writes the record (PUT_LOCK held); false when `maxsize` (> 0) records are in already. */
  private append(item: Encoded | number, maxsize: number): boolean {
    const { i32, u8 } = this.heap;
    const b = this.base;
    const puts = i32[b + PUTS];
    if (maxsize > 0 && ((puts - i32[b + GETS_SEEN]) | 0) >= maxsize) {
      i32[b + GETS_SEEN] = Atomics.load(i32, b + GETS);
      if (((puts - i32[b + GETS_SEEN]) | 0) >= maxsize) return false;
    }
    if (typeof item === 'number' && (item | 0) === item && !Object.is(item, -0)) {
      // Half a float's record: twice as many per cache line handed to the consumer.
      const at = this.reserve(8);
      i32[at / 4] = INT;
      i32[at / 4 + 1] = item;
    } else if (typeof item === 'number') {
      const at = this.reserve(16);
      i32[at / 4] = NUMBER;
      this.heap.f64[at / 8 + 1] = item;
    } else if (item.end - item.start > i32[b + CAP] / 4) {
      // Big items get a block of their own; the ring keeps 16 bytes for them.
      const length = item.end - item.start;
      const block = this.heap.alloc(length);
      copyEncoded(item, u8, block);
      let at: number;
      try {
        at = this.reserve(16);
      } catch (error) {
        this.heap.free(block);
        throw error;
      }
      i32[at / 4] = SPILLED;
      i32[at / 4 + 1] = block;
      i32[at / 4 + 2] = length;
    } else {
      const length = item.end - item.start;
      const at = this.reserve(align8(4 + length));
      i32[at / 4] = length;
      copyEncoded(item, u8, at + 4);
    }
    return true;
  }

  /** Removes and decodes the oldest item; EMPTY when there is none. */
  take(): unknown {
    const { i32 } = this.heap;
    const b = this.base;
    const lock = b + GET_LOCK;
    this.guarded.lock(lock);
    let item: unknown;
    try {
      item = this.shift();
    } catch (error) {
      this.guarded.unlock(lock, -1);
      throw error;
    }
    if (item === EMPTY) {
      this.guarded.unlock(lock, -1);
      return EMPTY;
    }
    // Frees the record's bytes for the producers (shift wrote HEAD).
    const gets = (i32[b + GETS] + 1) | 0;
    if (i32[b + CAP] > INITIAL_CAP && gets === i32[b + PUTS_SEEN]) {
      Atomics.store(i32, b + GETS, gets); // shrink wants it published
      try {
        this.shrink();
      } finally {
        this.sleepers = this.guarded.unlock(lock, this.looks.take);
      }
    } else {
      this.sleepers = this.guarded.publishUnlock(b + GETS, gets, lock, this.looks.take);
    }
    return item;
  }

  /**
   * Decodes the oldest record and moves HEAD past it (GET_LOCK held); EMPTY when there is none.
   * HEAD is written plainly: producers read it after an atomic read of GETS (reserve), which
   * the caller publishes next, so one atomic call (about 10 ns in V8) fewer per get.
   */
  private shift(): unknown {
    const { i32, u8 } = this.heap;
    const b = this.base;
    const gets = i32[b + GETS];
    if (gets === i32[b + PUTS_SEEN]) {
      i32[b + PUTS_SEEN] = Atomics.load(i32, b + PUTS);
      if (gets === i32[b + PUTS_SEEN]) return EMPTY;
    }
    const ring = i32[b + RING];
    const cap = i32[b + CAP];
    let pos = i32[b + HEAD];
    if (i32[(ring + pos) / 4] === WRAP) pos = 0;
    const header = i32[(ring + pos) / 4];
    let item: unknown;
    if (header === INT) {
      item = i32[(ring + pos) / 4 + 1];
      pos += 8;
    } else if (header === NUMBER) {
      item = this.heap.f64[(ring + pos) / 8 + 1];
      pos += 16;
    } else if (header === SPILLED) {
      const block = i32[(ring + pos) / 4 + 1];
      item = decodeItem(u8, block, block + i32[(ring + pos) / 4 + 2]);
      this.heap.free(block);
      pos += 16;
    } else {
      item = decodeItem(u8, ring + pos + 4, ring + pos + 4 + header);
      pos += align8(4 + header);
    }
    i32[b + HEAD] = pos === cap ? 0 : pos;
    return item;
  }

  /**
   * Drained after a burst: gives the big block back, so other structures can have the room.
   * Holding the get lock, it only tries the put lock: waiting for it could deadlock a grow.
   */
  private shrink(): void {
    const { i32 } = this.heap;
    const b = this.base;
    if (Atomics.compareExchange(i32, b + PUT_LOCK, 0, 1) !== 0) return;
    try {
      if (i32[b + PUTS] !== i32[b + GETS]) return;
      let small: number;
      try {
        small = this.heap.alloc(INITIAL_CAP, false);
      } catch (error) {
        if (error instanceof MemoryError) return; // no room for a small one: keep the big one
        throw error;
      }
      this.heap.free(i32[b + RING]);
      this.moved(small, INITIAL_CAP, 0);
    } finally {
      unlockWord(i32, b + PUT_LOCK);
    }
  }

  /** Byte offset (absolute) where a record of `need` bytes goes; grows the ring if it must. */
  private reserve(need: number): number {
    const { i32 } = this.heap;
    const b = this.base;
    for (let fresh = false; ; fresh = true) {
      if (fresh) {
        i32[b + GETS_SEEN] = Atomics.load(i32, b + GETS);
        i32[b + HEAD_SEEN] = i32[b + HEAD]; // at least as new as that count (take)
      }
      const cap = i32[b + CAP];
      const head = i32[b + HEAD_SEEN];
      const tail = i32[b + TAIL];
      let at = -1;
      if (head > tail) {
        if (head - tail - GAP >= need) at = tail;
      } else if (cap - tail - (head === 0 ? GAP : 0) >= need) {
        at = tail;
      } else if (head - GAP >= need) {
        i32[(i32[b + RING] + tail) / 4] = WRAP;
        i32[b + WRAP_AT] = tail;
        at = 0;
      }
      if (at >= 0) {
        const end = at + need;
        if (end === cap) i32[b + WRAP_AT] = cap; // the lap ends with this record
        i32[b + TAIL] = end === cap ? 0 : end;
        return i32[b + RING] + at;
      }
      if (fresh) this.grow();
    }
  }

  /** Twice the room: moves the records, oldest first, to the start of a new block (two copies at most). */
  private grow(): void {
    const { i32, u8 } = this.heap;
    const b = this.base;
    lockWord(i32, b + GET_LOCK);
    try {
      const [ring, cap] = [i32[b + RING], i32[b + CAP]];
      const [head, tail] = [i32[b + HEAD], i32[b + TAIL]];
      const biggerCap = grown(cap);
      const bigger = this.heap.alloc(biggerCap, false);
      let size = 0;
      if (tail > head) {
        u8.copyWithin(bigger, ring + head, ring + tail);
        size = tail - head;
      } else if (tail < head) {
        const lapEnd = i32[b + WRAP_AT];
        u8.copyWithin(bigger, ring + head, ring + lapEnd);
        u8.copyWithin(bigger + lapEnd - head, ring, ring + tail);
        size = lapEnd - head + tail;
      }
      this.heap.free(ring);
      this.moved(bigger, biggerCap, size);
    } finally {
      unlockWord(i32, b + GET_LOCK);
    }
  }

  /** The records now fill the first `size` bytes of `block`. Both locks are held. */
  private moved(block: number, cap: number, size: number): void {
    const { i32 } = this.heap;
    const b = this.base;
    i32[b + RING] = block;
    i32[b + CAP] = cap;
    i32[b + HEAD] = i32[b + HEAD_SEEN] = 0;
    i32[b + TAIL] = size;
  }
}
