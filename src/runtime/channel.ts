import { ctx } from './context';
import {
  checkNotice,
  noticeBytes,
  type IdleNotice,
  type SenderView,
  type WorkerNotice,
} from './protocol';
import { perProcess } from './process-state';

/*
 * The one place a Worker sends to the page (see protocol.ts for why it is one-way).
 *
 * Every notice is checked here first, as the page will check it again (protocol.ts), so
 * names and titles are cut before they cross and a malformed notice is an error in the
 * process that made it. Then it passes two token buckets, messages and bytes: past a burst
 * the sender waits. Without them a loop of messages queues up in the page's task queue faster
 * than the page reads it (the page copies every message, even from a terminated Worker), and
 * Stop, the runner's timeout and the other processes' output wait behind the queue. The
 * runtime's own traffic stays well below the limits (output.ts joins a print loop's writes).
 * A program reaches the page only through `send` (lockdown.ts replaces its `postMessage`),
 * and what `send` uses is captured here, before the program loads: patching
 * `performance.now` or `Atomics.wait` does not lift the limits.
 */
const scope = globalThis as { postMessage?: (message: unknown) => void };
// (Unit tests import the runtime in Node, where there is no Worker scope to post from.)
const post = scope.postMessage?.bind(scope) ?? (() => {});
const clock = performance.now.bind(performance);
const wait = Atomics.wait;
// The page imports this module too (sync/objects.ts), and a page that is not cross-origin
// isolated (a frame that cannot run programs, a host before its service worker) has no
// SharedArrayBuffer: evaluating it there stopped the page from loading at all.
const pause =
  typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;

/** Messages: 500 at once, then 2 a millisecond. */
const messages = { level: 500, burst: 500, perMs: 2, at: clock() };
/** Bytes: 16 MB at once, then 4 MB a second. */
const bytes = { level: 16 << 20, burst: 16 << 20, perMs: 4096, at: clock() };

/** Python's name for an operation the environment does not permit. */
export class PermissionError extends Error {
  override name = 'PermissionError';
}

/** Notices this Worker has sent: a scheduled run's page waits until it has them all (sched/). */
export let sentCount = 0;
perProcess(() => {
  sentCount = 0;
  for (const bucket of [messages, bytes]) {
    bucket.level = bucket.burst;
    bucket.at = clock();
  }
});

/** Sends one notice to the page, checked, after waiting for the limits if need be. */
export function send(message: unknown): void {
  const checked = checkNotice(message, senderView());
  if (!checked.ok) {
    throw new PermissionError(
      `this process tried to send the page a message it may not send (${checked.why}); a ` +
        "program talks to the page through the runtime's modules",
    );
  }
  take(messages, 1);
  take(bytes, noticeBytes(checked.notice));
  post(checked.notice);
  sentCount++;
}

export function notify(notice: WorkerNotice): void {
  send(notice);
}

/** Before any program runs (the Worker has loaded, or forgot its last process): not counted. */
export function sayIdle(notice: IdleNotice): void {
  post(notice);
}

/** Takes `amount` from a bucket, waiting until it has refilled enough (an amount over the burst waits for a full bucket). */
function take(bucket: typeof messages, amount: number): void {
  const need = amount < bucket.burst ? amount : bucket.burst;
  for (;;) {
    const now = clock();
    bucket.level += (now - bucket.at) * bucket.perMs;
    if (bucket.level > bucket.burst) bucket.level = bucket.burst;
    bucket.at = now;
    if (bucket.level >= need) break;
    wait(pause!, 0, 0, (need - bucket.level) / bucket.perMs);
  }
  bucket.level -= amount;
}

/** What the page will know of this sender; pids it alone can judge pass here. */
function senderView(): SenderView {
  const { pid, process, heap } = ctx();
  return {
    pid,
    process: process.pid,
    memoryBytes: heap.memory.buffer.byteLength,
    isFreshPid: () => true,
    maySignal: () => true,
  };
}
