import { HEADER_BYTES, MemoryError } from '../alloc';
import type { Heap } from '../heap';

/**
 * A FIFO of byte records in the shared heap, growing on demand, for the queues. The caller
 * holds the queue's mutex around every call (kill-guarded), so the ring itself uses plain
 * loads and stores. Words of the queue block it uses (Int32 indexes from `base`):
 *
 *   RING     byte offset of the ring's heap block
 *   CAP      its size in bytes (a multiple of 4)
 *   HEAD     offset of the oldest record
 *   TAIL     offset where the next record goes
 *   COUNT    records in the ring
 *   WRAP_AT  where the newest lap's records end when the ring has wrapped (TAIL <= HEAD)
 *
 * A record is an int32 header and its bytes, 8-aligned, never split:
 *   n >= 0   n bytes (an encoded item, codec.ts) follow inline
 *   NUMBER   a bare number: 4 bytes of padding, then a float64 (no encoding at all)
 *   SPILLED  an item too big for the ring: its heap block's offset and length follow
 *   WRAP     the rest of the ring is unused: the next record is at 0
 */
export const RING = 0;
export const CAP = 1;
export const HEAD = 2;
export const TAIL = 3;
export const COUNT = 4;
const WRAP_AT = 5;
export const RING_WORDS = 6;

const NUMBER = -3;
const SPILLED = -2;
const WRAP = -1;
/** Capacities fill whole heap blocks of 64 KiB, 128 KiB, ... (multiples of 8). */
const INITIAL_CAP = 64 * 1024 - HEADER_BYTES;
const grown = (cap: number) => 2 * (cap + HEADER_BYTES) - HEADER_BYTES;

const align8 = (n: number) => (n + 7) & ~7;

export class Ring {
  constructor(
    private readonly heap: Heap,
    private readonly base: number,
  ) {}

  static init(heap: Heap, base: number): void {
    heap.i32[base + RING] = heap.alloc(INITIAL_CAP);
    heap.i32[base + CAP] = INITIAL_CAP;
  }

  get count(): number {
    return this.heap.i32[this.base + COUNT];
  }

  /** Appends an item: a number as it is, anything else encoded (the sort key is SlotStore's). */
  push(item: Uint8Array | number, _key = 0): void {
    const { i32, u8 } = this.heap;
    if (typeof item === 'number') {
      const at = this.reserve(16);
      i32[at / 4] = NUMBER;
      this.heap.f64[at / 8 + 1] = item;
      return;
    }
    if (item.length > i32[this.base + CAP] / 4) {
      // Big items get a block of their own; the ring keeps 16 bytes for them.
      const block = this.heap.alloc(item.length);
      u8.set(item, block);
      const at = this.reserve(16);
      i32[at / 4] = SPILLED;
      i32[at / 4 + 1] = block;
      i32[at / 4 + 2] = item.length;
      return;
    }
    const at = this.reserve(align8(4 + item.length));
    i32[at / 4] = item.length;
    u8.set(item, at + 4);
  }

  /** Removes the oldest item: a number, or its encoded bytes (a copy). Not on an empty ring. */
  shift(): Uint8Array | number {
    const { i32, u8 } = this.heap;
    const ring = i32[this.base + RING];
    const cap = i32[this.base + CAP];
    let pos = i32[this.base + HEAD];
    if (cap - pos < 4 || i32[(ring + pos) / 4] === WRAP) pos = 0;
    const header = i32[(ring + pos) / 4];
    let item: Uint8Array | number;
    if (header === NUMBER) {
      item = this.heap.f64[(ring + pos) / 8 + 1];
      pos += 16;
    } else if (header === SPILLED) {
      const block = i32[(ring + pos) / 4 + 1];
      item = u8.slice(block, block + i32[(ring + pos) / 4 + 2]);
      this.heap.free(block);
      pos += 16;
    } else {
      item = u8.slice(ring + pos + 4, ring + pos + 4 + header);
      pos += align8(4 + header);
    }
    const count = i32[this.base + COUNT] - 1;
    i32[this.base + COUNT] = count;
    i32[this.base + HEAD] = count === 0 ? 0 : pos;
    if (count === 0) {
      i32[this.base + TAIL] = 0;
      if (cap > INITIAL_CAP) this.shrink();
    }
    return item;
  }

  /** Drained after a burst: gives the big block back, so other structures can have the room. */
  private shrink(): void {
    const { i32 } = this.heap;
    let small: number;
    try {
      small = this.heap.alloc(INITIAL_CAP, false);
    } catch (error) {
      if (error instanceof MemoryError) return; // no room for a small one: keep the big one
      throw error;
    }
    this.heap.free(i32[this.base + RING]);
    i32[this.base + RING] = small;
    i32[this.base + CAP] = INITIAL_CAP;
  }

  /** Byte offset (absolute) where a record of `need` bytes goes; grows the ring if it must. */
  private reserve(need: number): number {
    const { i32 } = this.heap;
    for (;;) {
      const ring = i32[this.base + RING];
      const cap = i32[this.base + CAP];
      const head = i32[this.base + HEAD];
      const tail = i32[this.base + TAIL];
      const empty = i32[this.base + COUNT] === 0;
      let at = -1;
      if (empty || tail > head) {
        if (cap - tail >= need) at = tail;
        else if (head >= need && !empty) {
          if (cap - tail >= 4) i32[(ring + tail) / 4] = WRAP;
          i32[this.base + WRAP_AT] = tail;
          at = 0;
        }
      } else if (head - tail >= need) {
        at = tail;
      }
      if (at >= 0) {
        i32[this.base + TAIL] = at + need;
        i32[this.base + COUNT] += 1;
        return ring + at;
      }
      this.grow();
    }
  }

  /** Twice the room: moves the records, oldest first, to the start of a new block (two copies at most). */
  private grow(): void {
    const { i32, u8 } = this.heap;
    const [ring, cap] = [i32[this.base + RING], i32[this.base + CAP]];
    const [head, tail] = [i32[this.base + HEAD], i32[this.base + TAIL]];
    const biggerCap = grown(cap);
    const bigger = this.heap.alloc(biggerCap, false);
    let size = 0;
    if (i32[this.base + COUNT] > 0) {
      if (tail > head) {
        u8.copyWithin(bigger, ring + head, ring + tail);
        size = tail - head;
      } else {
        const lapEnd = i32[this.base + WRAP_AT];
        u8.copyWithin(bigger, ring + head, ring + lapEnd);
        u8.copyWithin(bigger + lapEnd - head, ring, ring + tail);
        size = lapEnd - head + tail;
      }
    }
    i32[this.base + RING] = bigger;
    i32[this.base + CAP] = biggerCap;
    i32[this.base + HEAD] = 0;
    i32[this.base + TAIL] = size;
    this.heap.free(ring);
  }
}
