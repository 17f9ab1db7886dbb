import type { Chooser } from '../host/scheduler';
import { parseSchedule, pctChooser, randomChooser } from '../host/schedules';
import type { ExploreOptions, RunnerResult } from './runner';

export interface Exploration {
  /** Schedules run. */
  explored: number;
  /** The first run that failed, and how; null when none did. */
  failing: (RunnerResult & { why: string }) | null;
}

/** Turns a PCT schedule spreads its priority changes over before any run has been seen. */
const FIRST_GUESS_TURNS = 50;

/**
 * Runs a program under up to `schedules` schedules until one fails: seeded random walks and
 * PCT of depth 2 and 3 in turn (Loom and Shuttle find most bugs at depth 2-3), its change
 * points spread over as many turns as the last run took. Deterministic for a given seed.
 */
export async function explore(
  runOnce: (chooser: Chooser, seed: number) => Promise<RunnerResult>,
  options: ExploreOptions,
): Promise<Exploration> {
  let turns = FIRST_GUESS_TURNS;
  for (let i = 0; i < options.schedules; i++) {
    const seed = runSeed(options.seed ?? 1, i);
    const chooser =
      i % 2 === 0 ? randomChooser(seed) : pctChooser(seed, i % 4 === 1 ? 2 : 3, turns);
    const result = await runOnce(chooser, seed);
    const why = failureOf(result, options.races ?? false);
    if (why) return { explored: i + 1, failing: { ...result, why } };
    if (result.schedule) turns = Math.max(1, parseSchedule(result.schedule).turns.length);
  }
  return { explored: options.schedules, failing: null };
}

/** A run's own seed: the exploration's seed and the run's number, mixed (splitmix32). */
function runSeed(seed: number, run: number): number {
  let z = (seed + Math.imul(run + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Why a run failed, or null: it did not compile, deadlocked or timed out, its main process
 * exited non-zero, any process ended with an uncaught exception, or (detecting races) it
 * reported a race.
 */
export function failureOf(result: RunnerResult, races: boolean): string | null {
  if (result.compileError) return 'the program does not compile';
  const end = result.events.at(-1);
  if (end?.type !== 'end') return 'the run did not end';
  if (end.reason === 'deadlock') return 'a deadlock';
  if (end.reason === 'timeout') return 'the run timed out';
  if (end.reason !== 'exit') return 'the run was stopped';
  if (end.exitCode !== 0) return `the main process exited with code ${end.exitCode}`;
  const crashed = new Map<number, string>();
  for (const e of result.events) {
    if (e.type !== 'process') continue;
    if (e.info.exitCode === 1) crashed.set(e.info.pid, e.info.name);
    else crashed.delete(e.info.pid);
  }
  if (crashed.size > 0) return `${[...crashed.values()][0]} raised an exception`;
  if (races && result.events.some((e) => e.type === 'race')) return 'a data race';
  return null;
}
