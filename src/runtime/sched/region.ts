import type { Heap } from '../heap';
import { MAX_PROCS, PID_BASE } from '../layout';

/**
 * The scheduler's part of the shared heap, made by the page with the heap when a run is
 * scheduled (step, explore or replay mode; `H.sched` holds its byte offset, 0: free running).
 * One process runs at a time: at each scheduling point a process says where it is and waits
 * for the page to give it the turn. Int32 words from its start:
 *
 *   CHANGES      bumped (and notified) whenever a process stops running: the page waits on it
 *   NOW          (float64 at byte 8) the run's virtual clock, in ms: sleeps and timeouts
 *                advance it, not the wall clock
 *   SEED         the schedule's seed, from which each process seeds `random`
 *   FINE         1: shared reads and writes are points too (fine steps)
 *   TABLE        per process (by pid - PID_BASE), ENTRY_WORDS words:
 *     STATE      Starting (0), Running, AtPoint, Blocked (in a wait inside a primitive)
 *     GRANT      the page writes 1 to give the turn; the process waits while it is 0
 *     KIND, OBJ, LINE   the point it waits at: what it is about to do, on which object, where
 *     SENT       notices it had sent the page then: the page gives no turn before it has them
 *                all, so output keeps the schedule's order
 *     DEADLINE   (float64 at words 6-7) virtual ms its timed wait or sleep ends (Infinity: none)
 *     WOKEN      1 once the page has ended that wait: its Atomics.notify changes no word, so a
 *                process that had not yet begun to wait would miss it, and looks here instead
 */
export const CHANGES = 0;
export const NOW_F64 = 1;
export const SEED = 4;
/** 1 when shared reads and writes are points too (fine steps). */
export const FINE = 5;
const TABLE = 16;
const ENTRY_WORDS = 16;

export const STATE = 0;
export const GRANT = 1;
export const KIND = 2;
export const OBJ = 3;
export const LINE = 4;
export const SENT = 5;
/** Set by the page when it ends a process's wait (virtual time ran out); see woke(). */
export const WOKEN = 8;
const DEADLINE_F64 = 3;

export const State = { Starting: 0, Running: 1, AtPoint: 2, Blocked: 3 } as const;
export type State = (typeof State)[keyof typeof State];

/** What a process is about to do at a point. */
export const Point = {
  Begin: 1,
  Resume: 2,
  Acquire: 3,
  Release: 4,
  Wait: 5,
  Notify: 6,
  Set: 7,
  Put: 8,
  Get: 9,
  Start: 10,
  Join: 11,
  Sleep: 12,
  Print: 13,
  Read: 14,
  Write: 15,
} as const;
export type Point = (typeof Point)[keyof typeof Point];

const REGION_BYTES = (TABLE + ENTRY_WORDS * MAX_PROCS) * 4;

/** What a scheduled run's processes need from the start. */
export interface ScheduleSeed {
  /** Seeds each process's `random`. */
  seed: number;
  /** Shared reads and writes are points too. */
  fine: boolean;
}

/** Makes the region in a fresh heap; returns its byte offset. */
export function makeSchedRegion(heap: Heap, { seed, fine }: ScheduleSeed): number {
  const at = heap.alloc(REGION_BYTES);
  heap.i32[at / 4 + SEED] = seed;
  heap.i32[at / 4 + FINE] = fine ? 1 : 0;
  return at;
}

/** Int32 index of word `w` of `pid`'s entry, in a region at byte `region`. */
export function entry(region: number, pid: number, w: number): number {
  return region / 4 + TABLE + (pid - PID_BASE) * ENTRY_WORDS + w;
}

/** Float64 index of `pid`'s deadline. */
export function deadlineSlot(region: number, pid: number): number {
  return entry(region, pid, 0) / 2 + DEADLINE_F64;
}

export function nowSlot(region: number): number {
  return region / 8 + NOW_F64;
}
