import type { Heap } from '../runtime/heap';
import { Activity, Life, W, lifeOf, slot } from '../runtime/proc-record';
import {
  ObjectKind,
  kindName,
  objectCount,
  objectKind,
  objectOffset,
} from '../runtime/sync/objects';
import { OWNER } from '../runtime/sync/owner';
import { objectLabel } from './object-label';
import type { ProcessInfo } from './run-events';

/** One blocked process in a deadlock report. */
export interface BlockedProcess {
  pid: number;
  name: string;
  /** What it waits on: an object's name, or the process it joins. */
  waitsFor: string;
  /** The process that could release it (lock owner, joined process), if there is one. */
  holder: number | null;
  /** Names of the locks it holds. */
  holds: string[];
}

export interface DeadlockReport {
  processes: BlockedProcess[];
  /** pids of the wait-for cycle, first repeated at the end; empty when there is none. */
  cycle: number[];
  text: string;
}

/** Identical looks before a report when a waiter's word has moved on (about 1.5 s). */
const WOKEN_LOOKS = 10;

/**
 * Go's "all goroutines are asleep" check, plus the cycle: a run is deadlocked when every live
 * process waits with no timeout (no spawn pending, nobody running or sleeping), and stays so
 * between two looks (`seq` words unchanged). The report names what each waits for, who holds
 * it, and the wait-for cycle.
 */
export class DeadlockWatch {
  private previous: string | null = null;
  private looks = 0;

  constructor(
    private readonly heap: Heap,
    private readonly names: Map<number, string>,
  ) {}

  /**
   * Call periodically; returns a report on the second identical all-blocked look, or on the
   * WOKEN_LOOKS-th if a waiter's word has moved on since it began to wait: that one may be
   * woken and only not yet scheduled again (a busy machine), or its word moved without a
   * wake-up (a JoinableQueue's count going down, not yet to 0). Time tells them apart.
   */
  check(processes: ProcessInfo[]): DeadlockReport | null {
    const live = processes.filter((p) => lifeOf(this.heap, p.pid) !== Life.Done);
    const allBlocked =
      live.length > 0 &&
      live.every(
        (p) =>
          lifeOf(this.heap, p.pid) === Life.Running &&
          Atomics.load(this.heap.i32, slot(p.pid, W.activity)) === Activity.Blocked,
      );
    const snapshot = allBlocked
      ? live.map((p) => `${p.pid}:${Atomics.load(this.heap.i32, slot(p.pid, W.seq))}`).join(',')
      : null;
    this.looks = snapshot !== null && snapshot === this.previous ? this.looks + 1 : 1;
    this.previous = snapshot;
    if (snapshot === null) return null;
    const needed = live.some((p) => this.wordMoved(p.pid)) ? WOKEN_LOOKS : 2;
    return this.looks >= needed ? this.report(live, processes) : null;
  }

  /** Whether the word the process sleeps on no longer holds the value it went to sleep on. */
  private wordMoved(pid: number): boolean {
    const i32 = this.heap.i32;
    const word = Atomics.load(i32, slot(pid, W.waitWord));
    return Atomics.load(i32, word) !== Atomics.load(i32, slot(pid, W.waitValue));
  }

  private report(live: ProcessInfo[], all: ProcessInfo[]): DeadlockReport {
    const nameOf = (pid: number) => all.find((p) => p.pid === pid)?.name ?? `process ${pid}`;
    const held = this.locksByOwner();
    const blocked = live.map((p): BlockedProcess => {
      const obj = Atomics.load(this.heap.i32, slot(p.pid, W.waitObj));
      const holds = held.get(p.pid) ?? [];
      if (obj < 0)
        return {
          pid: p.pid,
          name: p.name,
          waitsFor: `${nameOf(-obj)} to end (join)`,
          holder: -obj,
          holds,
        };
      const kind = objectKind(this.heap, obj);
      const owner =
        kind === ObjectKind.Lock || kind === ObjectKind.RLock ? this.ownerOf(obj) : null;
      return {
        pid: p.pid,
        name: p.name,
        waitsFor: objectLabel(this.heap, this.names, obj),
        holder: owner,
        holds,
      };
    });
    const cycle = findCycle(blocked);
    const lines = blocked.map((b) => {
      const holds = b.holds.length ? `holds ${b.holds.join(', ')}, ` : '';
      const by =
        b.holder === null
          ? ''
          : ` (held by ${nameOf(b.holder)}${lifeOf(this.heap, b.holder) === Life.Done ? ', which has ended' : ''})`;
      return `  ${b.name} (pid ${b.pid}) ${holds}waits for ${b.waitsFor}${b.waitsFor.endsWith('(join)') ? '' : by}`;
    });
    const text = [
      'Deadlock: every live process is blocked, and none of them can wake another.',
      ...lines,
      cycle.length
        ? `  wait-for cycle: ${cycle.map(nameOf).join(' -> ')}`
        : '  (no process can set, notify or release what they wait for)',
    ].join('\n');
    return { processes: blocked, cycle, text };
  }

  private ownerOf(id: number): number | null {
    return this.heap.i32[objectOffset(this.heap, id) / 4 + OWNER] || null;
  }

  private locksByOwner(): Map<number, string[]> {
    const held = new Map<number, string[]>();
    for (const id of lockIds(this.heap)) {
      const owner = this.ownerOf(id);
      if (owner)
        held.set(owner, [
          ...(held.get(owner) ?? []),
          this.names.get(id) ?? `${kindName(objectKind(this.heap, id))} #${id}`,
        ]);
    }
    return held;
  }
}

/** Ids of every Lock and RLock of the run. */
export function lockIds(heap: Heap): number[] {
  const ids: number[] = [];
  for (let id = 0; id < objectCount(heap); id++) {
    const kind = objectKind(heap, id);
    if (kind === ObjectKind.Lock || kind === ObjectKind.RLock) ids.push(id);
  }
  return ids;
}

function findCycle(blocked: BlockedProcess[]): number[] {
  const next = new Map(blocked.map((b) => [b.pid, b.holder]));
  for (const start of next.keys()) {
    const path: number[] = [];
    for (let at: number | null | undefined = start; at != null; at = next.get(at)) {
      const seen = path.indexOf(at);
      if (seen >= 0) return [...path.slice(seen), at];
      path.push(at);
    }
  }
  return [];
}
