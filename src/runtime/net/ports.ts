import { ctx } from '../context';
import { H } from '../layout';
import { guarded } from '../sync/spin-mutex';

/**
 * The run's loopback network: which ports are bound, and the backlog queue of each listening
 * one. Block layout (Int32 words): 0 mutex, 1 next ephemeral port, 2 entries used, then
 * MAX_PORTS entries of (port, backlog queue id; 0 while bound but not listening).
 */
const MAX_PORTS = 256;
const FIRST_EPHEMERAL = 50000;
export const PORT_TABLE_BYTES = (3 + MAX_PORTS * 2) * 4;

export class OSError extends Error {
  override name = 'OSError';
  constructor(
    readonly errno: number,
    readonly strerror: string,
  ) {
    super(`[Errno ${errno}] ${strerror}`);
  }
}

export class ConnectionRefusedError extends OSError {
  override name = 'ConnectionRefusedError';
}

function table<T>(fn: (i32: Int32Array, base: number) => T): T {
  const { heap } = ctx();
  const base = heap.i32[H.portTable] / 4;
  return guarded(heap.i32, base, () => fn(heap.i32, base));
}

function find(i32: Int32Array, base: number, port: number): number {
  for (let e = 0; e < i32[base + 2]; e++) if (i32[base + 3 + e * 2] === port) return e;
  return -1;
}

/** Claims `port` (0: a free ephemeral one); OSError 98 if it is taken. */
export function bindPort(port: number): number {
  return table((i32, base) => {
    if (port === 0) port = FIRST_EPHEMERAL + i32[base + 1]++;
    if (find(i32, base, port) >= 0) throw new OSError(98, 'Address already in use');
    const e = i32[base + 2];
    if (e >= MAX_PORTS) throw new OSError(105, 'No buffer space available');
    i32[base + 3 + e * 2] = port;
    i32[base + 4 + e * 2] = 0;
    i32[base + 2] = e + 1;
    return port;
  });
}

/** A fresh ephemeral port number for a client's end (not bound: nobody connects to it). */
export function ephemeralPort(): number {
  return table((i32, base) => FIRST_EPHEMERAL + i32[base + 1]++);
}

export function setBacklog(port: number, queueId: number): void {
  table((i32, base) => {
    i32[base + 4 + find(i32, base, port) * 2] = queueId;
  });
}

/** The backlog queue id of a listening port, or 0 (ConnectionRefusedError for the caller). */
export function backlogOf(port: number): number {
  return table((i32, base) => {
    const e = find(i32, base, port);
    return e < 0 ? 0 : i32[base + 4 + e * 2];
  });
}

export function releasePort(port: number): void {
  table((i32, base) => {
    const e = find(i32, base, port);
    if (e < 0) return;
    const last = i32[base + 2] - 1;
    i32[base + 3 + e * 2] = i32[base + 3 + last * 2];
    i32[base + 4 + e * 2] = i32[base + 4 + last * 2];
    i32[base + 2] = last;
  });
}
