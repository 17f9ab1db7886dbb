import { scaledMs } from '../blocking';
import { repr } from '../format';
import { ObjectKind, registerShared, sharedById } from '../sync/objects';
import { registerHandleKind, toHandle } from '../transfer';
import { holdOpen, released } from '../at-exit';
import { Queue, NO_READERS, NO_WRITERS, READERS, WRITERS } from './mp-queue';

/**
 * One direction of a pipe: a Queue whose ends close when the last process holding them closes
 * its copy (like file descriptors): then the reader gets EOFError, the writer BrokenPipeError.
 */
export class Channel extends Queue {
  static override readonly kind: ObjectKind = ObjectKind.Channel;
  static override readonly closable = true;

  constructor() {
    super();
    this.heap.i32[this.base + WRITERS] = 1;
    this.heap.i32[this.base + READERS] = 1;
  }

  /** One more process holds the writing (or reading) end. */
  retain(end: 'writing' | 'reading'): void {
    Atomics.add(this.heap.i32, this.base + (end === 'writing' ? WRITERS : READERS), 1);
  }

  /** One process fewer holds it; the last one closes it. */
  release(end: 'writing' | 'reading'): void {
    const word = end === 'writing' ? WRITERS : READERS;
    if (Atomics.sub(this.heap.i32, this.base + word, 1) === 1) {
      this.closeEnd(end === 'writing' ? NO_WRITERS : NO_READERS);
    }
  }

  poll(ms: number): boolean {
    return this.readable(ms);
  }
}
registerShared(Channel.kind, Channel);

/**
 * multiprocessing.Connection: one end of a Pipe. It reads from one Channel and writes to the
 * other (a one-way pipe's ends have only one of them). It travels to a child as the ids of
 * its channels.
 */
export class Connection<T = unknown> {
  private closed = false;

  constructor(
    private readonly input: Channel | null,
    private readonly output: Channel | null,
  ) {
    holdOpen(this);
  }

  get readable(): boolean {
    return this.input !== null;
  }
  get writable(): boolean {
    return this.output !== null;
  }

  send(obj: T): void {
    this.checkOpen();
    if (!this.output) throw new OSError('connection is read-only');
    this.output.put(obj);
  }

  /** The next object sent from the other end; EOFError once it is closed and all was read. */
  recv(): T {
    this.checkOpen();
    if (!this.input) throw new OSError('connection is write-only');
    return this.input.get() as T;
  }

  /** Whether recv() would not block, waiting up to `timeout` seconds (0: just look; null: for ever). */
  poll(timeout: number | null = 0): boolean {
    this.checkOpen();
    if (!this.input) throw new OSError('connection is write-only');
    return this.input.poll(timeout === 0 ? 0 : scaledMs(timeout));
  }

  /** Closes this end: the other end's recv then ends with EOFError, its send with BrokenPipeError. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    released(this);
    this.output?.release('writing');
    this.input?.release('reading');
  }

  get closedEnd(): boolean {
    return this.closed;
  }

  /** Sent to a child: the child holds its own copy of each end. */
  [toHandle]() {
    this.checkOpen();
    this.input?.retain('reading');
    this.output?.retain('writing');
    return {
      kind: 'connection',
      data: { input: this.input?.id ?? 0, output: this.output?.id ?? 0 },
    };
  }

  [repr](): string {
    return `<Connection ${this.readable ? 'r' : ''}${this.writable ? 'w' : ''}${this.closed ? ' closed' : ''}>`;
  }

  /** String(connection) and template strings read as print does. */
  toString(): string {
    return this[repr]();
  }

  private checkOpen(): void {
    if (this.closed) throw new OSError('handle is closed');
  }
}

export class OSError extends Error {
  override name = 'OSError';
}

registerHandleKind('connection', (data) => {
  const { input, output } = data as { input: number; output: number };
  const channel = (id: number) => (id ? (sharedById(id) as Channel) : null);
  return new Connection(channel(input), channel(output));
});

/** Python's Pipe(duplex=True): two connected ends; one-way when `duplex` is false (recv end first). */
export function Pipe<T = unknown>(duplex = true): [Connection<T>, Connection<T>] {
  const a = new Channel();
  if (!duplex) return [new Connection<T>(a, null), new Connection<T>(null, a)];
  const b = new Channel();
  return [new Connection<T>(a, b), new Connection<T>(b, a)];
}
