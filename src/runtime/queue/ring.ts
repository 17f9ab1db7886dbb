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
 *
 * A record is an int32 header and its bytes, 4-aligned, never split:
 *   n >= 0   n bytes follow inline
 *   SPILLED  an item too big for the ring: its heap block's offset and length follow
 *   WRAP     the rest of the ring is unused: the next record is at 0
 */
export const RING = 0;
export const CAP = 1;
export const HEAD = 2;
export const TAIL = 3;
export const COUNT = 4;
export const RING_WORDS = 5;

const SPILLED = -2;
const WRAP = -1;
const INITIAL_CAP = 16 * 1024;

const align4 = (n: number) => (n + 3) & ~3;

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

  /** Appends a record (the sort key is for SlotStore; a FIFO ignores it). */
  push(bytes: Uint8Array, _key = 0): void {
    const { i32, u8 } = this.heap;
    const cap = i32[this.base + CAP];
    if (bytes.length > cap / 4) {
      // Big items get a block of their own; the ring keeps 12 bytes for them.
      const block = this.heap.alloc(bytes.length);
      u8.set(bytes, block);
      const at = this.reserve(12);
      i32[at / 4] = SPILLED;
      i32[at / 4 + 1] = block;
      i32[at / 4 + 2] = bytes.length;
      return;
    }
    const at = this.reserve(4 + align4(bytes.length));
    i32[at / 4] = bytes.length;
    u8.set(bytes, at + 4);
  }

  /** The oldest record's bytes (a copy) and removes it; the ring must not be empty. */
  shift(): Uint8Array {
    const { i32, u8 } = this.heap;
    const ring = i32[this.base + RING];
    const cap = i32[this.base + CAP];
    let pos = i32[this.base + HEAD];
    if (cap - pos < 4 || i32[(ring + pos) / 4] === WRAP) pos = 0;
    const header = i32[(ring + pos) / 4];
    let bytes: Uint8Array;
    if (header === SPILLED) {
      const block = i32[(ring + pos) / 4 + 1];
      bytes = u8.slice(block, block + i32[(ring + pos) / 4 + 2]);
      this.heap.free(block);
      pos += 12;
    } else {
      bytes = u8.slice(ring + pos + 4, ring + pos + 4 + header);
      pos += 4 + align4(header);
    }
    const count = i32[this.base + COUNT] - 1;
    i32[this.base + COUNT] = count;
    i32[this.base + HEAD] = count === 0 ? 0 : pos;
    if (count === 0) i32[this.base + TAIL] = 0;
    return bytes;
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

  /** Twice the room: copies the records, oldest first, to the start of a new block. */
  private grow(): void {
    const { i32 } = this.heap;
    const count = i32[this.base + COUNT];
    const records: Uint8Array[] = [];
    for (let k = 0; k < count; k++) {
      const ring = i32[this.base + RING];
      const cap = i32[this.base + CAP];
      let pos = i32[this.base + HEAD];
      if (cap - pos < 4 || i32[(ring + pos) / 4] === WRAP) pos = 0;
      const header = i32[(ring + pos) / 4];
      const size = header === SPILLED ? 12 : 4 + align4(header);
      records.push(this.heap.u8.slice(ring + pos, ring + pos + size));
      i32[this.base + HEAD] = pos + size;
    }
    const oldRing = i32[this.base + RING];
    const cap = i32[this.base + CAP] * 2;
    const ring = this.heap.alloc(cap);
    let at = 0;
    for (const record of records) {
      this.heap.u8.set(record, ring + at);
      at += record.length;
    }
    i32[this.base + RING] = ring;
    i32[this.base + CAP] = cap;
    i32[this.base + HEAD] = 0;
    i32[this.base + TAIL] = at;
    this.heap.free(oldRing);
  }
}
