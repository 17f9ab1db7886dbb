import { allocBlock, freeBlock, type CriticalSection } from './alloc';
import { FILE_STORE_BYTES } from './file-store';
import { ARENA, F, H, HEAP_PAGES } from './layout';

/** Typed views over the run's shared memory, built once per Worker. */
export class Heap {
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
  /**
   * Brackets the runtime's shared-structure updates. In a Worker: the kill guard of its
   * process; on the page (which allocates only before any Worker runs): nothing.
   */
  guard: CriticalSection = { enter() {}, leave() {} };

  constructor(readonly memory: WebAssembly.Memory) {
    const buffer = memory.buffer as unknown as SharedArrayBuffer;
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  /** A fresh heap for a new run (page side). Sized up front: views never go stale. */
  static create(timeScale: number): Heap {
    const memory = new WebAssembly.Memory({
      initial: HEAP_PAGES,
      maximum: HEAP_PAGES,
      shared: true,
    });
    const heap = new Heap(memory);
    heap.i32[H.bump] = ARENA;
    heap.i32[H.nextObject] = 1; // id 0 means "no object" in object fields
    heap.f64[F.timeScale] = timeScale;
    heap.f64[F.startedAt] = performance.timeOrigin + performance.now();
    heap.i32[H.fileStore] = heap.alloc(FILE_STORE_BYTES);
    return heap;
  }

  get timeScale(): number {
    return this.f64[F.timeScale];
  }

  get startedAt(): number {
    return this.f64[F.startedAt];
  }

  /** A zeroed block of at least `bytes`, 8-aligned; MemoryError when the heap is full. */
  alloc(bytes: number): number {
    return allocBlock(this.i32, this.u8, this.guard, bytes);
  }

  free(at: number): void {
    freeBlock(this.i32, this.guard, at);
  }
}
