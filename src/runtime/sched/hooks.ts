import type { Point } from './region';
import { perProcess } from '../process-state';

/**
 * Where the runtime yields to the scheduler in step, explore and replay modes (region.ts).
 * `sched` is null when the run runs freely, so each call site costs one check of a null.
 */
export interface SchedHooks {
  /** Waits for the turn before doing `kind` (on shared object `obj`, 0: none). */
  point(kind: Point, obj?: number): void;
  /** A shared read or write: a point only with fine steps. */
  access(write: boolean, obj: number): void;
  /** About to Atomics.wait in a primitive, for `ms` virtual ms at most (Infinity: no limit). */
  blocking(ms: number): void;
  /** Whether the page has ended that wait (virtual time ran out). */
  readonly endedByPage: boolean;
  /** Back from that wait: waits for the turn; true when the wait's virtual time ran out. */
  woke(): boolean;
  /**
   * This process has ended and sends its exit notice next: the page need not wait for its next
   * point. Its last write to the heap: once the page has the notice it may reuse the heap.
   */
  ended(): void;
  /** The run's virtual clock, in ms. */
  now(): number;
  /** The seed of this process's `random`. */
  readonly seed: number;
}

export let sched: SchedHooks | null = null;
perProcess(() => (sched = null));

export function setSchedHooks(hooks: SchedHooks): void {
  sched = hooks;
}
