/**
 * The run's shared heap: one shared WebAssembly.Memory, so JavaScript and the AssemblyScript
 * kernels see the same bytes. Byte map:
 *
 *   [0, USER_KERNEL_DATA)           the built-in kernels' static data (AssemblyScript owns it)
 *   [USER_KERNEL_DATA, KERNEL_RESERVED)  the static data of the kernels a user writes, put there
 *                                   once by the page before the run's first process starts
 *   [HEADER, +HEADER_BYTES)         run-wide counters, below
 *   [PROC_TABLE, +MAX_PROCS*64)     one 64-byte record per process, indexed by pid - PID_BASE
 *   [OBJECT_TABLE, +MAX_OBJECTS*8)  one entry per primitive: kind, byte offset (see objects.ts)
 *   [ARENA, end)                    allocated blocks: primitives, queues, trace rings
 */
export const KERNEL_RESERVED = 1 << 20;
export const USER_KERNEL_DATA = KERNEL_RESERVED / 2;
export const HEAP_BYTES = 64 << 20;
export const HEAP_PAGES = HEAP_BYTES / 65536;

export const HEADER = KERNEL_RESERVED;
export const HEADER_BYTES = 4096;

/** Int32 slots of the header, as indexes into an Int32Array over the whole heap. */
export const H = {
  /** Next process index to hand out (Atomics.add). */
  nextProc: HEADER / 4,
  /** Processes started and not yet done; the 64-process limit is checked on it. */
  live: HEADER / 4 + 1,
  /** Bytes of output so far; past OUTPUT_CAP further output is dropped. */
  outputBytes: HEADER / 4 + 2,
  /** Next never-used byte of the arena (alloc.ts). */
  bump: HEADER / 4 + 3,
  /** Object table entries handed out (objects.ts); an object's id is its entry's index. */
  nextObject: HEADER / 4 + 4,
  /** The allocator's mutex (alloc.ts). */
  allocLock: HEADER / 4 + 5,
  /** Byte offset of the run's file store (file-store.ts), made with the heap. */
  fileStore: HEADER / 4 + 6,
  /** Byte offset of the run's table of listening ports (net/socket.ts), made with the heap. */
  portTable: HEADER / 4 + 9,
  /** 1 once the output-truncated notice was sent (output.ts). */
  outputNotice: HEADER / 4 + 8,
  /** Threads named so far (`Thread-N`), one counter for the run. */
  threadCounter: HEADER / 4 + 7,
  /** The queue codec's shared record shapes (queue/codec.ts): their mutex, then their block. */
  shapesLock: HEADER / 4 + 10,
  shapes: HEADER / 4 + 11,
  /** Byte offset of the race detector's region (race/region.ts); 0 when the run does not detect races. */
  race: HEADER / 4 + 12,
  /** Byte offset of the scheduler's region (sched/region.ts); 0 when the run runs freely. */
  sched: HEADER / 4 + 13,
  /** First of FREE_LISTS words: head of each size class's free list (alloc.ts). */
  freeLists: HEADER / 4 + 32,
} as const;

export const FREE_LISTS = 26;

/** Float64 slots of the header, as indexes into a Float64Array over the whole heap. */
export const F = {
  /** Multiplies every sleep, timer and timeout (--time-scale). */
  timeScale: (HEADER + 64) / 8,
  /** Epoch milliseconds at which the run started; trace times are relative to it. */
  startedAt: (HEADER + 72) / 8,
} as const;

export const PID_BASE = 1000;
export const MAX_PROCS = 4096;
export const MAX_LIVE = 64;
export const OUTPUT_CAP = 10 * 1024 * 1024;

export const PROC_TABLE = HEADER + HEADER_BYTES;
export const PROC_BYTES = 64;
export const OBJECT_TABLE = PROC_TABLE + MAX_PROCS * PROC_BYTES;
export const MAX_OBJECTS = 16384;
export const ARENA = OBJECT_TABLE + MAX_OBJECTS * 8;
