import { nowMs, scaledMs } from '../blocking';
import { ctx } from '../context';
import { TimeoutError } from '../errors';
import { repr } from '../format';
import { print } from '../globals';
import { formatTraceback } from '../traceback';
import { CancelledError } from './errors';
import { raisedHere, rebuildError } from './remote-error';
import { Empty } from '../queue/errors';
import type { Queue } from '../queue/mp-queue';
import { TaskState, type TaskTable } from './task-table';
import type { Outcome } from './worker';
import { sched } from '../sched/hooks';

/**
 * Delivers outcomes from a results queue to the futures of the process that submitted them.
 * Only that process reads the queue, whenever it waits on one of its futures.
 */
export class ResultPump {
  private readonly futures = new Map<number, Future>();
  /** Settling a future runs callbacks, which may ask done(): they must not pump again. */
  private pumping = false;

  constructor(
    readonly results: Queue<Outcome>,
    readonly table: TaskTable,
    /** Runs between waits (a Pool replaces retired workers); waits are then cut in slices. */
    private readonly between: (() => void) | null = null,
  ) {}

  track(future: Future): void {
    this.futures.set(future.taskId, future);
  }

  /** Takes every outcome already there; with `ms` > 0, waits up to that long for one first. */
  pump(ms = 0): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      this.drain(ms);
    } finally {
      this.pumping = false;
    }
  }

  private drain(ms: number): void {
    for (let wait = ms; ; wait = 0) {
      // Looked at first: most looks find nothing, and an Empty raised costs a stack trace. A
      // scheduled run still gets (a get is a scheduling point: a loop polling done() yields).
      if (wait === 0 && !sched && this.results.empty()) return;
      let outcome: Outcome;
      try {
        outcome =
          wait > 0
            ? this.results.get(true, wait === Infinity ? null : wait / scaledMs(1))
            : this.results.getNowait();
      } catch (error) {
        if (error instanceof Empty) return;
        throw error;
      }
      const future = this.futures.get(outcome.id);
      this.futures.delete(outcome.id);
      future?.settle(outcome);
    }
  }

  /** Pumps until `until()` holds or `ms` pass; false on timeout. */
  pumpUntil(until: () => boolean, ms: number): boolean {
    const deadline = ms === Infinity ? Infinity : nowMs() + ms;
    for (;;) {
      this.pump();
      if (until()) return true;
      const left = deadline - nowMs();
      if (left <= 0) return false;
      this.between?.();
      this.pump(this.between ? Math.min(left, 50) : left);
    }
  }
}

type Settled = { ok: true; value: unknown } | { ok: false; error: Error };

/** concurrent.futures.Future: the eventual result of a task submitted to an executor. */
export class Future<T = unknown> {
  private settled: Settled | null = null;
  private readonly callbacks: ((f: Future<T>) => void)[] = [];

  constructor(
    readonly taskId: number,
    /** Where its outcome comes from (the executor's results queue). */
    readonly pump: ResultPump,
  ) {
    pump.track(this as Future);
  }

  /** Cancels it if no worker has started it; true if it is (now) cancelled. */
  cancel(): boolean {
    if (this.pump.table.move(this.taskId, TaskState.Pending, TaskState.Cancelled)) {
      this.settle(null);
      return true;
    }
    return this.cancelled();
  }

  cancelled(): boolean {
    return this.pump.table.state(this.taskId) === TaskState.Cancelled;
  }

  /** A worker is running it now: false once its outcome is here (the table says so later). */
  running(): boolean {
    return !this.done() && this.pump.table.state(this.taskId) === TaskState.Running;
  }

  done(): boolean {
    if (this.settled !== null) return true;
    this.pump.pump();
    return this.settled !== null || this.cancelled();
  }

  /** The task's value; waits up to `timeout` seconds (TimeoutError); raises the task's error. */
  result(timeout: number | null = null): T {
    const outcome = this.wait(timeout);
    if (outcome.ok) return outcome.value as T;
    // Raised anew here (Python raises the same object), so the traceback shows this call.
    throw raisedHere(outcome.error);
  }

  /** The task's error (of its own type), or null if it succeeded; waits like result(). */
  exception(timeout: number | null = null): Error | null {
    const outcome = this.wait(timeout);
    return outcome.ok ? null : outcome.error;
  }

  /**
   * Calls `fn(future)` when it is done, in the submitting process; at once if it is done. A
   * callback that throws is reported on stderr and the others still run, as in Python.
   */
  addDoneCallback(fn: (f: Future<T>) => void): void {
    if (this.done()) this.call(fn);
    else this.callbacks.push(fn);
  }

  /** The outcome arrived (or null: cancelled). */
  settle(outcome: Outcome | null): void {
    if (this.settled) return;
    if (outcome === null) this.settled = { ok: false, error: new CancelledError() };
    else if (outcome.ok) this.settled = { ok: true, value: outcome.value };
    else this.settled = { ok: false, error: rebuildError(outcome.error) };
    for (const fn of this.callbacks.splice(0)) this.call(fn);
  }

  private call(fn: (f: Future<T>) => void): void {
    try {
      fn(this);
    } catch (error) {
      const traceback = formatTraceback(error, ctx().program);
      print(`exception calling callback for ${this[repr]()}\n${traceback}`, { file: 'stderr' });
    }
  }

  private wait(timeout: number | null): Settled {
    if (this.cancelled()) throw new CancelledError();
    if (!this.pump.pumpUntil(() => this.settled !== null, scaledMs(timeout))) {
      throw new TimeoutError(`the result did not come within ${timeout} s`);
    }
    return this.settled!;
  }

  [repr](): string {
    const state = this.cancelled()
      ? 'cancelled'
      : this.settled
        ? 'finished'
        : this.running()
          ? 'running'
          : 'pending';
    return `<Future state=${state}>`;
  }
}
