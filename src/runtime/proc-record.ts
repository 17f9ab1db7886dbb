import type { Heap } from './heap';
import { ARENA, H, MAX_PROCS, PID_BASE, PROC_BYTES, PROC_TABLE } from './layout';

/**
 * One process's record in the shared heap: 16 Int32 words at PROC_TABLE + index * 64.
 *
 *   word  name       written by                 meaning
 *   0     life       owner, supervisor (CAS)    Life below; waiters on join wait on this word
 *   1     exitCode   whoever won life -> EXITING
 *   2     ppid       parent, before spawn
 *   3     guard      owner (+/-1), supervisor   kill guard: critical-section depth | KILL_FLAG
 *   4     activity   owner                      Activity below
 *   5     waitObj    owner                      object id (or pid, for join) it waits on
 *   6     seq        owner                      bumped on every activity change
 *   7     trace      parent, before spawn       byte offset of this process's trace ring
 *   8     traceHead  owner                      trace events written so far
 *   9     sleepWord  nobody                      a private word to Atomics.wait on for sleep()
 *   10    flags      parent, before spawn       FLAG_DAEMON | FLAG_THREAD
 *   11    wake       owner (0), a granter (1)   hand-off word: a queued waiter waits on it (wait-queue.ts)
 *   12    process    parent, before spawn       pid of the process it belongs to (itself, or a thread's)
 *   13    waitWord   owner                      heap word index it Atomics.waits on (when blocked)
 *   14    waitValue  owner                      the value it waits on that word to leave
 *   15    name       owner, at its start        byte offset of its name: a length byte, then UTF-8
 */
export const Life = { Free: 0, Ready: 1, Running: 2, Exiting: 3, Done: 4 } as const;
export type Life = (typeof Life)[keyof typeof Life];

export const Activity = {
  Running: 0,
  /** Waiting with no timeout: only another process can wake it. */
  Blocked: 1,
  /** Waiting with a timeout. */
  BlockedTimed: 2,
  Sleeping: 3,
} as const;
export type Activity = (typeof Activity)[keyof typeof Activity];

export const W = {
  life: 0,
  exitCode: 1,
  ppid: 2,
  guard: 3,
  activity: 4,
  waitObj: 5,
  seq: 6,
  trace: 7,
  traceHead: 8,
  sleepWord: 9,
  flags: 10,
  wake: 11,
  process: 12,
  waitWord: 13,
  waitValue: 14,
  name: 15,
} as const;

export const FLAG_DAEMON = 1;
export const FLAG_THREAD = 2;

/** Index of word `w` of process `pid` in an Int32Array over the heap. */
export function slot(pid: number, w: number): number {
  const index = pid - PID_BASE;
  if (index < 0 || index >= MAX_PROCS) throw new RangeError(`no process with pid ${pid}`);
  return (PROC_TABLE + index * PROC_BYTES) / 4 + w;
}

export function lifeOf(heap: Heap, pid: number): Life {
  return Atomics.load(heap.i32, slot(pid, W.life)) as Life;
}

export function isAliveLife(life: Life): boolean {
  return life === Life.Ready || life === Life.Running || life === Life.Exiting;
}

/**
 * Ends a process's life once: whoever moves it Ready/Running -> Exiting (the process itself on
 * a normal end, the supervisor on a kill) writes the exit code. Returns false if it had ended.
 */
export function finishLife(heap: Heap, pid: number, exitCode: number): boolean {
  const i = slot(pid, W.life);
  for (;;) {
    const life = Atomics.load(heap.i32, i);
    if (life !== Life.Ready && life !== Life.Running) return false;
    if (Atomics.compareExchange(heap.i32, i, life, Life.Exiting) === life) break;
  }
  Atomics.store(heap.i32, slot(pid, W.exitCode), exitCode);
  Atomics.store(heap.i32, i, Life.Done);
  Atomics.notify(heap.i32, i);
  Atomics.sub(heap.i32, H.live, 1);
  return true;
}

/** Bytes of a name block: a length byte and up to 63 bytes of UTF-8. */
const NAME_BYTES = 64;

/** Puts a process's name where other processes' error messages can read it. */
export function writeProcessName(heap: Heap, pid: number, name: string): void {
  const bytes = new TextEncoder().encode(name).subarray(0, NAME_BYTES - 1);
  const at = heap.alloc(NAME_BYTES);
  heap.u8[at] = bytes.length;
  heap.u8.set(bytes, at + 1);
  Atomics.store(heap.i32, slot(pid, W.name), at);
}

/** The name process `pid` wrote at its start; null if it has none (or its word is not sane). */
export function processName(heap: Heap, pid: number): string | null {
  const at = Atomics.load(heap.i32, slot(pid, W.name));
  if (at < ARENA || at + NAME_BYTES > heap.u8.length) return null;
  const length = Math.min(heap.u8[at], NAME_BYTES - 1);
  return new TextDecoder().decode(heap.u8.slice(at + 1, at + 1 + length));
}
