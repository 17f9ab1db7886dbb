/**
 * Python's `threading` module. In the browser a thread is a Web Worker: truly parallel, sharing
 * no globals (shared state goes through Value/Array, queues and these primitives).
 */
import { ctx } from '../context';
import { activeChildren, currentThread, mainThread } from '../current';
import { Life, W, FLAG_THREAD, slot } from '../proc-record';
import { H, PID_BASE } from '../layout';
import type { Process } from '../process';
import { isThreadObject } from '../thread';

export * from './sync-primitives';
export { Thread, Timer } from '../thread';
export { currentThread, mainThread };
export type { ProcessOptions as ThreadOptions } from '../process';

/** This thread's identifier. */
export function getIdent(): number {
  return ctx().pid;
}

/** Threads of this process alive now, the main thread included. */
export function activeCount(): number {
  const { heap, process } = ctx();
  let count = 1;
  const seen = Atomics.load(heap.i32, H.nextProc);
  for (let pid = PID_BASE; pid < PID_BASE + seen; pid++) {
    const flags = heap.i32[slot(pid, W.flags)];
    const life = Atomics.load(heap.i32, slot(pid, W.life));
    if (
      flags & FLAG_THREAD &&
      heap.i32[slot(pid, W.process)] === process.pid &&
      life !== Life.Done &&
      life !== Life.Free
    )
      count++;
  }
  return count;
}

/**
 * The Thread objects this Worker knows alive: the current thread and the threads it started.
 * (Threads started by other threads live in other Workers, with their own objects.)
 */
export function enumerate(): Process[] {
  return [currentThread(), ...activeChildren().filter(isThreadObject)];
}
