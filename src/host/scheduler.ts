import type { Heap } from '../runtime/heap';
import { H } from '../runtime/layout';
import { Life, W, lifeOf, slot } from '../runtime/proc-record';
import {
  CHANGES,
  GRANT,
  KIND,
  LINE,
  OBJ,
  SENT,
  STATE,
  State,
  WOKEN,
  deadlineSlot,
  entry,
  nowSlot,
  type Point,
} from '../runtime/sched/region';

/** A process waiting at a point for its turn. */
export interface ReadyProcess {
  pid: number;
  /** What it is about to do, on which shared object (0: none), at which program line. */
  kind: Point;
  obj: number;
  line: number;
}

/** Picks who runs next: a seeded strategy, a recorded schedule, or a person (step mode). */
export interface Chooser {
  /**
   * The pid to run, one of `ready` (sorted by pid); `step` counts the turns given so far. A
   * person's choice comes later (a promise); meanwhile every process stays where it is.
   */
  choose(ready: readonly ReadyProcess[], step: number): number | Promise<number>;
}

/** How long the page waits for a process to reach its next point before it looks again. */
const LOOK_MS = 50;

/**
 * The page's side of a scheduled run (runtime/sched/region.ts): gives one process the turn at
 * a time. It waits until the run is quiet, that is every live process waits at a point or is
 * blocked in a primitive whose word has not moved, and the page has every notice each sent;
 * then the chooser picks among those at a point. When none is at a point, virtual time jumps to
 * the earliest timed wait or sleep, which then ends. When none can move at all the run is
 * deadlocked (the deadlock watch reports it) or over.
 */
export class Scheduler {
  private readonly i32: Int32Array;
  private readonly region: number;
  /** Processes the page woke from a wait (time ran out) that have not yet left it. */
  private readonly waking = new Set<number>();
  /** The pids given the turn, in order: the schedule. */
  readonly turns: number[] = [];
  private stopped = false;

  constructor(
    private readonly heap: Heap,
    /** pids of the run's processes so far. */
    private readonly pids: () => Iterable<number>,
    /** Notices the page has received from `pid`'s Worker. */
    private readonly received: (pid: number) => number,
    private readonly chooser: Chooser,
  ) {
    this.i32 = heap.i32;
    this.region = heap.i32[H.sched];
  }

  /** Gives turns until the run ends (stop()). */
  async run(): Promise<void> {
    while (!this.stopped) {
      const seen = Atomics.load(this.i32, this.region / 4 + CHANGES);
      const look = this.look();
      if (look === 'unread') {
        await new Promise((resolve) => setTimeout(resolve, 0)); // its notices are on their way
      } else if (look === 'busy') {
        await this.changed(seen);
      } else if (look.ready.length > 0) {
        const pid = await this.chooser.choose(look.ready, this.turns.length);
        if (!this.stopped) this.give(pid, look.ready);
      } else if (look.timed.length > 0) {
        this.advanceTime(look.timed);
      } else {
        await this.changed(seen); // deadlocked or over: the supervisor ends the run
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Every process's state; 'busy' while any is running or on its way to a point, 'unread' while
   * the page has yet to receive notices one sent.
   */
  private look(): 'busy' | 'unread' | { ready: ReadyProcess[]; timed: number[] } {
    const { i32, region } = this;
    const ready: ReadyProcess[] = [];
    const timed: number[] = [];
    for (const pid of [...this.pids()].sort((a, b) => a - b)) {
      if (lifeOf(this.heap, pid) === Life.Done) continue;
      if (this.received(pid) < Atomics.load(i32, entry(region, pid, SENT))) return 'unread';
      const state = Atomics.load(i32, entry(region, pid, STATE));
      if (state !== State.Blocked) this.waking.delete(pid);
      if (state === State.AtPoint) {
        ready.push({
          pid,
          kind: i32[entry(region, pid, KIND)] as Point,
          obj: i32[entry(region, pid, OBJ)],
          line: i32[entry(region, pid, LINE)],
        });
      } else if (state === State.Blocked && !this.waking.has(pid) && this.stuck(pid)) {
        if (this.heap.f64[deadlineSlot(region, pid)] !== Infinity) timed.push(pid);
      } else {
        return 'busy'; // starting, running, or woken and not yet at its point
      }
    }
    return { ready, timed };
  }

  /** Whether a blocked process's word still holds what it waits on it to leave. */
  private stuck(pid: number): boolean {
    const word = Atomics.load(this.i32, slot(pid, W.waitWord));
    const value = Atomics.load(this.i32, slot(pid, W.waitValue));
    return word >= 0 && word < this.i32.length && Atomics.load(this.i32, word) === value;
  }

  private give(pid: number, ready: readonly ReadyProcess[]): void {
    if (!ready.some((r) => r.pid === pid)) throw new Error(`internal: pid ${pid} is not ready`);
    this.turns.push(pid);
    const { i32, region } = this;
    Atomics.store(i32, entry(region, pid, STATE), State.Running);
    Atomics.store(i32, entry(region, pid, GRANT), 1);
    Atomics.notify(i32, entry(region, pid, GRANT));
  }

  /**
   * Moves the virtual clock to the earliest deadline and ends the waits due then: every
   * process waiting on a due one's word wakes (as Atomics.notify does) and comes back to a point.
   */
  private advanceTime(timed: number[]): void {
    const { i32, heap, region } = this;
    const deadline = (pid: number) => heap.f64[deadlineSlot(region, pid)];
    const now = Math.min(...timed.map(deadline));
    heap.f64[nowSlot(region)] = Math.max(heap.f64[nowSlot(region)], now);
    for (const pid of timed) {
      if (deadline(pid) > now) continue;
      const word = i32[slot(pid, W.waitWord)];
      for (const other of this.pids()) {
        const blocked = Atomics.load(i32, entry(region, other, STATE)) === State.Blocked;
        if (blocked && i32[slot(other, W.waitWord)] === word) {
          this.waking.add(other);
          Atomics.store(i32, entry(region, other, WOKEN), 1);
        }
      }
      Atomics.notify(i32, word);
    }
  }

  /** Waits until a process says it stopped, or LOOK_MS. */
  private async changed(seen: number): Promise<void> {
    const wait = Atomics.waitAsync(this.i32, this.region / 4 + CHANGES, seen, LOOK_MS);
    if (wait.async) await wait.value;
  }
}
