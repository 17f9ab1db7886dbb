// The memory manager every kernel a user writes in the page is compiled with (asc --runtime).
// Every process of a run instantiates the kernel over the run's one shared memory, so the stub
// runtime's bump pointer, which starts at the same __heap_base in every instance, would hand
// two processes the same bytes and run on into the runtime's own words above the first MiB.
// Here each instance allocates from arenas of its own, each a block the host (the process's
// JavaScript) takes from the run's shared allocator: two processes never share an arena, and
// nothing is written outside one. Blocks are never freed before the run ends (as the stub);
// a kernel that allocates without end fills the heap and the host raises MemoryError.
import {
  AL_MASK,
  BLOCK,
  BLOCK_MAXSIZE,
  BLOCK_OVERHEAD,
  OBJECT,
  OBJECT_MAXSIZE,
  OBJECT_OVERHEAD,
} from "~lib/rt/common";
import { E_ALLOCATION_TOO_LARGE } from "~lib/util/error";

/** A new arena of `bytes` (16-aligned) from the run's allocator; traps if the heap is full. */
// @ts-ignore: decorator
@external("playground", "arena")
declare function hostArena(bytes: usize): usize;

/** Smallest arena asked of the host: most kernels that allocate need one. */
// @ts-ignore: decorator
@inline const ARENA_BYTES: usize = 64 << 10;

// Per instance (WebAssembly globals): so per process.
let next: usize = 0;
let end: usize = 0;

// @ts-ignore: decorator
@inline function payloadSize(size: usize): usize {
  return ((size + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
function __alloc(size: usize): usize {
  if (size > BLOCK_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  const payload = payloadSize(size);
  if (next == 0 || next + BLOCK_OVERHEAD + payload > end) {
    const bytes = max<usize>(ARENA_BYTES, payload + BLOCK_OVERHEAD + AL_MASK + 1);
    // Blocks start BLOCK_OVERHEAD before a 16-aligned payload, as the std runtimes lay them.
    const arena = hostArena(bytes);
    next = ((arena + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
    end = arena + bytes;
  }
  const block = changetype<BLOCK>(next);
  block.mmInfo = payload;
  const ptr = next + BLOCK_OVERHEAD;
  next = ptr + payload;
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
function __realloc(ptr: usize, size: usize): usize {
  const block = changetype<BLOCK>(ptr - BLOCK_OVERHEAD);
  const had = block.mmInfo;
  if (size <= had) return ptr;
  const moved = __alloc(size);
  memory.copy(moved, ptr, had);
  return moved;
}

// @ts-ignore: decorator
@unsafe @global
function __free(ptr: usize): void {
  // Never freed before the run ends (see above).
}

// @ts-ignore: decorator
@unsafe @global
function __reset(): void {
  next = 0;
  end = 0;
}

// @ts-ignore: decorator
@unsafe @global
function __new(size: usize, id: u32): usize {
  if (size > OBJECT_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  const ptr = __alloc(OBJECT_OVERHEAD + size);
  const object = changetype<OBJECT>(ptr - BLOCK_OVERHEAD);
  object.gcInfo = 0;
  object.gcInfo2 = 0;
  object.rtId = id;
  object.rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
function __renew(oldPtr: usize, size: usize): usize {
  if (size > OBJECT_MAXSIZE) throw new Error(E_ALLOCATION_TOO_LARGE);
  const ptr = __realloc(oldPtr - OBJECT_OVERHEAD, OBJECT_OVERHEAD + size);
  changetype<OBJECT>(ptr - BLOCK_OVERHEAD).rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// No garbage collector: these are what the compiler calls around references.
// @ts-ignore: decorator
@global @unsafe
function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {}

// @ts-ignore: decorator
@global @unsafe
function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
function __unpin(ptr: usize): void {}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void {}

// @ts-ignore: decorator
@global @unsafe
function __collect(): void {}
