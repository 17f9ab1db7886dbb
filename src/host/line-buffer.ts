/**
 * Joins a process's writes into whole lines (print with `end: ''` writes part of one), per
 * process and stream, and hands each finished line on.
 */
export class LineBuffer<K> {
  private readonly pending = new Map<K, string>();

  /** `at` is when the write that finished the line was made (absent when flushed at the end). */
  constructor(private readonly emit: (key: K, line: string, at?: number) => void) {}

  write(key: K, text: string, at?: number): void {
    const lines = ((this.pending.get(key) ?? '') + text).split('\n');
    const rest = lines.pop()!;
    for (const line of lines) this.emit(key, line, at);
    if (rest === '') this.pending.delete(key);
    else this.pending.set(key, rest);
  }

  /** Emits what is left of the keys `matching` selects (a process that ended mid-line). */
  flush(matching: (key: K) => boolean = () => true): void {
    for (const [key, rest] of this.pending) {
      if (!matching(key)) continue;
      this.pending.delete(key);
      this.emit(key, rest);
    }
  }
}
