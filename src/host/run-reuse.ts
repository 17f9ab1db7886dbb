import { Heap } from '../runtime/heap';
import type { ProcessWorker } from './process-worker';
import type { WorkerPool } from './worker-pool';

/** A recycled Worker not ready again by then is stuck in what its process left running. */
const RECYCLE_MS = 1000;

/** Fresh Workers asked of the pool at once while processes wait: each loads on the same few cores. */
const FRESH_AT_ONCE = 2;

interface Waiter {
  resolve(worker: ProcessWorker): void;
  reject(error: unknown): void;
}

/**
 * The Workers of one run, or of every run of an exploration (one program under many schedules).
 * A Worker whose process ended by itself serves a later process of the same program: the
 * runtime forgets the process (runtime/process-state.ts) and says whether the program left its
 * Worker as a fresh one would be (runtime/realm-watch.ts); one it changed is terminated. Starting
 * a fresh Worker costs tens of ms of CPU (most of a process's start), recycling one about a ms.
 * A process gets a recycled Worker when one is ready, else a loaded one from the pool (taking it
 * measured faster than waiting a ms for one getting ready), else the first of a recycled one
 * and a fresh one; recycled Workers never serve another program. `close()` terminates those left.
 */
export class RunReuse {
  /** Recycled Workers, ready or getting ready. */
  private readonly idle = new Set<ProcessWorker>();
  private readonly waiting: Waiter[] = [];
  private freshOnTheWay = 0;
  private closed = false;

  /** Beyond `capacity` idle Workers a recycled one is terminated. */
  constructor(
    private readonly fresh: WorkerPool,
    private readonly capacity = 16,
  ) {}

  take(): Promise<ProcessWorker> {
    if (this.closed) return Promise.reject(new Error('the run has ended'));
    for (const worker of this.idle) {
      if (!worker.loaded) continue;
      this.idle.delete(worker);
      return Promise.resolve(worker);
    }
    if (this.fresh.hasLoaded()) return this.fresh.take();
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.orderFresh();
    });
  }

  /**
   * A Worker whose process ended by itself (its exit notice came). Resolves when the Worker is
   * ready for another process, or terminated.
   */
  recycle(worker: ProcessWorker): Promise<void> {
    if (this.closed || this.idle.size >= this.capacity) {
      worker.terminate();
      return Promise.resolve();
    }
    this.idle.add(worker);
    worker.recycle();
    return new Promise((settled) => {
      const drop = () => {
        this.idle.delete(worker);
        worker.terminate();
        this.orderFresh(); // a waiter may have counted on it
        settled();
      };
      const stuck = setTimeout(drop, RECYCLE_MS);
      worker.ready.then(
        () => {
          clearTimeout(stuck);
          if (this.idle.has(worker) && this.waiting.length) {
            this.idle.delete(worker);
            this.waiting.shift()!.resolve(worker);
          }
          settled();
        },
        () => {
          clearTimeout(stuck);
          drop();
        },
      );
    });
  }

  /** Terminates the idle Workers; a process still waiting for one gets an error. */
  close(): void {
    this.closed = true;
    for (const worker of this.idle) worker.terminate();
    this.idle.clear();
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the run has ended'));
  }

  /** Asks the pool for fresh Workers for the waiters no recycled Worker is getting ready for. */
  private orderFresh(): void {
    const uncovered = () => this.waiting.length - this.idle.size - this.freshOnTheWay;
    while (!this.closed && this.freshOnTheWay < FRESH_AT_ONCE && uncovered() > 0) {
      this.freshOnTheWay++;
      this.fresh.take().then(
        (worker) => {
          this.freshOnTheWay--;
          const waiter = this.waiting.shift();
          if (waiter) waiter.resolve(worker);
          else if (this.closed || this.idle.size >= this.capacity) worker.terminate();
          else this.idle.add(worker);
          this.orderFresh();
        },
        (error: unknown) => {
          this.freshOnTheWay--;
          this.waiting.shift()?.reject(error);
          this.orderFresh();
        },
      );
    }
  }
}

/** What the runs of one exploration share: Workers, and the memory each run clears for its heap. */
export interface ExplorationShare {
  reuse: RunReuse;
  memory: WebAssembly.Memory;
}

/** For an exploration's runs; `reuse.close()` when it is done. */
export function explorationShare(pool: WorkerPool): ExplorationShare {
  return { reuse: new RunReuse(pool), memory: Heap.memory() };
}
