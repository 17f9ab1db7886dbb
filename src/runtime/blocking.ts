import { ctx } from './context';
import { flushOutput } from './output';
import { Activity, W, slot } from './proc-record';
import { sched } from './sched/hooks';
import { Point } from './sched/region';
import { trace, TraceKind } from './trace';

export type WaitResult = 'ok' | 'not-equal' | 'timed-out';

/** How often a wait in a scheduled run looks whether the page has ended it. */
const SCHED_LOOK_MS = 20;

/** Seconds (Python's unit) to this run's milliseconds, with --time-scale applied. */
export function scaledMs(seconds: number | null | undefined): number {
  if (seconds === null || seconds === undefined || seconds < 0) return Infinity;
  return seconds * 1000 * ctx().heap.timeScale;
}

/**
 * Atomics.wait on heap word `index` while it holds `expected`, for at most `ms`, telling the
 * supervisor (process record) and the timeline (trace) what this process is waiting on. In a
 * scheduled run, a change of the word to a value `waitsThrough` accepts is no step of this
 * process: the wait goes on at once with that value (a child beginning wakes a parent joining
 * it, which has nothing to do but wait on).
 */
export function waitOn(
  index: number,
  expected: number,
  ms: number,
  waitObj: number,
  activity: Activity = ms === Infinity ? Activity.Blocked : Activity.BlockedTimed,
  waitsThrough: (value: number) => boolean = () => false,
): WaitResult {
  const { heap, pid } = ctx();
  flushOutput(); // output held back by a flood goes before the process blocks
  // What it waits for, so the deadlock watch can tell a waiter already woken but not yet
  // scheduled (its word has changed) from one that is stuck.
  Atomics.store(heap.i32, slot(pid, W.waitWord), index);
  Atomics.store(heap.i32, slot(pid, W.waitValue), expected);
  setActivity(activity, waitObj);
  let result: WaitResult = 'ok';
  try {
    if (sched) {
      // Scheduled: the page ends the wait (virtual time), then the turn comes back.
      const until = nowMs() + ms;
      sched.blocking(ms);
      for (let value = expected; ;) {
        // The page may end the wait before it begins (its notify then finds no waiter): look.
        while (
          Atomics.wait(heap.i32, index, value, SCHED_LOOK_MS) === 'timed-out' &&
          !sched.endedByPage
        );
        value = Atomics.load(heap.i32, index);
        if (sched.endedByPage || !waitsThrough(value)) break;
        Atomics.store(heap.i32, slot(pid, W.waitValue), value);
        sched.blocking(until - nowMs());
      }
      result = sched.woke() ? 'timed-out' : 'ok';
    } else {
      result = Atomics.wait(heap.i32, index, expected, ms);
    }
    return result;
  } finally {
    if (result === 'timed-out' && activity === Activity.BlockedTimed)
      trace(TraceKind.TimedOut, waitObj);
    setActivity(Activity.Running, 0);
  }
}

function setActivity(activity: Activity, waitObj: number): void {
  const { heap, pid } = ctx();
  Atomics.store(heap.i32, slot(pid, W.waitObj), waitObj);
  Atomics.store(heap.i32, slot(pid, W.activity), activity);
  Atomics.add(heap.i32, slot(pid, W.seq), 1);
  trace(activity as TraceKind, waitObj);
}

/** Blocks this process for `ms` milliseconds (time scale already applied). */
export function sleepMs(ms: number): void {
  const { pid } = ctx();
  sched?.point(Point.Sleep);
  const deadline = nowMs() + ms;
  for (let left = ms; left > 0; left = deadline - nowMs()) {
    waitOn(slot(pid, W.sleepWord), 0, left, 0, Activity.Sleeping);
  }
}

/** Milliseconds left until `deadline` (nowMs based), Infinity for none. */
export function remaining(deadline: number): number {
  return deadline === Infinity ? Infinity : Math.max(0, deadline - nowMs());
}

/**
 * The clock that deadlines and timeouts are measured on, in ms: the wall clock, or in a
 * scheduled run the run's virtual clock (sched/region.ts), which waits advance.
 */
export function nowMs(): number {
  return sched ? sched.now() : performance.now();
}
