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
/** Characters of writes past the live lines kept for the end (the newest lines come from them). */
const TAIL_CHARS = 1 << 20;

/**
 * The page's side of a run's output: counts it against the run's caps here, on the page (a
 * program can write any counter in shared memory), joins writes into lines per process and
 * stream, and hands lines on in slices of at most about SLICE_MS per page task. Past
 * `liveLines` lines it keeps the newest writes as written (TAIL_CHARS of them) and hands on
 * their newest `tailLines` lines at `finish()`, after one notice: nine million newlines cost
 * the live lines and a search back from the end for the newest lines, not nine million events
 * nor a split of a megabyte into a million strings.
 */
export class OutputGate {
  private readonly chunks: Chunk[] = [];
  /** Each process's and stream's unfinished line, as the pieces written (joined once). */
  private readonly partial = new Map<string, { line: GateLine; pieces: string[] }>();
  /** Writes past the live lines, as written (newest kept, TAIL_CHARS in all): split at the end. */
  private tail: Chunk[] = [];
  private tailChars = 0;
  /** Some of the tail was dropped. */
  private tailCut = false;
  private bytes = 0;
  private lines = 0;
  private scheduled = false;
  private finishing: (() => void) | null = null;

  constructor(
    private readonly limits: GateLimits,
    private readonly emit: (line: GateLine) => void,
    /** Runs `task` in a later page task (tests may pass their own). */
    private readonly later: (task: () => void) => void = (task) => setTimeout(task, 0),
    /** The clock that bounds a slice (tests may pass their own). */
    private readonly now: () => number = () => performance.now(),
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
    const until = this.now() + SLICE_MS;
    while (this.chunks.length && this.now() < until) this.take(this.chunks.shift()!, until);
    if (this.chunks.length) return this.schedule();
    const done = this.finishing;
    if (!done) return;
    this.finishing = () => {};
    // One task: it splits only the newest `tailLines` lines (newestTail), and handing them on
    // in slices would let the console redraw between slices, delaying the end.
    const { lines, cut } = this.tailLines();
    if (cut) {
      const notice = `[earlier lines of output not shown: past ${this.limits.liveLines} lines a run keeps only the newest ${this.limits.tailLines}]`;
      this.emit({ pid: lines[0]?.pid ?? 0, stream: 'stderr', text: notice });
    }
    for (const line of lines) this.emit(line);
    this.tail = [];
    done();
  }

  /** Splits one write into lines; out of time, puts the rest back first in line. */
  private take(chunk: Chunk, until: number): void {
    const key = `${chunk.pid}:${chunk.stream}`;
    if (this.lines >= this.limits.liveLines) return this.keepTail(chunk);
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
      if (n % 256 === 0 && this.now() > until) {
        this.chunks.unshift({ ...chunk, text: text.slice(start) });
        return;
      }
      this.line({ ...chunk, text: text.slice(start, end) });
      start = end + 1;
    }
    if (this.lines >= this.limits.liveLines) {
      // The rest, and every unfinished line, goes to the tail as written.
      for (const [other, { line, pieces }] of this.partial) {
        this.partial.delete(other);
        this.keepTail({ ...line, text: pieces.join('') });
      }
      this.keepTail({ ...chunk, text: text.slice(start) });
      return;
    }
    if (start < text.length) this.partial.set(key, { line: chunk, pieces: [text.slice(start)] });
  }

  private line(line: GateLine): void {
    this.lines++;
    this.emit(line);
  }

  /** Keeps a write past the live lines; the oldest go once the tail holds TAIL_CHARS. */
  private keepTail(chunk: Chunk): void {
    if (chunk.text.length > TAIL_CHARS) {
      chunk = { ...chunk, text: chunk.text.slice(-TAIL_CHARS) };
      this.tailCut = true;
    }
    this.tail.push(chunk);
    this.tailChars += chunk.text.length;
    while (this.tailChars - this.tail[0].text.length >= TAIL_CHARS) {
      this.tailChars -= this.tail.shift()!.text.length;
      this.tailCut = true;
    }
  }

  /**
   * The tail from the start of its newest `tailLines` lines on, found by a search back from
   * its end: older writes, and the lines of a write before those, are cut off (in one
   * stream's output that is exact; a line another process began before is cut at its start).
   */
  private newestTail(): Chunk[] {
    let wanted = this.limits.tailLines;
    for (let k = this.tail.length - 1; k >= 0; k--) {
      const { from, lineEnds } = newestLines(this.tail[k].text, wanted);
      wanted -= lineEnds;
      if (from === 0) continue;
      this.tailCut = true;
      return [{ ...this.tail[k], text: this.tail[k].text.slice(from) }, ...this.tail.slice(k + 1)];
    }
    return this.tail;
  }

  /** The tail's lines, joined per process and stream, the newest `tailLines` of them. */
  private tailLines(): { lines: GateLine[]; cut: boolean } {
    const lines: GateLine[] = [];
    const open = new Map<string, GateLine>();
    for (const chunk of this.newestTail()) {
      for (const stream of chunk.ends ? (['stdout', 'stderr'] as const) : []) {
        const rest = open.get(`${chunk.pid}:${stream}`);
        open.delete(`${chunk.pid}:${stream}`);
        if (rest) lines.push(rest);
      }
      if (chunk.ends) continue;
      const key = `${chunk.pid}:${chunk.stream}`;
      const parts = chunk.text.split('\n');
      parts[0] = (open.get(key)?.text ?? '') + parts[0];
      const rest = parts.pop()!;
      for (const text of parts)
        lines.push({ pid: chunk.pid, stream: chunk.stream, text, at: chunk.at });
      if (rest) open.set(key, { pid: chunk.pid, stream: chunk.stream, text: rest });
      else open.delete(key);
    }
    lines.push(...open.values());
    const cut = this.tailCut || lines.length > this.limits.tailLines;
    return { lines: lines.slice(-this.limits.tailLines), cut };
  }
}

/**
 * Where the newest `count` lines of `text` start (after the line end before them; 0 when it
 * has no more), and how many line ends follow: a search back from the end, which stops there.
 */
function newestLines(text: string, count: number): { from: number; lineEnds: number } {
  let lineEnds = 0;
  for (let end = text.lastIndexOf('\n'); end >= 0; lineEnds++) {
    if (lineEnds === count) return { from: end + 1, lineEnds };
    end = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
  }
  return { from: 0, lineEnds };
}
