import { notify } from '../channel';
import type { ProcessContext } from '../context';
import type { Heap } from '../heap';
import { H, PID_BASE } from '../layout';
import { print } from '../globals';
import { objectOffset } from '../sync/objects';
import { guarded } from '../sync/spin-mutex';
import { setRaceHooks, type RaceHooks } from './hooks';
import { programLine } from './line-register';
import { MAX_RACE_REPORTS, type RaceAccess } from './race-notice';
import { NOTICED, PAIRS, REPORTS, REPORT_LOCK, SHADOW_TABLE, startKey } from './region';
import { raceReport, type ReportedAccess } from './report';
import { CELL_WORDS, Shadow, type Conflict } from './shadow';
import { VectorClock } from './vector-clock';

/** A queue item with its putter's clock (hooks.ts, carry). */
interface Carried {
  clock: number[];
  item: unknown;
}

/** Locks a site records (a process rarely holds more at once); reports name them. */
const MAX_HELD = 4;
/** Words of a site block: line, how many locks, their ids. */
const SITE_WORDS = 2 + MAX_HELD;
/** Shadow table word of an object too big for what was left: never checked. */
const UNCHECKED = -1;

/**
 * The race detector of one process: a happens-before check of every shared read and write
 * (FastTrack's epochs and vector clocks, shadow.ts), fed by the runtime's hooks (hooks.ts).
 * A site, the where of an access (its program line and the locks the process held), is written
 * once per distinct line and lock set into a small heap block that any process can read when
 * its report names the earlier access.
 */
class RaceDetector implements RaceHooks {
  private readonly clock: VectorClock;
  private readonly shadow: Shadow;
  /** Word index of each object's first cell, as this process has looked it up (0: not yet). */
  private readonly cells = new Map<number, number>();
  /** Ids of the locks this process holds, oldest first, and the id of that set. */
  private readonly holding: number[] = [];
  private lockSet = 0;
  private readonly lockSets = new Map<string, number>();
  private readonly sites = new Map<number, number>();
  private stoppedNoticed = false;

  constructor(
    private readonly heap: Heap,
    private readonly region: number,
    private readonly pid: number,
  ) {
    this.clock = new VectorClock(heap, region, pid);
    this.shadow = new Shadow(heap, region, this.clock);
  }

  read(id: number, index: number): void {
    const cell = this.cellOf(id, index);
    if (cell < 0) return;
    const conflict = this.shadow.read(cell, this.site(), this.time());
    if (conflict) this.report(id, index, false, conflict);
  }

  write(id: number, index: number): void {
    const cell = this.cellOf(id, index);
    if (cell < 0) return;
    const conflict = this.shadow.write(cell, this.site(), this.time());
    if (conflict) this.report(id, index, true, conflict);
  }

  release(key: number): void {
    this.clock.release(key);
  }

  acquire(key: number): void {
    this.clock.acquire(key);
  }

  carry(item: unknown): Carried {
    return { clock: this.clock.send(), item };
  }

  received(carried: unknown): unknown {
    const { clock, item } = carried as Carried;
    if (Array.isArray(clock)) this.clock.receive(clock as number[]);
    return item;
  }

  held(id: number, holding: boolean): void {
    const at = this.holding.indexOf(id);
    if (holding && at < 0) this.holding.push(id);
    else if (!holding && at >= 0) this.holding.splice(at, 1);
    else return;
    const key = this.holding.join(',');
    let set = this.lockSets.get(key);
    if (set === undefined) this.lockSets.set(key, (set = this.lockSets.size));
    this.lockSet = set;
  }

  /** Word index of the cell of element `index` of object `id`; -1 when nothing is checked. */
  private cellOf(id: number, index: number): number {
    let first = this.cells.get(id);
    if (first === undefined) {
      first = this.firstCell(id);
      this.cells.set(id, first);
    }
    if (first < 0 || this.shadow.stopped) {
      this.noticeStopped();
      return -1;
    }
    return first + index * CELL_WORDS;
  }

  /** The object's cells, made by the first process to touch it. */
  private firstCell(id: number): number {
    const { i32 } = this.heap;
    const slot = this.region / 4 + SHADOW_TABLE + id;
    const known = Atomics.load(i32, slot);
    if (known !== 0) return known;
    const length = i32[objectOffset(this.heap, id) / 4 + 2];
    const cells = this.shadow.allocate(Math.max(1, length) * CELL_WORDS);
    const first = cells < 0 ? UNCHECKED : cells;
    const was = Atomics.compareExchange(i32, slot, 0, first);
    return was === 0 ? first : was; // another process made them first: its are the ones
  }

  /** The run's one notice that checking stopped, from the first process to find it so. */
  private noticeStopped(): void {
    if (this.stoppedNoticed || !this.shadow.stopped) return;
    this.stoppedNoticed = true;
    if (Atomics.compareExchange(this.heap.i32, this.region / 4 + NOTICED, 0, 1) !== 0) return;
    print(
      'race detection stopped: the shared data touched so far fills the space that records ' +
        'its accesses (about 190,000 elements); the rest of the run is not checked',
      { file: 'stderr' },
    );
  }

  /** The block that records the line running now and the locks held. */
  private site(): number {
    const line = programLine.line;
    const key = line * 2 ** 20 + this.lockSet;
    let site = this.sites.get(key);
    if (site === undefined) {
      site = this.heap.alloc(SITE_WORDS * 4);
      const words = site / 4;
      const held = this.holding.slice(-MAX_HELD);
      this.heap.i32[words] = line;
      this.heap.i32[words + 1] = held.length;
      this.heap.i32.set(held, words + 2);
      this.sites.set(key, site);
    }
    return site;
  }

  /** Now, in tenths of ms since the run started (the timeline's moment of an access). */
  private time(): number {
    return Math.round((performance.timeOrigin + performance.now() - this.heap.startedAt) * 10);
  }

  private report(id: number, index: number, write: boolean, earlier: Conflict): void {
    const current = this.access(this.pid, this.site(), this.time(), write);
    const previous = this.access(PID_BASE + earlier.who, earlier.site, earlier.at, earlier.write);
    if (!this.firstOfPair(current.line, previous.line)) return;
    const text = raceReport(this.heap, id, index, current, previous);
    const place = ({ pid, line, write, at }: ReportedAccess): RaceAccess => ({
      pid,
      line,
      write,
      at,
    });
    notify({ t: 'race', pid: this.pid, current: place(current), previous: place(previous), text });
  }

  private access(pid: number, site: number, at: number, write: boolean): ReportedAccess {
    const { i32 } = this.heap;
    const words = site / 4;
    const locks = Array.from(i32.subarray(words + 2, words + 2 + i32[words + 1]));
    return { pid, line: i32[words], write, at: at / 10, locks };
  }

  /** Whether no report has named this pair of lines yet (and the run's limit is not reached). */
  private firstOfPair(a: number, b: number): boolean {
    const { i32 } = this.heap;
    const base = this.region / 4;
    const [low, high] = a <= b ? [a, b] : [b, a];
    return guarded(i32, base + REPORT_LOCK, () => {
      const sent = i32[base + REPORTS];
      for (let k = 0; k < sent; k++) {
        if (i32[base + PAIRS + 2 * k] === low && i32[base + PAIRS + 2 * k + 1] === high)
          return false;
      }
      if (sent >= MAX_RACE_REPORTS) return false;
      i32[base + PAIRS + 2 * sent] = low;
      i32[base + PAIRS + 2 * sent + 1] = high;
      i32[base + REPORTS] = sent + 1;
      return true;
    });
  }
}

/**
 * Turns race detection on in this process when its run detects races: from here on the
 * runtime's hooks check its accesses, and what its parent did before start() is ordered
 * before all it does.
 */
export function startRaceDetection(context: ProcessContext): void {
  const region = context.heap.i32[H.race];
  if (region === 0) return;
  const detector = new RaceDetector(context.heap, region, context.pid);
  setRaceHooks(detector);
  detector.acquire(startKey(context.pid));
}
