import { allocBlock, freeBlock } from './alloc';
import { FILE_STORE_BYTES } from './file-store';
import { PORT_TABLE_BYTES } from './net/ports';
import { ARENA, F, H, HEAP_BYTES, HEAP_PAGES } from './layout';
import { REGION_BYTES as RACE_REGION_BYTES, initRegion } from './race/region';
import { makeSchedRegion, type ScheduleSeed } from './sched/region';

/** What a run checks or controls beyond running the program. */
export interface RunModes {
  races?: boolean;
  schedule?: ScheduleSeed;
}

/** Typed views over the run's shared memory, built once per Worker. */
export class Heap {
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
  /**
   * Index of this Worker's kill-guard word (kill-guard.ts), which brackets the runtime's
   * shared-structure updates; -1 on the page, which allocates only before any Worker runs.
   */
  guardSlot = -1;

  constructor(readonly memory: WebAssembly.Memory) {
    const buffer = memory.buffer as unknown as SharedArrayBuffer;
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  /**
   * A fresh heap for a new run (page side). Sized up front: views never go stale. `races`
   * makes room for the race detector's clocks and shadow cells; `schedule` for the turns of a
   * scheduled run. An exploration's runs reuse one memory (`reused`), cleared here up to the
   * highest block the last run allocated: no run makes a memory of its own (one per schedule
   * outlived their runs in recycled Workers until allocation failed), and the last run ended
   * with every process parked or gone (scheduled, and it exited cleanly, or the exploration
   * would have stopped), so none of its Workers writes it any more.
   */
  static create(timeScale: number, modes: RunModes = {}, reused?: WebAssembly.Memory): Heap {
    const heap = new Heap(reused ?? Heap.memory());
    if (reused) heap.u8.fill(0, 0, Math.min(Math.max(heap.i32[H.bump], ARENA), HEAP_BYTES));
    heap.i32[H.bump] = ARENA;
    heap.i32[H.nextObject] = 1; // id 0 means "no object" in object fields
    heap.f64[F.timeScale] = timeScale;
    heap.f64[F.startedAt] = performance.timeOrigin + performance.now();
    heap.i32[H.fileStore] = heap.alloc(FILE_STORE_BYTES);
    heap.i32[H.portTable] = heap.alloc(PORT_TABLE_BYTES);
    if (modes.races) {
      heap.i32[H.race] = heap.alloc(RACE_REGION_BYTES);
      initRegion(heap.i32, heap.i32[H.race]);
    }
    if (modes.schedule) heap.i32[H.sched] = makeSchedRegion(heap, modes.schedule);
    return heap;
  }

  /** Memory for a run's heap. */
  static memory(): WebAssembly.Memory {
    return new WebAssembly.Memory({ initial: HEAP_PAGES, maximum: HEAP_PAGES, shared: true });
  }

  get timeScale(): number {
    return this.f64[F.timeScale];
  }

  get startedAt(): number {
    return this.f64[F.startedAt];
  }

  /** A zeroed block of at least `bytes`, 8-aligned; MemoryError when the heap is full. */
  alloc(bytes: number, zero = true): number {
    return allocBlock(this, bytes, zero);
  }

  free(at: number): void {
    freeBlock(this, at);
  }
}
