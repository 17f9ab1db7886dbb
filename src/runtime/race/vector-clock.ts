import type { Heap } from '../heap';
import { MAX_PROCS, PID_BASE } from '../layout';
import { guarded } from '../sync/spin-mutex';
import { CLOCK_TABLE } from './region';

/**
 * This process's vector clock (FastTrack's C_t): for each process (by pid - PID_BASE), the
 * latest of its epochs that happens before what this process does now. Entries past `size`
 * are 0, so joins cost what the run's processes so far need, not MAX_PROCS.
 *
 * A key's clock lives in the heap (region.ts), as a block [capacity, size, entries...]: a
 * release joins this clock into it, an acquire joins it into this one. Joining (not copying)
 * on release keeps every edge when several processes release one semaphore or put into one
 * queue; an acquire may then also see a release that was not its own (a later put to the
 * queue than the item it got): that can hide a race, never invent one.
 */
export class VectorClock {
  readonly entries = new Int32Array(MAX_PROCS);
  /** Entries in use: the highest index seen, plus one. */
  size: number;
  /** This process's index. */
  readonly me: number;

  constructor(
    private readonly heap: Heap,
    private readonly region: number,
    pid: number,
  ) {
    this.me = pid - PID_BASE;
    this.entries[this.me] = 1;
    this.size = this.me + 1;
  }

  /** This process's current epoch's clock. */
  get now(): number {
    return this.entries[this.me];
  }

  /** Whether the epoch `clock` of process index `who` happens before this process's now. */
  covers(who: number, clock: number): boolean {
    return clock <= this.entries[who];
  }

  /** Joins this clock into `key`'s, then starts a new epoch: what follows is not published. */
  release(key: number): void {
    const { i32 } = this.heap;
    const entry = this.region / 4 + CLOCK_TABLE + key * 2;
    guarded(i32, entry, () => {
      let block = i32[entry + 1];
      if (block === 0 || i32[block / 4] < this.size) block = this.grow(entry, block);
      const words = block / 4 + 2;
      for (let i = 0; i < this.size; i++) {
        if (this.entries[i] > i32[words + i]) i32[words + i] = this.entries[i];
      }
      if (i32[block / 4 + 1] < this.size) i32[block / 4 + 1] = this.size;
    });
    this.entries[this.me]++;
  }

  /** The clock's entries now, to travel with a message; a new epoch starts. */
  send(): number[] {
    const entries = Array.from(this.entries.subarray(0, this.size));
    this.entries[this.me]++;
    return entries;
  }

  /** Joins the clock a message carried into this one. */
  receive(entries: readonly number[]): void {
    const size = Math.min(entries.length, this.entries.length);
    for (let i = 0; i < size; i++) if (entries[i] > this.entries[i]) this.entries[i] = entries[i];
    if (size > this.size) this.size = size;
  }

  /** Joins `key`'s clock into this one. */
  acquire(key: number): void {
    const { i32 } = this.heap;
    const entry = this.region / 4 + CLOCK_TABLE + key * 2;
    if (Atomics.load(i32, entry + 1) === 0) return; // never released
    guarded(i32, entry, () => {
      const block = i32[entry + 1];
      const size = i32[block / 4 + 1];
      const words = block / 4 + 2;
      for (let i = 0; i < size; i++) {
        if (i32[words + i] > this.entries[i]) this.entries[i] = i32[words + i];
      }
      if (size > this.size) this.size = size;
    });
  }

  /** A block for `entry` with room for this clock, holding the old block's entries. */
  private grow(entry: number, old: number): number {
    const { i32 } = this.heap;
    const capacity = Math.min(MAX_PROCS, Math.max(16, 2 ** Math.ceil(Math.log2(this.size))));
    const block = this.heap.alloc((capacity + 2) * 4);
    i32[block / 4] = capacity;
    if (old !== 0) {
      const size = i32[old / 4 + 1];
      i32.copyWithin(block / 4 + 1, old / 4 + 1, old / 4 + 2 + size);
      this.heap.free(old);
    }
    Atomics.store(i32, entry + 1, block);
    return block;
  }
}
