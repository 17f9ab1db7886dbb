import { notify } from './channel';
import { ctx } from './context';
import { H, OUTPUT_CAP } from './layout';
import type { Stream } from './protocol';
import { sched } from './sched/hooks';
import { Point } from './sched/region';
import { perProcess } from './process-state';

/**
 * Sends a process's output to the page.
 *
 * Caps: the page counts the run's output against OUTPUT_CAP and says once that it was cut
 * (host/output-gate.ts). The shared counter here only spares the Worker sending what the page
 * would drop: past the cap one character more goes (so the page sees the cap crossed), then
 * nothing. A program can write that counter; the page's count is the one that holds.
 *
 * Floods: every write is one message while a process writes at most FREE_WRITES per
 * WINDOW_MS, so ordinary output reaches the page at once and in order with other processes'.
 * Past that (a print loop) writes are joined into one message per window, per stream change or
 * per BATCH_CHARS (from the first write of each window while the loop goes on), sent before
 * the process blocks (blocking.ts) or ends: a million prints
 * become a few hundred messages, and the page's queue never holds a backlog that would delay
 * its Stop and timeout.
 */
const WINDOW_MS = 10;
const FREE_WRITES = 10;
const BATCH_CHARS = 256 * 1024;

let windowStart = -Infinity;
let writesInWindow = 0;
let batch: { stream: Stream; parts: string[]; chars: number; at: number } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
perProcess(() => {
  windowStart = -Infinity;
  writesInWindow = 0;
  batch = null;
  timer = null;
});

export function write(stream: Stream, text: string): void {
  sched?.point(Point.Print);
  if (text === '') return;
  const { heap } = ctx();
  if (Atomics.load(heap.i32, H.outputNotice)) return; // past the cap: nothing is counted (no wrap)
  const before = Atomics.add(heap.i32, H.outputBytes, text.length);
  if (before + text.length > OUTPUT_CAP) {
    Atomics.store(heap.i32, H.outputNotice, 1);
    text = text.slice(0, Math.max(0, OUTPUT_CAP + 1 - before));
    if (text === '') return;
  }
  const now = performance.now();
  if (now - windowStart >= WINDOW_MS) {
    // A window that ended batching is a flood going on: its next writes are batched at once.
    const flooding = batch !== null;
    flushOutput();
    windowStart = now;
    writesInWindow = flooding ? FREE_WRITES : 0;
  }
  if (!batch && writesInWindow < FREE_WRITES) {
    writesInWindow++;
    send(stream, text, now);
    return;
  }
  if (batch && batch.stream !== stream) flushOutput();
  batch ??= { stream, parts: [], chars: 0, at: now };
  batch.parts.push(text);
  batch.chars += text.length;
  batch.at = now;
  if (batch.chars >= BATCH_CHARS) flushOutput();
  // A program that went idle (awaiting) sends what it wrote when its event loop runs.
  else timer ??= setTimeout(flushOutput, WINDOW_MS);
}

/** Sends the writes held back by a flood: before this process blocks, ends, or after a window. */
export function flushOutput(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!batch) return;
  const { stream, parts, at } = batch;
  batch = null;
  send(stream, parts.join(''), at);
}

function send(stream: Stream, text: string, now: number): void {
  notify({ t: 'out', pid: ctx().pid, stream, text, at: performance.timeOrigin + now });
}
