import { sentCount } from '../channel';
import type { Heap } from '../heap';
import { flushOutput } from '../output';
import { H } from '../layout';
import { programLine } from '../race/line-register';
import { setSchedHooks, type SchedHooks } from './hooks';
import {
  CHANGES,
  FINE,
  GRANT,
  KIND,
  LINE,
  OBJ,
  Point,
  SEED,
  SENT,
  STATE,
  WOKEN,
  State,
  deadlineSlot,
  entry,
  nowSlot,
} from './region';

/**
 * A process's side of a scheduled run: at each point it says what it is about to do, tells the
 * page it has stopped, and waits until the page gives it the turn (region.ts).
 */
class Turns implements SchedHooks {
  private readonly i32: Int32Array;
  /** Index of this process's entry in the region (its words are at + STATE, at + GRANT, ...). */
  private readonly at: number;
  readonly seed: number;
  private readonly fine: boolean;

  constructor(
    private readonly heap: Heap,
    private readonly region: number,
    private readonly pid: number,
  ) {
    this.i32 = heap.i32;
    this.fine = this.i32[region / 4 + FINE] === 1;
    this.at = entry(region, pid, 0);
    this.seed = (this.i32[region / 4 + SEED] ^ Math.imul(pid, 0x9e3779b1)) >>> 0;
  }

  point(kind: Point, obj = 0): void {
    const { i32, at } = this;
    i32[at + KIND] = kind;
    i32[at + OBJ] = obj;
    i32[at + LINE] = programLine.line;
    Atomics.store(i32, at + GRANT, 0);
    this.stopped(State.AtPoint);
    while (Atomics.load(i32, at + GRANT) === 0) Atomics.wait(i32, at + GRANT, 0);
    // The page wrote Running before it granted: this process runs now.
  }

  access(write: boolean, obj: number): void {
    if (this.fine) this.point(write ? Point.Write : Point.Read, obj);
  }

  blocking(ms: number): void {
    this.heap.f64[deadlineSlot(this.region, this.pid)] = this.now() + ms;
    Atomics.store(this.i32, this.at + WOKEN, 0);
    this.stopped(State.Blocked);
  }

  get endedByPage(): boolean {
    return Atomics.load(this.i32, this.at + WOKEN) === 1;
  }

  woke(): boolean {
    this.point(Point.Resume);
    return this.now() >= this.heap.f64[deadlineSlot(this.region, this.pid)];
  }

  ended(): void {
    Atomics.store(this.i32, this.at + SENT, sentCount + 1); // and the exit notice, next
    this.signal();
  }

  now(): number {
    return this.heap.f64[nowSlot(this.region)];
  }

  private stopped(state: State): void {
    flushOutput();
    Atomics.store(this.i32, this.at + SENT, sentCount);
    Atomics.store(this.i32, this.at + STATE, state);
    this.signal();
  }

  private signal(): void {
    Atomics.add(this.i32, this.region / 4 + CHANGES, 1);
    Atomics.notify(this.i32, this.region / 4 + CHANGES);
  }
}

/** In a scheduled run, makes this process wait for its first turn before it runs anything. */
export function startTurns(heap: Heap, pid: number): void {
  const region = heap.i32[H.sched];
  if (region === 0) return;
  const turns = new Turns(heap, region, pid);
  setSchedHooks(turns);
  turns.point(Point.Begin);
}
