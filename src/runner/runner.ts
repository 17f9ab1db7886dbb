/**
 * The headless runner's page: runs one program through the same compile step and supervisor
 * as the playground and reports every event, for `npm run snippet`, the tests and the bench.
 */
import { CompileError } from '../compile/compile-error';
import { MAIN_FILE, type ProgramFile } from '../compile/program-files';
import type { RunEvent } from '../host/run-events';
import { startRun } from '../host/start-run';
import { ProcessWorker } from '../host/process-worker';
import { explorationShare, type ExplorationShare } from '../host/run-reuse';
import { WorkerPool } from '../host/worker-pool';
import type { Run, RunOptions } from '../host/supervisor';
import { formatSchedule, parseSchedule, replayChooser } from '../host/schedules';
import { explore, type Exploration } from './exploration';
import { regionView, type ImageItem } from '../runtime/display-item';
import type { TraceEvent } from '../runtime/trace';

export interface RunnerOptions {
  fileName?: string;
  /** The program's kernel files (`name.as.ts`), imported as `./name.as`. */
  kernelFiles?: ProgramFile[];
  timeScale?: number;
  /** Stop the run after this many ms (reason 'timeout'). */
  timeoutMs?: number;
  /** Detect data races: reports come as 'race' events (and in the reporter's stderr). */
  races?: boolean;
  /** Run this schedule (`1.SEED.TURNS`, from an exploration): one process at a time, virtual time. */
  replay?: string;
}

export interface ExploreOptions extends Omit<RunnerOptions, 'replay'> {
  /** How many schedules to try at most. */
  schedules: number;
  seed?: number;
}

export type OutputEvent = Extract<RunEvent, { type: 'output' }>;

/** An image the program displayed, as its arrays held it when the run ended. */
export interface ImageSnapshot {
  item: ImageItem;
  pixels: number[];
  tintRows: number[] | null;
}

export interface RunnerResult {
  events: RunEvent[];
  /** The last state of each displayed image (display events carry where, not what). */
  images?: ImageSnapshot[];
  /** Each process's trace events, by pid, and the names of the objects they mention. */
  traces?: Record<number, TraceEvent[]>;
  objectNames?: Record<number, string>;
  /** A scheduled run's schedule (`1.SEED.TURNS`): replaying it gives the same run. */
  schedule?: string;
  /** A replay that could not follow its schedule (the program did not do the same). */
  diverged?: boolean;
  compileError?: {
    name: string;
    message: string;
    fileName: string;
    line: number;
    column: number;
    report: string;
  };
}

declare global {
  interface Window {
    runProgram(source: string, options?: RunnerOptions): Promise<RunnerResult>;
    /** Runs under up to `schedules` schedules until one fails (exploration.ts). */
    exploreProgram(source: string, options: ExploreOptions): Promise<Exploration>;
    /** Resolves when the runner's pool of Workers has loaded. */
    runnerWarm(): Promise<void>;
    /**
     * Process Workers alive on this page, how many of them idle in the pool (leak checks), and
     * how many were ever started (recycling checks).
     */
    runnerWorkers(): { live: number; pooled: number; started: number };
    /** Set by the snippet CLI to stream events as they happen. */
    __emit?: (event: RunEvent) => void;
  }
}

const pool = new WorkerPool();
pool.warm();
window.runnerWarm = () => pool.warmed();
window.runnerWorkers = () => ({
  live: ProcessWorker.live,
  pooled: pool.size,
  started: ProcessWorker.started,
});

window.runProgram = (source, options = {}) => {
  if (!options.replay) return runOnce(source, options);
  const { seed, fine, turns } = parseSchedule(options.replay);
  const chooser = replayChooser(turns);
  return runOnce(source, options, { chooser, seed, fine }).then((result) => ({
    ...result,
    diverged: chooser.diverged,
  }));
};

// Explored runs are not streamed: the CLI prints the failing run's events when it has them.
window.exploreProgram = async (source, options) => {
  const shared = explorationShare(pool);
  try {
    return await explore(
      (chooser, seed) => runOnce(source, options, { chooser, seed, fine: true }, shared, false),
      options,
    );
  } finally {
    shared.reuse.close();
  }
};

function runOnce(
  source: string,
  options: RunnerOptions,
  schedule?: RunOptions['schedule'],
  shared?: ExplorationShare,
  stream = true,
): Promise<RunnerResult> {
  return new Promise((resolve, reject) => {
    const events: RunEvent[] = [];
    let run: Run | undefined; // the end event always comes after startRun resolved
    const program = { name: options.fileName ?? MAIN_FILE, text: source };
    startRun([program, ...(options.kernelFiles ?? [])], {
      pool,
      ...shared,
      timeScale: options.timeScale,
      races: options.races,
      schedule,
      onEvent(event) {
        events.push(event);
        if (stream) window.__emit?.(event);
        if (event.type === 'end') {
          resolve({
            events,
            images: imageSnapshots(events, run!.heap.memory),
            traces: run!.traces(),
            objectNames: Object.fromEntries(run!.objectNames),
            ...(schedule && {
              schedule: formatSchedule({ ...schedule, turns: [...run!.turns] }),
            }),
          });
        }
      },
    }).then(
      (started) => {
        run = started!; // there is no signal to abort it
        if (options.timeoutMs) run.stopAfter(options.timeoutMs);
      },
      (error: unknown) => {
        if (!(error instanceof CompileError)) return reject(error);
        const { name, message, fileName, line, column } = error;
        const report = error.format();
        resolve({ events, compileError: { name, message, fileName, line, column, report } });
      },
    );
  });
}

function imageSnapshots(events: RunEvent[], memory: WebAssembly.Memory): ImageSnapshot[] {
  const latest = new Map<number, ImageItem>();
  for (const e of events)
    if (e.type === 'display' && e.item.kind === 'image') latest.set(e.item.key, e.item);
  return [...latest.values()].map((item) => ({
    item,
    pixels: Array.from(regionView(memory, item.pixels)),
    tintRows: item.tintRows && Array.from(regionView(memory, item.tintRows)),
  }));
}
