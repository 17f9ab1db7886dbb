import * as Comlink from 'comlink';
import type { WorkerApi, WorkerNotice } from '../runtime/protocol';

/**
 * The page's end of one process Worker: comlink for calls into the Worker, and the Worker's
 * one-way notices (output, spawn, kill, exit) delivered to `onNotice`.
 */
export class ProcessWorker {
  readonly api: Comlink.Remote<WorkerApi>;
  readonly ready: Promise<void>;
  /** True once `ready` has resolved. */
  loaded = false;
  onNotice: (notice: WorkerNotice) => void = () => {};
  onCrash: (message: string) => void = () => {};
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(new URL('../runtime/worker-main.ts', import.meta.url), {
      type: 'module',
      name: 'process',
    });
    this.api = Comlink.wrap<WorkerApi>(this.worker);
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as WorkerNotice | undefined;
        if (!data || typeof data !== 'object' || !('t' in data)) return; // a comlink reply
        if (data.t === 'ready') {
          this.loaded = true;
          resolve();
        } else this.onNotice(data);
      });
      this.worker.addEventListener('error', (event) => {
        const message = event.message || 'the process Worker failed to load';
        reject(new Error(message));
        this.onCrash(message);
      });
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.api[Comlink.releaseProxy]();
  }
}
