import { ctx } from './context';
import { repr } from './format';
import { isAliveLife, lifeOf } from './proc-record';
import { Process, STATE, children, kindClasses, type ProcessState } from './process';
import type { ChildJob } from './protocol';
import { decode, rebuildInstance } from './transfer';

let self: Process | undefined;

/** The object for the process running this code: in a child, its own Process rebuilt. */
export function currentProcess(): Process {
  self ??= adopt(Object.create(kindClasses[ctx().kind].prototype) as Process, {});
  return self;
}

/** The child's own Process object, rebuilt from what its parent sent (runs before `run()`). */
export function rebuildSelf(job: ChildJob): Process {
  const context = ctx();
  const object = job.className
    ? (rebuildInstance(job.className, job.fields) as Process)
    : (Object.create(kindClasses[context.kind].prototype) as Process);
  self = adopt(object, {
    target: job.targetName ? (context.defined[job.targetName] as ProcessState['target']) : null,
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
 * What Python's multiprocessing does when a process's code ends: terminate daemonic children,
 * then join the rest. Threads (issue: threading) will differ: daemon threads are dropped after.
 */
export function endChildren(): void {
  for (const child of activeChildren()) if (child.daemon) child.terminate();
  for (const child of activeChildren()) child.join();
}
