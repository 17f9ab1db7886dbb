import { ctx } from './context';
import type { Heap } from './heap';
import { H } from './layout';
import { race } from './race/hooks';
import { fileKey } from './race/region';
import { guarded } from './sync/spin-mutex';

/**
 * The `fs` module's files: a small file system in the shared heap, so every process sees the
 * same files, and a read, a sleep, then a write races for real (the ticket lessons). Each call
 * is atomic (under the store's internal mutex); a sequence of calls is not.
 *
 * Block layout (Int32 words): 0 mutex, 1 number of files, then MAX_FILES entries of 4 words:
 * path block, path bytes, data block (0 when empty), data bytes. Blocks come from the heap
 * allocator; a file's data block is replaced on every write.
 */
const MAX_FILES = 256;
const ENTRIES = 2;
const ENTRY_WORDS = 4;
export const FILE_STORE_BYTES = (ENTRIES + MAX_FILES * ENTRY_WORDS) * 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class FileStore {
  constructor(
    private readonly heap: Heap,
    private readonly base: number,
  ) {}

  /** The run's store, made by the page when it creates the heap. */
  static of(heap: Heap): FileStore {
    return new FileStore(heap, Atomics.load(heap.i32, H.fileStore) / 4);
  }

  read(path: string): Uint8Array | null {
    const bytes = this.locked(() => {
      const entry = this.find(path);
      if (entry < 0) return null;
      const [data, bytes] = [this.word(entry, 2), this.word(entry, 3)];
      return this.heap.u8.slice(data, data + bytes);
    });
    race?.acquire(fileKey(path)); // a read sees the writes before it, and what preceded them
    return bytes;
  }

  write(path: string, bytes: Uint8Array, append = false): void {
    race?.release(fileKey(path));
    this.locked(() => {
      let entry = this.find(path);
      if (entry < 0) entry = this.create(path);
      const [old, oldBytes] = [this.word(entry, 2), this.word(entry, 3)];
      const total = append ? oldBytes + bytes.length : bytes.length;
      const data = this.heap.alloc(Math.max(total, 1));
      if (append && old) this.heap.u8.copyWithin(data, old, old + oldBytes);
      this.heap.u8.set(bytes, data + total - bytes.length);
      this.setWord(entry, 2, data);
      this.setWord(entry, 3, total);
      if (old) this.heap.free(old);
    });
  }

  exists(path: string): boolean {
    return this.locked(() => this.find(path) >= 0);
  }

  /** Removes a file; false if there was none. */
  remove(path: string): boolean {
    return this.locked(() => {
      const entry = this.find(path);
      if (entry < 0) return false;
      for (const w of [0, 2]) if (this.word(entry, w)) this.heap.free(this.word(entry, w));
      const count = this.heap.i32[this.base + 1];
      const last = count - 1;
      for (let w = 0; w < ENTRY_WORDS; w++) this.setWord(entry, w, this.word(last, w));
      this.heap.i32[this.base + 1] = last;
      return true;
    });
  }

  list(): string[] {
    return this.locked(() => {
      const names: string[] = [];
      for (let e = 0; e < this.heap.i32[this.base + 1]; e++) names.push(this.pathOf(e));
      return names;
    });
  }

  private find(path: string): number {
    for (let e = 0; e < this.heap.i32[this.base + 1]; e++) if (this.pathOf(e) === path) return e;
    return -1;
  }

  private create(path: string): number {
    const count = this.heap.i32[this.base + 1];
    if (count >= MAX_FILES) throw new Error(`too many files (limit ${MAX_FILES})`);
    const bytes = encoder.encode(path);
    const block = this.heap.alloc(bytes.length);
    this.heap.u8.set(bytes, block);
    this.setWord(count, 0, block);
    this.setWord(count, 1, bytes.length);
    this.setWord(count, 2, 0);
    this.setWord(count, 3, 0);
    this.heap.i32[this.base + 1] = count + 1;
    return count;
  }

  private pathOf(entry: number): string {
    const at = this.word(entry, 0);
    return decoder.decode(this.heap.u8.slice(at, at + this.word(entry, 1)));
  }

  private word(entry: number, w: number): number {
    return this.heap.i32[this.base + ENTRIES + entry * ENTRY_WORDS + w];
  }

  private setWord(entry: number, w: number, value: number): void {
    this.heap.i32[this.base + ENTRIES + entry * ENTRY_WORDS + w] = value;
  }

  private locked<T>(fn: () => T): T {
    return guarded(this.heap.i32, this.base, fn);
  }
}

export function fileStore(): FileStore {
  return FileStore.of(ctx().heap);
}
