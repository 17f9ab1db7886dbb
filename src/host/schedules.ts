import { PID_BASE } from '../runtime/layout';
import { mulberry32 } from '../runtime/sched/prng';
import type { Chooser, ReadyProcess } from './scheduler';

/**
 * Ways to pick the next process of a scheduled run, and the short string a schedule is shared
 * as: `1.SEED.TURNS` (or `1f.SEED.TURNS` with fine steps: shared reads and writes were turns
 * too), the format's version, the seed (base 36) that seeded the processes' `random`, and who
 * got each turn as pid - 1000 in base 36, runs of one written `3*12`, turns joined by '-'.
 * Replaying it gives the same run, output byte for byte.
 */

/** Any ready process, uniformly: a seeded random walk through the interleavings. */
export function randomChooser(seed: number): Chooser {
  const next = mulberry32(seed);
  return { choose: (ready) => ready[Math.floor(next() * ready.length)].pid };
}

/**
 * PCT (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010): each process gets a random
 * priority when it first shows up, the highest-priority ready process runs, and at `depth - 1`
 * random turns among the first `turns` the running process drops below all others. A bug that
 * needs `depth` ordering constraints is found with probability at least 1/(n * turns^(depth-1)).
 */
export function pctChooser(seed: number, depth: number, turns: number): Chooser {
  const next = mulberry32(seed);
  const priority = new Map<number, number>();
  const changes = new Map<number, number>(); // turn -> the low priority it hands out
  for (let d = 1; d < depth; d++) changes.set(1 + Math.floor(next() * Math.max(1, turns)), d);
  let last = -1;
  return {
    choose(ready, step) {
      for (const { pid } of ready) if (!priority.has(pid)) priority.set(pid, depth + next());
      const low = changes.get(step);
      if (low !== undefined && last >= 0) priority.set(last, low / depth);
      last = highest(ready, priority);
      return last;
    },
  };
}

function highest(ready: readonly ReadyProcess[], priority: Map<number, number>): number {
  let best = ready[0];
  for (const r of ready) if (priority.get(r.pid)! > priority.get(best.pid)!) best = r;
  return best.pid;
}

/**
 * The turns of a recorded schedule, in order. Should the run ask for a turn the schedule does
 * not have (or offer it to a process not ready), the lowest pid ready runs and `diverged` says so.
 */
export function replayChooser(turns: readonly number[]): Chooser & { diverged: boolean } {
  const lowest = {
    diverged: false,
    choose(ready: readonly ReadyProcess[]): number {
      lowest.diverged = true;
      return ready[0].pid;
    },
  };
  const replay = prefixChooser(turns, lowest);
  return {
    choose: (ready, step) => replay.choose(ready, step),
    get diverged() {
      return lowest.diverged;
    },
  };
}

/** The turns of `turns` first (a replay up to a step), then `then`'s: Undo, and Replay in step mode. */
export function prefixChooser(turns: readonly number[], then: Chooser): Chooser {
  return {
    choose(ready, step) {
      const pid = turns[step];
      return step < turns.length && ready.some((r) => r.pid === pid)
        ? pid
        : then.choose(ready, step);
    },
  };
}

export interface Schedule {
  seed: number;
  fine: boolean;
  turns: number[];
}

export function formatSchedule({ seed, fine, turns }: Schedule): string {
  const runs: string[] = [];
  for (let i = 0; i < turns.length;) {
    let n = 1;
    while (turns[i + n] === turns[i]) n++;
    const who = (turns[i] - PID_BASE).toString(36);
    runs.push(n === 1 ? who : `${who}*${n}`);
    i += n;
  }
  return `1${fine ? 'f' : ''}.${seed.toString(36)}.${runs.join('-')}`;
}

/** The schedule a string gives, or an error naming what is wrong with it. */
export function parseSchedule(text: string): Schedule {
  const match =
    /^1(f?)\.([0-9a-z]{1,7})\.((?:[0-9a-z]{1,3}(?:\*\d{1,7})?)(?:-[0-9a-z]{1,3}(?:\*\d{1,7})?)*)?$/.exec(
      text.trim(),
    );
  if (!match) throw new Error(`not a schedule: '${text.slice(0, 40)}' (expected 1.SEED.TURNS)`);
  const turns: number[] = [];
  for (const run of match[3] ? match[3].split('-') : []) {
    const [who, times = '1'] = run.split('*');
    for (let k = 0; k < Number(times); k++) turns.push(PID_BASE + parseInt(who, 36));
    if (turns.length > 10_000_000) throw new Error('a schedule of more than ten million turns');
  }
  return { seed: parseInt(match[2], 36), fine: match[1] === 'f', turns };
}
