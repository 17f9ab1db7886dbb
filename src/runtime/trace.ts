import { ctx } from './context';
import type { Heap } from './heap';
import { W, slot } from './proc-record';

/**
 * Per-process trace ring in the shared heap: TRACE_EVENTS entries of 16 bytes, written only by
 * the process (no lock), read by the page, which polls `traceHead` (events written so far).
 *
 *   bytes 0-7   float64  time, ms since the run started
 *   bytes 8-11  int32    TraceKind
 *   bytes 12-15 int32    object id or pid the event is about (0: none)
 *
 * When the page falls more than TRACE_EVENTS behind, it skips ahead and marks a gap.
 */
export const TRACE_EVENTS = 1024;
export const TRACE_BYTES = TRACE_EVENTS * 16;

export const TraceKind = {
  Running: 0,
  Blocked: 1,
  BlockedTimed: 2,
  Sleeping: 3,
  Done: 4,
  /** A timed wait ran out (the process then runs again: a Running event follows). */
  TimedOut: 5,
} as const;
export type TraceKind = (typeof TraceKind)[keyof typeof TraceKind];

export interface TraceEvent {
  t: number;
  kind: TraceKind;
  obj: number;
}

export function allocTraceRing(heap: Heap): number {
  return heap.alloc(TRACE_BYTES);
}

export function trace(kind: TraceKind, obj = 0): void {
  const { heap, pid } = ctx();
  const ring = heap.i32[slot(pid, W.trace)];
  if (!ring) return;
  const head = heap.i32[slot(pid, W.traceHead)];
  const at = ring + (head % TRACE_EVENTS) * 16;
  heap.f64[at / 8] = performance.timeOrigin + performance.now() - heap.startedAt;
  heap.i32[at / 4 + 2] = kind;
  heap.i32[at / 4 + 3] = obj;
  // Publish after the entry is written: the page reads entries below traceHead only.
  Atomics.store(heap.i32, slot(pid, W.traceHead), head + 1);
}

/** Events of `pid` from index `from` (page side). Returns the events and the next index. */
export function readTrace(heap: Heap, pid: number, from: number): [TraceEvent[], number] {
  const ring = heap.i32[slot(pid, W.trace)];
  const head = Atomics.load(heap.i32, slot(pid, W.traceHead));
  const start = Math.max(from, head - TRACE_EVENTS);
  const events: TraceEvent[] = [];
  for (let k = start; k < head; k++) {
    const at = ring + (k % TRACE_EVENTS) * 16;
    events.push({
      t: heap.f64[at / 8],
      kind: heap.i32[at / 4 + 2] as TraceKind,
      obj: heap.i32[at / 4 + 3],
    });
  }
  return [events, head];
}
