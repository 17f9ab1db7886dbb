import { notify } from './channel';
import { ctx } from './context';
import { H, OUTPUT_CAP } from './layout';
import type { Stream } from './protocol';

/**
 * Sends a process's output to the page. The run's total is capped (shared counter): past
 * OUTPUT_CAP bytes output is dropped, and the first process to reach the cap sends one
 * notice, so a runaway print loop cannot flood the page.
 */
export function write(stream: Stream, text: string): void {
  if (text === '') return;
  const { heap, pid } = ctx();
  if (Atomics.load(heap.i32, H.outputNotice)) return; // capped: nothing is counted (no wrap)
  const before = Atomics.add(heap.i32, H.outputBytes, text.length);
  if (before + text.length > OUTPUT_CAP) {
    text = text.slice(0, Math.max(0, OUTPUT_CAP - before));
    if (Atomics.compareExchange(heap.i32, H.outputNotice, 0, 1) === 0) {
      text += `\n[output truncated: more than ${OUTPUT_CAP / 1024 / 1024} MB]\n`;
    }
    if (text === '') return;
  }
  notify({ t: 'out', pid, stream, text, at: performance.timeOrigin + performance.now() });
}
