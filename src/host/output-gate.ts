import type { Stream } from '../runtime/protocol';

/** One finished line of a process's output. `at`: when the write that ended it was made. */
export interface GateLine {
  pid: number;
  stream: Stream;
  text: string;
  at?: number;
}

export interface GateLimits {
  /** Characters of output kept per run (the rest is dropped with one notice). */
  bytes: number;
  /** Lines handed on as they come; past them only the newest `tailLines` are kept, for the end. */
  liveLines: number;
  tailLines: number;
}

/** A write waiting to be split, or (`ends`) the mark that its process ended. */
type Chunk = GateLine & { ends?: boolean };

/** Work done per page task before the gate yields, so a flood never freezes the page. */
const SLICE_MS = 8;
/** Characters of lines past the live ones counted at once (a few ms). */
const TAIL_SLICE = 1 << 18;

/**
 * The page's side of a run's output: counts it against the run's caps here, on the page (a
 * program can write any counter in shared memory), joins writes into lines per process and
 * stream, and hands lines on in slices of at most about SLICE_MS per page task. Past
 * `liveLines` lines it keeps only the newest `tailLines`, handed on by `finish()` after one
 * notice saying how many were left out: nine million newlines cost a counting loop, not nine
 * million events.
 */
export class OutputGate {
  private readonly chunks: Chunk[] = [];
  /** Each process's and stream's unfinished line, as the pieces written (joined once). */
  private readonly partial = new Map<string, { line: GateLine; pieces: string[] }>();
  private tail: GateLine[] = [];
  /** Lines that went to the tail, kept or not. */
  private tailSeen = 0;
  private bytes = 0;
  private lines = 0;
  private scheduled = false;
  private finishing: (() => void) | null = null;

  constructor(
    private readonly limits: GateLimits,
    private readonly emit: (line: GateLine) => void,
    /** Runs `task` in a later page task (tests may pass their own). */
    private readonly later: (task: () => void) => void = (task) => setTimeout(task, 0),
  ) {}

  /** A write of a process; over the byte cap it is cut, and one notice says so. */
  write(pid: number, stream: Stream, text: string, at?: number): void {
    if (this.finishing || text === '' || this.bytes > this.limits.bytes) return;
    const room = this.limits.bytes - this.bytes;
    this.bytes += text.length;
    if (text.length > room) {
      const mb = this.limits.bytes / 1024 / 1024;
      text = `${text.slice(0, room)}\n[output truncated: more than ${mb} MB]\n`;
      this.bytes = this.limits.bytes + 1;
    }
    this.chunks.push({ pid, stream, text, at });
    this.schedule();
  }

  /** Hands on `pid`'s unfinished lines (a process that ended mid-line), after its writes. */
  endOf(pid: number): void {
    this.chunks.push({ pid, stream: 'stdout', text: '', ends: true });
    this.schedule();
  }

  /** No more writes: hands on what is left, in slices, then the tail; then calls `done`. */
  finish(done: () => void): void {
    if (this.finishing) return;
    for (const { line } of this.partial.values()) this.endOf(line.pid);
    this.finishing = done;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    const until = performance.now() + SLICE_MS;
    while (this.chunks.length && performance.now() < until) this.take(this.chunks.shift()!, until);
    if (this.chunks.length) return this.schedule();
    const done = this.finishing;
    if (!done) return;
    this.finishing = () => {};
    this.trimTail();
    if (this.tailSeen > this.tail.length) {
      const notice = `[${this.tailSeen - this.tail.length} lines of output not shown: past ${this.limits.liveLines} lines a run keeps only the newest ${this.limits.tailLines}]`;
      this.emit({ pid: this.tail[0].pid, stream: 'stderr', text: notice });
    }
    for (const line of this.tail) this.emit(line);
    this.tail = [];
    done();
  }

  /** Splits one write into lines; out of time, puts the rest back first in line. */
  private take(chunk: Chunk, until: number): void {
    const key = `${chunk.pid}:${chunk.stream}`;
    if (chunk.ends) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const rest = this.partial.get(`${chunk.pid}:${stream}`);
        this.partial.delete(`${chunk.pid}:${stream}`);
        if (rest) this.line({ ...rest.line, text: rest.pieces.join(''), at: undefined });
      }
      return;
    }
    const open = this.partial.get(key);
    if (!chunk.text.includes('\n')) {
      // No line ends here: keep the piece, never re-scan the growing line.
      if (open) open.pieces.push(chunk.text);
      else this.partial.set(key, { line: chunk, pieces: [chunk.text] });
      return;
    }
    this.partial.delete(key);
    const text = open ? open.pieces.join('') + chunk.text : chunk.text;
    let start = 0;
    for (let n = 1; this.lines < this.limits.liveLines; n++) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      if (n % 256 === 0 && performance.now() > until) {
        this.chunks.unshift({ ...chunk, text: text.slice(start) });
        return;
      }
      this.line({ ...chunk, text: text.slice(start, end) });
      start = end + 1;
    }
    const last = text.lastIndexOf('\n');
    if (start <= last) {
      // Past the live lines: counted TAIL_SLICE characters at a time, the rest put back.
      let stop = last;
      if (last - start > TAIL_SLICE) {
        stop = text.lastIndexOf('\n', start + TAIL_SLICE);
        if (stop < start) stop = text.indexOf('\n', start + TAIL_SLICE);
      }
      this.keepTail(chunk, text, start, stop);
      if (stop < last) {
        this.chunks.unshift({ ...chunk, text: text.slice(stop + 1) });
        return;
      }
      start = last + 1;
    }
    if (start < text.length) this.partial.set(key, { line: chunk, pieces: [text.slice(start)] });
  }

  private line(line: GateLine): void {
    if (this.lines < this.limits.liveLines) {
      this.lines++;
      this.emit(line);
      return;
    }
    this.tail.push(line);
    this.tailSeen++;
    if (this.tail.length >= 2 * this.limits.tailLines) this.trimTail();
  }

  private trimTail(): void {
    const extra = this.tail.length - this.limits.tailLines;
    if (extra > 0) this.tail.splice(0, extra);
  }

  /**
   * The lines of text[start..last] past the live ones: counted with a plain loop (no array of
   * millions of strings), and only the newest `tailLines` cut out.
   */
  private keepTail(chunk: GateLine, text: string, start: number, last: number): void {
    let count = 0;
    for (let i = start; i <= last; i++) if (text.charCodeAt(i) === 10) count++;
    const kept = Math.min(count, this.limits.tailLines);
    // `from` ends as the newline before the first kept line (start - 1 when all are kept).
    let from = last;
    for (let n = 0; n < kept; n++) from = text.lastIndexOf('\n', from - 1);
    if (kept === count) from = start - 1;
    this.tailSeen += count - kept;
    for (const line of text.slice(from + 1, last).split('\n')) this.line({ ...chunk, text: line });
  }
}
