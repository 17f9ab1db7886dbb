import { ARENA, F, H, HEAP_BYTES, HEAP_PAGES } from './layout';

/** Typed views over the run's shared memory, built once per Worker. */
export class Heap {
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;

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
    heap.f64[F.timeScale] = timeScale;
    heap.f64[F.startedAt] = performance.timeOrigin + performance.now();
    return heap;
  }

  get timeScale(): number {
    return this.f64[F.timeScale];
  }

  get startedAt(): number {
    return this.f64[F.startedAt];
  }

  /**
   * A block of `bytes` (rounded up to 8), zeroed. Blocks are never freed within a run: the
   * heap is dropped whole when the run ends.
   */
  alloc(bytes: number): number {
    const size = (bytes + 7) & ~7;
    const at = Atomics.add(this.i32, H.bump, size);
    if (at + size > HEAP_BYTES) {
      Atomics.sub(this.i32, H.bump, size);
      throw new MemoryError(`shared heap full (${HEAP_BYTES} bytes)`);
    }
    return at;
  }
}

export class MemoryError extends Error {
  override name = 'MemoryError';
}
