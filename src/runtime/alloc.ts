import type { Heap } from './heap';
import { enterCritical, leaveCritical } from './kill-guard';
import { FREE_LISTS, H, HEAP_BYTES } from './layout';
import { lockWord, unlockWord } from './sync/spin-mutex';

/**
 * The arena's allocator: power-of-two size classes (16 B << class), each with a free list,
 * behind one internal mutex. A block starts with an 8-byte header; callers get the bytes after.
 *
 *   block + 0  int32  size class
 *   block + 4  int32  BLOCK_MAGIC while allocated, FREE_MAGIC while on a free list
 *   block + 8  int32  (free blocks) next free block's offset, 0 at the end of the list
 *
 * Fairness does not matter here (sections are short); safety under kill does: it runs inside
 * the kill guard (kill-guard.ts).
 */
const BLOCK_MAGIC = 0x51a8b10c;
const FREE_MAGIC = 0x0f5eeb10;
/**
 * Bytes of a block's header. A structure that doubles asks for a power of two minus this, or
 * each of its blocks would be of the next class up, twice what it uses.
 */
export const HEADER_BYTES = 8;

export class MemoryError extends Error {
  override name = 'MemoryError';
}

/** A block of at least `bytes`; zeroed unless the caller will overwrite it all anyway. */
export function allocBlock(heap: Heap, bytes: number, zero = true): number {
  const { i32, u8 } = heap;
  const sizeClass = classFor(bytes + HEADER_BYTES);
  const size = 16 << sizeClass;
  enterCritical(heap);
  lockWord(i32, H.allocLock);
  let block = i32[H.freeLists + sizeClass];
  if (block !== 0) {
    i32[H.freeLists + sizeClass] = i32[block / 4 + 2];
  } else {
    block = i32[H.bump];
    if (block + size > HEAP_BYTES) block = 0;
    else i32[H.bump] = block + size;
  }
  if (block !== 0) {
    i32[block / 4] = sizeClass;
    i32[block / 4 + 1] = BLOCK_MAGIC;
  }
  unlockWord(i32, H.allocLock);
  leaveCritical(heap);
  if (block === 0) throw new MemoryError(`shared heap full (${HEAP_BYTES} bytes)`);
  if (zero) u8.fill(0, block + HEADER_BYTES, block + size);
  return block + HEADER_BYTES;
}

export function freeBlock(heap: Heap, at: number): void {
  const { i32 } = heap;
  const block = at - HEADER_BYTES;
  if (i32[block / 4 + 1] !== BLOCK_MAGIC) throw new Error(`internal: free of a bad block at ${at}`);
  const sizeClass = i32[block / 4];
  enterCritical(heap);
  lockWord(i32, H.allocLock);
  i32[block / 4 + 1] = FREE_MAGIC;
  i32[block / 4 + 2] = i32[H.freeLists + sizeClass];
  i32[H.freeLists + sizeClass] = block;
  unlockWord(i32, H.allocLock);
  leaveCritical(heap);
}

function classFor(bytes: number): number {
  const sizeClass = Math.max(0, 32 - Math.clz32(Math.max(16, bytes) - 1) - 4);
  if (sizeClass >= FREE_LISTS)
    throw new MemoryError(`cannot allocate ${bytes} bytes in the shared heap`);
  return sizeClass;
}
