import { ProcessWorker } from './process-worker';

/**
 * Workers that have already loaded the runtime, so Run and start() only hand one a process.
 * A Worker taken serves one program (run-reuse.ts) and is then terminated; the pool refills in
 * the background.
 */
export class WorkerPool {
  /** Loaded or still loading, oldest first: the oldest is the nearest to ready. */
  private readonly workers: ProcessWorker[] = [];

  /** Eight: lessons start five to ten children at once, and an idle Worker costs little. */
  constructor(private readonly capacity = 8) {}

  /** Workers loaded or loading, waiting to be taken. */
  get size(): number {
    return this.workers.length;
  }

  /** Whether a Worker is loaded and waiting. */
  hasLoaded(): boolean {
    return this.workers.some((w) => w.loaded);
  }

  /** Resolves when `capacity` Workers are loaded (tests wait for it so start-up does not skew timings). */
  async warmed(): Promise<void> {
    this.warm();
    while (this.workers.filter((w) => w.loaded).length < this.capacity)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Starts Workers until `capacity` are loaded or on their way. */
  warm(): void {
    while (this.workers.length < this.capacity) {
      const worker = new ProcessWorker();
      this.workers.push(worker);
      worker.ready.catch(() => {
        const at = this.workers.indexOf(worker);
        if (at >= 0) this.workers.splice(at, 1); // else taken: its run ends the process
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
