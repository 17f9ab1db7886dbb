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
  private whenFailed = (_: Error) => {};

  /** Workers constructed and not yet terminated on this page (tests count leaks with it). */
  static live = 0;
  /** Workers constructed on this page (tests count recycling with it). */
  static started = 0;

  constructor() {
    this.worker = new Worker(new URL('../runtime/worker-main.ts', import.meta.url), {
      type: 'module',
      name: 'process',
    });
    ProcessWorker.live++;
    ProcessWorker.started++;
    this.ready = this.nextReady();
    this.worker.addEventListener('message', (event: MessageEvent) => {
      if (this.loaded) return this.onMessage(event.data);
      // Before its assignment the Worker runs only the runtime, which says 'ready' once (and
      // after each recycling, or 'spoiled'; what its last process sent before is dropped).
      const notice = event.data as { t?: unknown; why?: unknown } | null;
      if (notice?.t === 'ready') {
        this.loaded = true;
        this.whenReady();
      } else if (notice?.t === 'spoiled') {
        const why = String(notice.why).slice(0, 200);
        this.whenFailed(new Error(`the process left its Worker changed: ${why}`));
      }
    });
    this.worker.addEventListener('error', (event) => {
      const message = event.message || 'the process Worker failed to load';
      this.whenFailed(new Error(message));
      this.onCrash(message);
    });
  }

  private nextReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.whenReady = resolve;
      this.whenFailed = reject;
    });
  }

  assign(assignment: Assignment): void {
    const message: PageMessage = { t: 'assign', assignment };
    this.worker.postMessage(message);
  }

  /**
   * After its process ended by itself (its exit notice came): the Worker forgets the process
   * (process-state.ts) and is `ready` again, or `ready` rejects when the process left it
   * changed (realm-watch.ts); until then what it sends goes nowhere.
   */
  recycle(): void {
    this.loaded = false;
    this.onMessage = () => {};
    this.onCrash = () => {};
    this.ready = this.nextReady();
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
