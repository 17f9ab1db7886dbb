import { Heap } from '../runtime/heap';
import type { ProcessWorker } from './process-worker';
import type { WorkerPool, WorkerSource } from './worker-pool';

/** A recycled Worker not ready again by then is stuck in what its process left running. */
const RECYCLE_MS = 1000;

/**
 * What the runs of one exploration share, each schedule being a whole run of one program:
 * Workers and the heap's memory. A Worker whose process ended by itself serves a process of a
 * later run (the runtime forgets the process: runtime/process-state.ts) instead of a fresh
 * Worker starting, which was most of an explored schedule's time. Recycled Workers serve only
 * this program (what it left in a Worker's globals stays with it); `close()` terminates them.
 * Each run clears `memory` and builds its heap in it (Heap.create).
 */
export class RunReuse implements WorkerSource {
  readonly memory = Heap.memory();
  private readonly idle = new Set<ProcessWorker>();
  private closed = false;

  /** Beyond `capacity` idle Workers a recycled one is terminated. */
  constructor(
    private readonly fresh: WorkerPool,
    private readonly capacity = 16,
  ) {}

  async take(): Promise<ProcessWorker> {
    for (const worker of this.idle) {
      if (!worker.loaded) continue;
      this.idle.delete(worker);
      return worker;
    }
    return this.fresh.take();
  }

  recycle(worker: ProcessWorker): void {
    if (this.closed || this.idle.size >= this.capacity) return worker.terminate();
    this.idle.add(worker);
    worker.recycle();
    const stuck = setTimeout(() => {
      this.idle.delete(worker);
      worker.terminate();
    }, RECYCLE_MS);
    void worker.ready.then(() => clearTimeout(stuck));
  }

  close(): void {
    this.closed = true;
    for (const worker of this.idle) worker.terminate();
    this.idle.clear();
  }
}
