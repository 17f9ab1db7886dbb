import type { Assignment, PageMessage } from '../runtime/protocol';

/**
 * The page's end of one process Worker: `assign` makes it a process, and every message it
 * sends after `ready` goes to `onMessage` unread (the supervisor checks it: protocol.ts).
 * `recycle` makes it ready for another process once its own has ended.
 */
export class ProcessWorker {
  ready: Promise<void>;
  /** True once `ready` has resolved. */
  loaded = false;
  /** A message from the Worker: untrusted (the program can post its own). */
  onMessage: (data: unknown) => void = () => {};
  onCrash: (message: string) => void = () => {};
  private readonly worker: Worker;
  private terminated = false;
  private whenReady = () => {};

  /** Workers constructed and not yet terminated on this page (tests count leaks with it). */
  static live = 0;

  constructor() {
    this.worker = new Worker(new URL('../runtime/worker-main.ts', import.meta.url), {
      type: 'module',
      name: 'process',
    });
    ProcessWorker.live++;
    this.ready = new Promise((resolve, reject) => {
      this.whenReady = resolve;
      this.worker.addEventListener('message', (event: MessageEvent) => {
        if (this.loaded) return this.onMessage(event.data);
        // Before its assignment the Worker runs only the runtime, which says 'ready' once
        // (and once more after each recycling: what its last process sent before is dropped).
        if ((event.data as { t?: unknown } | null)?.t === 'ready') {
          this.loaded = true;
          this.whenReady();
        }
      });
      this.worker.addEventListener('error', (event) => {
        const message = event.message || 'the process Worker failed to load';
        reject(new Error(message));
        this.onCrash(message);
      });
    });
  }

  assign(assignment: Assignment): void {
    const message: PageMessage = { t: 'assign', assignment };
    this.worker.postMessage(message);
  }

  /**
   * After its process ended by itself (its exit notice came): the Worker forgets the process
   * (process-state.ts) and is `ready` again; until then what it sends goes nowhere.
   */
  recycle(): void {
    this.loaded = false;
    this.onMessage = () => {};
    this.onCrash = () => {};
    this.ready = new Promise((resolve) => (this.whenReady = resolve));
    const message: PageMessage = { t: 'recycle' };
    this.worker.postMessage(message);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    ProcessWorker.live--;
    this.worker.terminate();
  }
}
