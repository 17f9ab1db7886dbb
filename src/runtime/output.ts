import { notify } from './channel';
import { ctx } from './context';
import { H, OUTPUT_CAP } from './layout';
import type { Stream } from './protocol';

/**
 * Sends a process's output to the page. The run's total is capped (shared counter): past
 * OUTPUT_CAP bytes, the write that crosses the cap sends one notice and the rest is dropped,
 * so a runaway print loop cannot flood the page.
 */
export function write(stream: Stream, text: string): void {
  if (text === '') return;
  const { heap, pid } = ctx();
  const before = Atomics.add(heap.i32, H.outputBytes, text.length);
  if (before >= OUTPUT_CAP) return;
  if (before + text.length > OUTPUT_CAP) {
    text = `${text.slice(0, OUTPUT_CAP - before)}\n[output truncated: more than ${OUTPUT_CAP / 1024 / 1024} MB]\n`;
  }
  notify({ t: 'out', pid, stream, text, at: performance.timeOrigin + performance.now() });
}
