import { notify } from './channel';
import { ctx } from './context';
import type { Heap } from './heap';
import { H, MAX_LIVE, MAX_PROCS, PID_BASE } from './layout';
import { FLAG_DAEMON, FLAG_THREAD, Life, W, slot } from './proc-record';
import type { SpawnRequest } from './protocol';
import { RuntimeError } from './errors';
import { race } from './race/hooks';
import { startKey } from './race/region';
import { allocTraceRing } from './trace';
import { sched } from './sched/hooks';
import { Point } from './sched/region';

/**
 * Gives a new child a pid and a record in the shared heap, then asks the page to start its
 * Worker. Returns at once with the pid: the child is alive (Ready) from here on, as in Python,
 * where start() returns before the child has run a line.
 */
export function spawnChild(req: Omit<SpawnRequest, 'pid' | 'process'>): number {
  sched?.point(Point.Start);
  const { heap, pid: ppid, process: owner } = ctx();
  if (Atomics.add(heap.i32, H.live, 1) >= MAX_LIVE) {
    Atomics.sub(heap.i32, H.live, 1);
    throw new RuntimeError(`too many processes (limit ${MAX_LIVE} live processes per run)`);
  }
  const index = Atomics.add(heap.i32, H.nextProc, 1);
  if (index >= MAX_PROCS) {
    Atomics.sub(heap.i32, H.live, 1);
    throw new RuntimeError(`too many processes (limit ${MAX_PROCS} per run)`);
  }
  const pid = PID_BASE + index;
  // A thread belongs to its creator's process; a process to itself.
  const process = req.kind === 'thread' ? owner : { pid, ppid, name: req.name };
  const flags = (req.daemon ? FLAG_DAEMON : 0) | (req.kind === 'thread' ? FLAG_THREAD : 0);
  initRecord(heap, pid, ppid, flags, process.pid);
  race?.release(startKey(pid));
  notify({ t: 'spawn', from: ppid, req: { ...req, pid, process } });
  return pid;
}

/** Fills a fresh record; shared with the page, which makes the main process's record. */
export function initRecord(
  heap: Heap,
  pid: number,
  ppid: number,
  flags: number,
  process: number,
): void {
  heap.i32[slot(pid, W.process)] = process;
  heap.i32[slot(pid, W.ppid)] = ppid;
  heap.i32[slot(pid, W.flags)] = flags;
  heap.i32[slot(pid, W.trace)] = allocTraceRing(heap);
  Atomics.store(heap.i32, slot(pid, W.life), Life.Ready);
}
