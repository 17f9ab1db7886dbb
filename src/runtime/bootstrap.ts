import { ctx, setContext, type ProcessContext } from './context';
import { endChildren, rebuildSelf } from './current';
import { installGlobals, print } from './globals';
import { Heap } from './heap';
import { moduleByName } from './modules';
import { Life, W, finishLife, slot, writeProcessName } from './proc-record';
import { PROGRAM_GLOBAL, type ProgramHooks } from './program-abi';
import type { Assignment } from './protocol';
import { notify } from './channel';
import { closeHeldEnds } from './at-exit';
import { shutdownExecutors } from './pool/executor';
import { formatTraceback } from './traceback';
import { flushOutput } from './output';
import { trace, TraceKind } from './trace';
import { programLine } from './race/line-register';
import { startRaceDetection } from './race/detector';
import { race } from './race/hooks';
import { endKey } from './race/region';
import { sched } from './sched/hooks';
import { startTurns } from './sched/turns';
import { endTimers } from './process-state';

/**
 * Turns a pooled Worker into one process of a run: installs the program's globals, evaluates the
 * compiled program (all of it in the main process and in "spawn" children, declarations only
 * in "fork" children), runs the child's job, ends its children as Python does, and records
 * the exit code.
 */
export async function runAssignment(a: Assignment): Promise<void> {
  const heap = new Heap(a.memory);
  const context: ProcessContext = {
    heap,
    pid: a.pid,
    ppid: a.ppid,
    name: a.name,
    parentName: a.parentName,
    identity: a.identity,
    kind: a.kind,
    daemon: a.daemon,
    process: a.process,
    isMain: a.isMain,
    program: { ...a.program, scriptName: `program-${++evaluated}.js` },
    kernels: a.kernels,
    userKernels: a.userKernels ?? null,
    startMethod: a.startMethod,
    topLevel: a.isMain || a.startMethod === 'spawn',
    bootstrapping: !a.isMain,
    evaluating: true,
    inheritedSites: a.sites,
    ownSites: {},
    defined: {},
    childCounter: 0,
  };
  heap.guardSlot = slot(a.pid, W.guard);
  setContext(context);
  startTurns(heap, a.pid); // scheduled: nothing runs before this process's first turn
  writeProcessName(heap, a.pid, a.name);
  installGlobals(a.isMain ? '__main__' : '__mp_main__');
  installProgramHooks(context);
  startRaceDetection(context);
  Atomics.compareExchange(heap.i32, slot(a.pid, W.life), Life.Ready, Life.Running);
  // A parent already joining sleeps on Ready: it re-waits on Running, so the deadlock watch
  // sees its word unmoved (deadlock.ts) and can report a stuck join at once.
  Atomics.notify(heap.i32, slot(a.pid, W.life));
  trace(TraceKind.Running);

  let exitCode = 0;
  try {
    await evaluate(`${a.program.code}\n//# sourceURL=${context.program.scriptName}`);
    context.evaluating = false;
    context.bootstrapping = false;
    if (a.job) await rebuildSelf(a.job).run();
  } catch (error) {
    exitCode = 1;
    reportUncaught(error, context);
  }
  try {
    shutdownExecutors();
    endChildren();
    closeHeldEnds();
  } catch (error) {
    exitCode ||= 1;
    reportUncaught(error, context);
  }
  endTimers();
  trace(TraceKind.Done);
  race?.release(endKey(a.pid));
  flushOutput();
  finishLife(heap, a.pid, exitCode);
  sched?.ended();
  notify({ t: 'exit', pid: a.pid });
}

/** Programs this Worker has evaluated (a recycled one runs several: process-state.ts). */
let evaluated = 0;

/**
 * The compiled program is a script whose value is the promise of its top level (compile.ts),
 * evaluated in the global scope (an indirect eval), its frames named by its sourceURL.
 */
const evaluate = globalThis.eval as (script: string) => Promise<unknown>;

function installProgramHooks(context: ProcessContext): void {
  const hooks: ProgramHooks = {
    import: moduleByName,
    define(getters) {
      context.defined = getters as Record<string, unknown>;
    },
    get topLevel() {
      return context.topLevel;
    },
    at: programLine,
  };
  (globalThis as Record<string, unknown>)[PROGRAM_GLOBAL] = hooks;
}

/**
 * Python heads a child's traceback `Process Process-1:` and a thread's `Exception in thread
 * Thread-1:`; the main process's is bare.
 */
function reportUncaught(error: unknown, context: ProcessContext): void {
  const header = context.isMain
    ? ''
    : context.kind === 'thread'
      ? `Exception in thread ${context.name}:\n`
      : `Process ${context.name}:\n`;
  print(header + formatTraceback(error, context.program), { file: 'stderr' });
}

/** Errors thrown later by callbacks (timers, promises) are reported; the process goes on. */
export function reportAsyncErrors(): void {
  const report = (error: unknown) => reportUncaught(error, ctx());
  self.addEventListener('error', (event) => {
    event.preventDefault();
    report(event.error);
  });
  self.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    report(event.reason);
  });
}
