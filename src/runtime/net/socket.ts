import { holdOpen, released } from '../at-exit';
import { repr } from '../format';
import { EOFError } from '../queue/errors';
import { Channel } from '../queue/pipe';
import { sharedById } from '../sync/objects';
import { registerHandleKind, toHandle } from '../transfer';
import { Queue } from '../queue/mp-queue';
import {
  OSError,
  ConnectionRefusedError,
  backlogOf,
  bindPort,
  ephemeralPort,
  releasePort,
  setBacklog,
} from './ports';

/**
 * Python's socket module over the run's in-page loopback network: no packet leaves the page.
 * A connection is two pipe Channels (one per direction) in the shared heap; `connect` puts
 * them on the listening port's backlog queue and `accept` takes them. Streams of bytes:
 * `recv(n)` returns at most n bytes, keeping the rest for the next call, and an empty array
 * once the peer has closed. Sockets can be passed to child processes, as the echo server's
 * one-process-per-connection does.
 */
export const AF_INET = 2;
export const SOCK_STREAM = 1;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;

export type Address = [string, number];

interface Pending {
  c2s: number;
  s2c: number;
  peer: Address;
}

type State = 'new' | 'bound' | 'listening' | 'connected' | 'closed';
const LOOPBACK = new Set(['', '0.0.0.0', '127.0.0.1', 'localhost']);
const NOTHING = new Uint8Array(0);

export class Socket implements Disposable {
  private state: State = 'new';
  private local: Address | null = null;
  private peer: Address | null = null;
  private backlog: Queue<Pending> | null = null;
  private input: Channel | null = null;
  private output: Channel | null = null;
  /** Bytes received and not yet returned by recv. */
  private unread: Uint8Array = NOTHING;

  constructor(family = AF_INET, type = SOCK_STREAM) {
    if (family !== AF_INET || type !== SOCK_STREAM) {
      throw new OSError(97, 'only AF_INET SOCK_STREAM sockets exist in the playground');
    }
  }

  /** Accepted and ignored (SO_REUSEADDR and the like mean nothing on the in-page network). */
  setsockopt(_level: number, _option: number, _value: number): void {}

  bind([host, port]: Address): void {
    this.expect('new');
    checkHost(host);
    this.local = [host || '0.0.0.0', bindPort(port)];
    this.state = 'bound';
  }

  listen(backlog = 128): void {
    this.expect('bound');
    this.backlog = new Queue<Pending>(Math.max(0, backlog));
    setBacklog(this.local![1], this.backlog.id);
    this.state = 'listening';
    holdOpen(this);
  }

  /** Waits for a connection: [a socket connected to the client, the client's address]. */
  accept(): [Socket, Address] {
    this.expect('listening');
    const { c2s, s2c, peer } = this.backlog!.get();
    const conn = Socket.connected(
      this.local!,
      peer,
      sharedById(c2s) as Channel,
      sharedById(s2c) as Channel,
    );
    return [conn, peer];
  }

  connect([host, port]: Address): void {
    this.expect('new');
    checkHost(host);
    const backlog = backlogOf(port);
    if (backlog === 0) throw new ConnectionRefusedError(111, 'Connection refused');
    const [c2s, s2c] = [new Channel(), new Channel()];
    const local: Address = ['127.0.0.1', ephemeralPort()];
    (sharedById(backlog) as Queue<Pending>).put({ c2s: c2s.id, s2c: s2c.id, peer: local });
    this.become(local, ['127.0.0.1', port], s2c, c2s);
  }

  /** Sends bytes (a string is sent as UTF-8); returns how many. */
  send(data: string | Uint8Array): number {
    this.expect('connected');
    const bytes = typeof data === 'string' ? encode(data) : data;
    this.output!.put(bytes);
    return bytes.length;
  }

  sendall(data: string | Uint8Array): void {
    this.send(data);
  }

  /** Up to `bufsize` bytes, waiting for some; an empty array when the peer has closed. */
  recv(bufsize: number): Uint8Array {
    this.expect('connected');
    if (this.unread.length === 0) {
      try {
        this.unread = this.input!.get() as Uint8Array;
      } catch (error) {
        if (error instanceof EOFError) return NOTHING;
        throw error;
      }
    }
    const chunk = this.unread.subarray(0, bufsize);
    this.unread = this.unread.subarray(chunk.length);
    return chunk;
  }

  getsockname(): Address {
    if (!this.local) throw new OSError(22, 'Invalid argument');
    return this.local;
  }

  getpeername(): Address {
    if (!this.peer) throw new OSError(107, 'Transport endpoint is not connected');
    return this.peer;
  }

  close(): void {
    if (this.state === 'listening') releasePort(this.local![1]);
    if (this.state === 'connected') {
      this.output!.release('writing');
      this.input!.release('reading');
    }
    this.state = 'closed';
    released(this);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** Sent to a child: the child holds its own copy of the connection's ends. */
  [toHandle]() {
    if (this.state === 'connected') {
      this.input!.retain('reading');
      this.output!.retain('writing');
    }
    const { state, local, peer, unread } = this;
    const channels = {
      input: this.input?.id ?? 0,
      output: this.output?.id ?? 0,
      backlog: this.backlog?.id ?? 0,
    };
    return { kind: 'socket', data: { state, local, peer, unread, ...channels } };
  }

  [repr](): string {
    const where = this.local ? ` laddr=('${this.local[0]}', ${this.local[1]})` : '';
    const to = this.peer ? ` raddr=('${this.peer[0]}', ${this.peer[1]})` : '';
    return `<socket ${this.state}${where}${to}>`;
  }

  static connected(local: Address, peer: Address, input: Channel, output: Channel): Socket {
    const socket = new Socket();
    socket.become(local, peer, input, output);
    return socket;
  }

  private become(local: Address, peer: Address, input: Channel, output: Channel): void {
    Object.assign(this, { local, peer, input, output, state: 'connected' });
    holdOpen(this);
  }

  private expect(state: State): void {
    if (this.state === state) return;
    if (this.state === 'closed') throw new OSError(9, 'Bad file descriptor');
    throw new OSError(22, `Invalid argument: the socket is ${this.state}, not ${state}`);
  }
}

registerHandleKind('socket', (data) => {
  const d = data as {
    state: State;
    local: Address | null;
    peer: Address | null;
    unread: Uint8Array;
    input: number;
    output: number;
    backlog: number;
  };
  const socket = new Socket();
  if (d.state === 'connected') {
    return Object.assign(
      Socket.connected(
        d.local!,
        d.peer!,
        sharedById(d.input) as Channel,
        sharedById(d.output) as Channel,
      ),
      {
        unread: d.unread,
      },
    );
  }
  Object.assign(socket, {
    state: d.state,
    local: d.local,
    backlog: d.backlog ? sharedById(d.backlog) : null,
  });
  if (d.state === 'listening') holdOpen(socket);
  return socket;
});

/** Python's socket.socket(family, type). */
export function socket(family = AF_INET, type = SOCK_STREAM): Socket {
  return new Socket(family, type);
}

function checkHost(host: string): void {
  if (!LOOPBACK.has(host))
    throw new OSError(
      99,
      `Cannot assign requested address: '${host}' (the playground's network is loopback only)`,
    );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Python's str.encode(): text to UTF-8 bytes. */
export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Python's bytes.decode(): UTF-8 bytes to text. */
export function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export { OSError, ConnectionRefusedError };
