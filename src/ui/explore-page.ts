/**
 * "Find a failing schedule" on the page: the runner's exploration (src/runner/exploration.ts)
 * with runs started as the page starts them, none shown while they run.
 */
import { CompileError } from '../compile/compile-error';
import type { ProgramFile } from '../compile/program-files';
import type { RunEvent } from '../host/run-events';
import type { Chooser } from '../host/scheduler';
import { formatSchedule } from '../host/schedules';
import { startRun } from '../host/start-run';
import type { Run } from '../host/supervisor';
import { explorationShare, type ExplorationShare } from '../host/run-reuse';
import type { WorkerPool } from '../host/worker-pool';
import { explore, type Exploration } from '../runner/exploration';
import type { RunnerResult } from '../runner/runner';
import { tf } from './i18n';

/** Schedules tried at most: the bar for the lost update. */
export const PAGE_SCHEDULES = 200;

export interface ExploreRequest {
  pool: WorkerPool;
  files: ProgramFile[];
  races: boolean;
  /** Aborting it stops the run under way; the exploration then rejects with an AbortError. */
  signal: AbortSignal;
  /** Called as each schedule starts, with how many have started. */
  progress(tried: number): void;
}

/** Runs the editor's program under up to PAGE_SCHEDULES schedules (fine steps) until one fails. */
export async function explorePage(request: ExploreRequest): Promise<Exploration> {
  let tried = 0;
  const shared = explorationShare(request.pool);
  try {
    return await explore(
      (chooser, seed) => {
        request.progress(++tried);
        return runOnce(request, shared, chooser, seed);
      },
      { schedules: PAGE_SCHEDULES, races: request.races, seed: Date.now() >>> 0 },
    );
  } finally {
    shared.reuse.close();
  }
}

function runOnce(
  request: ExploreRequest,
  shared: ExplorationShare,
  chooser: Chooser,
  seed: number,
): Promise<RunnerResult> {
  const { files, races, signal } = request;
  const aborted = () => new DOMException('exploration stopped', 'AbortError');
  if (signal.aborted) return Promise.reject(aborted());
  const schedule = { chooser, seed, fine: true };
  return new Promise((resolve, reject) => {
    const events: RunEvent[] = [];
    let run: Run | undefined;
    const stop = () => {
      run?.stop();
      reject(aborted());
    };
    signal.addEventListener('abort', stop, { once: true });
    startRun(files, {
      pool: request.pool,
      ...shared,
      races,
      schedule,
      signal,
      onEvent(event) {
        events.push(event);
        if (event.type !== 'end') return;
        signal.removeEventListener('abort', stop);
        const turns = [...run!.turns]; // the end event comes after startRun resolved
        resolve({ events, schedule: formatSchedule({ seed, fine: true, turns }) });
      },
    }).then(
      (started) => (run = started),
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        if (!(error instanceof CompileError)) return reject(error);
        const { name, message, fileName, line, column } = error;
        const report = error.format();
        resolve({ events, compileError: { name, message, fileName, line, column, report } });
      },
    );
  });
}

/**
 * failureOf's reason (exploration.ts, English for the runner's output) in the page's words.
 * A reason it does not know is shown as it is.
 */
export function failureWords(why: string): string {
  const exit = /^the main process exited with code (-?\d+)$/.exec(why);
  if (exit) return tf('whyExit', { code: exit[1] });
  const raised = /^(.*) raised an exception$/.exec(why);
  if (raised) return tf('whyException', { name: raised[1] });
  const known = {
    'a deadlock': 'whyDeadlock',
    'a data race': 'whyRace',
    'the program does not compile': 'whyCompile',
  } as const;
  return why in known ? tf(known[why as keyof typeof known], {}) : why;
}
