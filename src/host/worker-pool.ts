import { ProcessWorker } from './process-worker';

/**
 * Workers that have already loaded the runtime, so Run and start() only hand one a process.
 * A Worker serves one process and is then terminated (a program leaves its module state
 * behind); the pool refills in the background.
 */
export class WorkerPool {
  private readonly idle: ProcessWorker[] = [];
  private warming = 0;

  /** Eight: lessons start five to ten children at once, and an idle Worker costs little. */
  constructor(private readonly size = 8) {}

  /** Resolves when `size` Workers are idle (tests wait for it so start-up does not skew timings). */
  async warmed(): Promise<void> {
    this.warm();
    while (this.idle.length < this.size) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Starts Workers until `size` are idle or on their way. */
  warm(): void {
    while (this.idle.length + this.warming < this.size) {
      this.warming++;
      const worker = new ProcessWorker();
      worker.ready.then(
        () => {
          this.warming--;
          this.idle.push(worker);
        },
        () => {
          this.warming--;
          worker.terminate();
        },
      );
    }
  }

  /** A ready Worker: an idle one if there is one, else a new one once it has loaded. */
  async take(): Promise<ProcessWorker> {
    const worker = this.idle.shift() ?? new ProcessWorker();
    this.warm();
    await worker.ready;
    return worker;
  }
}
