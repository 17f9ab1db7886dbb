import { ctx } from './context';
import { repr } from './format';
import { isAliveLife, lifeOf } from './proc-record';
import {
  Process,
  STATE,
  children,
  kindClasses,
  runtimeClassesByName,
  type ProcessState,
} from './process';
import type { ChildJob } from './protocol';
import { decode, rebuildInstance } from './transfer';
import { perProcess } from './process-state';

let self: Process | undefined;

/** The object for the Worker running this code: in a child, its own Process (or Thread) rebuilt. */
function currentSelf(): Process {
  self ??= adopt(Object.create(kindClasses[ctx().kind].prototype) as Process, {});
  return self;
}

let owningProcess: Process | undefined;

/** The process running this code; in a thread, the process the thread belongs to. */
export function currentProcess(): Process {
  const context = ctx();
  if (context.kind === 'process') return currentSelf();
  const { pid, ppid, name } = context.process;
  owningProcess ??= adopt(Object.create(Process.prototype) as Process, {
    name,
    pid,
    creator: ppid,
    kind: 'process',
    daemon: false,
  });
  return owningProcess;
}

let mainThreadObject: Process | undefined;
perProcess(() => {
  self = owningProcess = mainThreadObject = undefined;
});

/** The thread running this code: a Thread's own object, or the process's main thread. */
export function currentThread(): Process {
  return ctx().kind === 'thread' ? currentSelf() : mainThread();
}

/** The main thread of this process (`MainThread`). */
export function mainThread(): Process {
  const { pid } = ctx().process;
  mainThreadObject ??= adopt(Object.create(kindClasses.thread.prototype) as Process, {
    name: 'MainThread',
    pid,
    kind: 'thread',
    daemon: false,
  });
  return mainThreadObject;
}

/** The child's own Process object, rebuilt from what its parent sent (runs before `run()`). */
export function rebuildSelf(job: ChildJob): Process {
  const context = ctx();
  const object = !job.className
    ? (Object.create(kindClasses[context.kind].prototype) as Process)
    : job.runtime
      ? (Object.assign(
          Object.create(runtimeClassesByName.get(job.className)!.prototype),
          decode(job.fields),
        ) as Process)
      : (rebuildInstance(job.className, job.fields) as Process);
  self = adopt(object, {
    target: job.targetName
      ? (context.defined[job.targetName] as ProcessState['target'])
      : (decode(job.targetObject) as ProcessState['target']),
    args: decode(job.args) as unknown[],
    kwargs: decode(job.kwargs) as ProcessState['kwargs'],
  });
  return self;
}

function adopt(object: Process, fields: Partial<ProcessState>): Process {
  const context = ctx();
  const state: ProcessState = {
    name: context.name,
    daemon: context.daemon,
    target: null,
    args: [],
    kwargs: null,
    pid: context.pid,
    creator: context.ppid,
    started: true,
    closed: false,
    kind: context.kind,
    identity: context.identity,
    ...fields,
  };
  Object.defineProperty(object, STATE, { value: state });
  return object;
}

/** The parent of this process, or null in the main process. */
export function parentProcess(): ParentProcess | null {
  const context = ctx();
  return context.isMain ? null : new ParentProcess(context.parentName, context.ppid);
}

/** Python's _ParentProcess: a name and pid, and whether it is still running. */
export class ParentProcess {
  constructor(
    readonly name: string,
    readonly pid: number,
  ) {}

  get ident(): number {
    return this.pid;
  }

  isAlive(): boolean {
    return isAliveLife(lifeOf(ctx().heap, this.pid));
  }

  [repr](): string {
    return `<_ParentProcess name='${this.name}' parent=${this.pid} ${this.isAlive() ? 'started' : 'stopped'}>`;
  }
}

/** Children of this process still running; ended ones are forgotten, as in Python. */
export function activeChildren(): Process[] {
  for (const child of children) if (!child.isAlive()) children.delete(child);
  return [...children];
}

/**
 * What Python does when a process's code ends, in its order: wait for the non-daemon threads
 * (interpreter shutdown), then multiprocessing's exit handler: terminate daemonic child
 * processes and join the others; daemon threads are dropped last.
 */
export function endChildren(): void {
  const running = (thread: boolean, daemon?: boolean) =>
    activeChildren().filter(
      (c) => isThread(c) === thread && (daemon === undefined || c.daemon === daemon),
    );
  for (const t of running(true, false)) t.join();
  for (const p of running(false, true)) p.terminate();
  for (const p of running(false)) p.join();
  for (const t of running(true, true)) t.terminate();
}

function isThread(p: Process): boolean {
  return p[STATE].kind === 'thread';
}
