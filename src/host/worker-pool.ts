import { ProcessWorker } from './process-worker';

/**
 * Workers that have already loaded the runtime, so Run and start() only hand one a process.
 * A Worker serves one process and is then terminated (a program leaves its module state
 * behind); the pool refills in the background.
 */
export class WorkerPool {
  /** Loaded or still loading, oldest first: the oldest is the nearest to ready. */
  private readonly workers: ProcessWorker[] = [];

  /** Eight: lessons start five to ten children at once, and an idle Worker costs little. */
  constructor(private readonly size = 8) {}

  /** Resolves when `size` Workers are loaded (tests wait for it so start-up does not skew timings). */
  async warmed(): Promise<void> {
    this.warm();
    while (this.workers.filter((w) => w.loaded).length < this.size)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Starts Workers until `size` are loaded or on their way. */
  warm(): void {
    while (this.workers.length < this.size) {
      const worker = new ProcessWorker();
      this.workers.push(worker);
      worker.ready.catch(() => {
        this.workers.splice(this.workers.indexOf(worker), 1);
        worker.terminate();
      });
    }
  }

  /**
   * A ready Worker. When none has loaded yet, the one that began loading first: a start() burst
   * beyond the pool waits for Workers already on their way instead of adding more to load at
   * once on few cores.
   */
  async take(): Promise<ProcessWorker> {
    const worker = this.workers.find((w) => w.loaded) ?? this.workers[0] ?? new ProcessWorker();
    const at = this.workers.indexOf(worker);
    if (at >= 0) this.workers.splice(at, 1);
    this.warm();
    await worker.ready;
    return worker;
  }
}
