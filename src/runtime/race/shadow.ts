import type { Heap } from '../heap';
import { guarded } from '../sync/spin-mutex';
import { SHADOW_NEXT, STOPPED, shadowEnd } from './region';
import type { VectorClock } from './vector-clock';

/**
 * Shadow cells: FastTrack's state of one shared element (Flanagan and Freund, PLDI 2009), in
 * the race region's shadow space (region.ts). An access is an epoch (a process and its clock
 * then) and a site (where: line and locks held, detector.ts), and when, for the timeline.
 * Int32 words of a cell:
 *
 *   0  LOCK     a spin mutex (held inside the kill guard): a check and its update are one step
 *   1-4         the last write: process index + 1 (0: none), its clock, site, time
 *   5-8         the last read, the same; process -1 when reads are shared: then
 *   9  READERS  the byte offset of a block of reads by several processes that no
 *               synchronisation orders, SHARED_READS entries of 4 words, as above
 *
 * A write must come after the last write and every read recorded; a read after the last
 * write. A process's access in the epoch of its own last access needs no check (the first
 * test in `read` and `write`, made without the mutex). More than SHARED_READS unordered
 * readers of one element at once: the oldest is forgotten, which can hide a race, never
 * invent one.
 */
const LOCK = 0;
const WRITE = 1;
const READ = 5;
const READERS = 9;
export const CELL_WORDS = 10;
const SHARED = -1;
const SHARED_READS = 8;

/** An earlier access that nothing orders before the current one. */
export interface Conflict {
  /** Process index of the earlier access. */
  who: number;
  site: number;
  at: number;
  write: boolean;
}

export class Shadow {
  private readonly i32: Int32Array;

  constructor(
    heap: Heap,
    private readonly region: number,
    private readonly clock: VectorClock,
  ) {
    this.i32 = heap.i32;
  }

  /** Whether the shadow space ran out (then nothing more is checked, in any process). */
  get stopped(): boolean {
    return Atomics.load(this.i32, this.region / 4 + STOPPED) === 1;
  }

  /**
   * Word index of `words` fresh words of the shadow space (cells are CELL_WORDS each), or -1
   * when it is full: then checking stops.
   */
  allocate(words: number): number {
    const at = Atomics.add(this.i32, this.region / 4 + SHADOW_NEXT, words * 4);
    if (at + words * 4 > shadowEnd(this.region)) {
      Atomics.store(this.i32, this.region / 4 + STOPPED, 1);
      return -1;
    }
    return at / 4;
  }

  /** Checks and records a read of the element whose cell is at word `cell`. */
  read(cell: number, site: number, at: number): Conflict | null {
    const { i32, clock } = this;
    const me = clock.me + 1;
    const now = clock.now;
    if (
      (i32[cell + READ] === me && i32[cell + READ + 1] === now) ||
      (i32[cell + WRITE] === me && i32[cell + WRITE + 1] === now)
    ) {
      return null;
    }
    return guarded(i32, cell + LOCK, () => {
      const conflict = this.unordered(cell + WRITE, true);
      const reader = i32[cell + READ];
      if (reader === SHARED) {
        this.addReader(i32[cell + READERS] / 4, site, at);
      } else if (reader === 0 || reader === me || clock.covers(reader - 1, i32[cell + READ + 1])) {
        this.record(cell + READ, site, at);
      } else {
        this.share(cell, site, at);
      }
      return conflict;
    });
  }

  /** Checks and records a write of the element whose cell is at word `cell`. */
  write(cell: number, site: number, at: number): Conflict | null {
    const { i32, clock } = this;
    if (i32[cell + WRITE] === clock.me + 1 && i32[cell + WRITE + 1] === clock.now) return null;
    return guarded(i32, cell + LOCK, () => {
      let conflict = this.unordered(cell + WRITE, true);
      if (i32[cell + READ] === SHARED) {
        const block = i32[cell + READERS] / 4;
        for (let k = 0; k < SHARED_READS && !conflict; k++) {
          conflict = this.unordered(block + k * 4, false);
        }
        i32.fill(0, block, block + SHARED_READS * 4);
      } else {
        conflict ??= this.unordered(cell + READ, false);
      }
      i32[cell + READ] = 0;
      this.record(cell + WRITE, site, at);
      return conflict;
    });
  }

  /** The access recorded at word `access` if it is another process's and not ordered before now. */
  private unordered(access: number, write: boolean): Conflict | null {
    const { i32, clock } = this;
    const who = i32[access] - 1;
    if (who < 0 || who === clock.me || clock.covers(who, i32[access + 1])) return null;
    return { who, site: i32[access + 2], at: i32[access + 3], write };
  }

  private record(access: number, site: number, at: number): void {
    const { i32, clock } = this;
    i32[access] = clock.me + 1;
    i32[access + 1] = clock.now;
    i32[access + 2] = site;
    i32[access + 3] = at;
  }

  /** Two unordered readers: the cell's reads move to a block of their own. */
  private share(cell: number, site: number, at: number): void {
    const { i32 } = this;
    let block = i32[cell + READERS] / 4;
    if (block === 0) {
      block = this.allocate(SHARED_READS * 4);
      if (block < 0) return; // out of space: checking stops, the last read stays
      i32[cell + READERS] = block * 4;
    }
    i32.copyWithin(block, cell + READ, cell + READ + 4);
    this.record(block + 4, site, at);
    i32[cell + READ] = SHARED;
  }

  /** This process's read among the shared ones: in its own entry, a free one, or the oldest. */
  private addReader(block: number, site: number, at: number): void {
    const { i32, clock } = this;
    let free = -1;
    for (let k = 0; k < SHARED_READS; k++) {
      const entry = block + k * 4;
      const who = i32[entry] - 1;
      if (who === clock.me) return this.record(entry, site, at);
      if (free < 0 && (who < 0 || clock.covers(who, i32[entry + 1]))) free = entry;
    }
    if (free < 0) {
      // Every entry unordered and another's: the oldest goes (entries shift up by one).
      i32.copyWithin(block, block + 4, block + SHARED_READS * 4);
      free = block + (SHARED_READS - 1) * 4;
    }
    this.record(free, site, at);
  }
}
