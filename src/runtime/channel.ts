import type { WorkerNotice } from './protocol';

/** The one place a Worker sends to the page (see protocol.ts for why it is one-way). */
export function notify(notice: WorkerNotice): void {
  (self as unknown as { postMessage(message: WorkerNotice): void }).postMessage(notice);
}
