import { nowMs, waitOn, remaining, scaledMs } from './blocking';
import { notify } from './channel';
import { nameRuntimeClass, pythonClassName } from './class-names';
import { ctx, topLevelNameOf } from './context';
import { AssertionError, RuntimeError, ValueError } from './errors';
import { repr } from './format';
import { Life, W, isAliveLife, lifeOf, slot } from './proc-record';
import type { ChildJob, ProcessKind } from './protocol';
import { race } from './race/hooks';
import { endKey } from './race/region';
import { spawnChild } from './spawn';
import { encode } from './transfer';
import { sched } from './sched/hooks';
import { Point } from './sched/region';
import { perProcess } from './process-state';

/**
 * Python's callable object (a class with `__call__`) as a target: an instance of a top-level
 * class with a `call` method. It travels to the child like any instance, rebuilt from its fields.
 */
export interface Callable {
  call(...args: never[]): unknown;
}

export interface ProcessOptions {
  /** A top-level function of the program: the child finds it by name. */
  target?: ((...args: never[]) => unknown) | Callable | null;
  args?: readonly unknown[];
  /** Python's keyword arguments, passed to the target as one last argument. */
  kwargs?: Record<string, unknown> | null;
  name?: string | null;
  daemon?: boolean | null;
}

/** A Process's own state, kept off its enumerable fields (those travel to the child). */
export interface ProcessState {
  name: string;
  daemon: boolean;
  target: ((...args: unknown[]) => unknown) | Callable | null;
  args: unknown[];
  kwargs: Record<string, unknown> | null;
  pid: number | null;
  /** pid of the process that created the object: only it may start and join it. */
  creator: number;
  started: boolean;
  closed: boolean;
  kind: ProcessKind;
  identity: number[];
}

export const STATE = Symbol('process state');

const BOOTSTRAP_ERROR =
  'An attempt has been made to start a new process before the current process has finished ' +
  'its bootstrapping phase. This probably means that the start method is "spawn" and you ' +
  'have forgotten to use the proper idiom in the main module:\n\n' +
  "    if (__name__ === '__main__') {\n        ...\n    }\n\n" +
  'A child under "spawn" runs the whole program again; code that starts processes must run ' +
  'in the main process only.';

/** multiprocessing.Process: runs `target(...args)` (or an overridden `run()`) in a new Worker. */
export class Process {
  declare [STATE]: ProcessState;

  constructor(options: ProcessOptions = {}) {
    const context = ctx();
    const kind = this.kind();
    const identity = kind === 'process' ? [...context.identity, ++context.childCounter] : [];
    Object.defineProperty(this, STATE, {
      value: {
        name: options.name ?? this.defaultName(identity),
        daemon: options.daemon ?? false,
        target: (options.target as ProcessState['target']) ?? null,
        args: [...(options.args ?? [])],
        kwargs: options.kwargs ?? null,
        pid: null,
        creator: context.pid,
        started: false,
        closed: false,
        kind,
        identity,
      } satisfies ProcessState,
    });
  }

  /** What this class starts: a process here, a thread in the threading module. */
  protected kind(): ProcessKind {
    return 'process';
  }

  /** Python's default name: the class name and the creator's counter (`Process-1`, `Chat-2:1`). */
  protected defaultName(identity: number[]): string {
    return `${pythonClassName(this.constructor)}-${identity.join(':')}`;
  }

  get name(): string {
    return this[STATE].name;
  }
  set name(value: string) {
    this[STATE].name = String(value);
  }

  get daemon(): boolean {
    return this[STATE].daemon;
  }
  set daemon(value: boolean) {
    if (this[STATE].started) throw new AssertionError('process has already started');
    this[STATE].daemon = Boolean(value);
  }

  /** The process id, or null before start(). */
  get pid(): number | null {
    return this[STATE].pid;
  }
  get ident(): number | null {
    return this[STATE].pid;
  }

  /** null while running (or not started), 0 after a normal end, 1 after an uncaught error, -N when ended by signal N. */
  get exitCode(): number | null {
    const { pid } = this[STATE];
    if (pid === null || lifeOf(ctx().heap, pid) !== Life.Done) return null;
    return Atomics.load(ctx().heap.i32, slot(pid, W.exitCode));
  }

  /** Runs in the child: calls the target. Override it in a subclass instead of passing one. */
  run(): unknown {
    const { target, args, kwargs } = this[STATE];
    if (!target) return undefined;
    const all = kwargs ? [...args, kwargs] : args;
    return typeof target === 'function'
      ? target(...all)
      : (target.call as (...a: unknown[]) => unknown)(...all);
  }

  start(): void {
    const state = this[STATE];
    const context = ctx();
    this.checkOpen();
    if (state.started) {
      if (state.kind === 'thread') throw new RuntimeError('threads can only be started once');
      throw new AssertionError('cannot start a process twice');
    }
    if (state.creator !== context.pid) {
      throw new AssertionError('can only start a process object created by the current process');
    }
    if (context.daemon && state.kind === 'process') {
      throw new AssertionError('daemonic processes are not allowed to have children');
    }
    if (context.bootstrapping) throw new RuntimeError(BOOTSTRAP_ERROR);
    const job = this.job();
    state.pid = spawnChild({
      name: state.name,
      identity: state.identity,
      kind: state.kind,
      daemon: state.daemon,
      startMethod: context.startMethod,
      job,
      sites: { ...context.inheritedSites, ...context.ownSites },
    });
    state.started = true;
    children.add(this);
  }

  /** Waits until the process ends, or `timeout` seconds pass (then it may still be running). */
  join(timeout: number | null = null): void {
    const state = this[STATE];
    this.checkOpen();
    if (state.pid === ctx().pid) throw new RuntimeError(`cannot join current ${state.kind}`);
    if (state.kind === 'thread') {
      if (!state.started) throw new RuntimeError('cannot join thread before it is started');
    } else {
      if (state.creator !== ctx().pid) throw new AssertionError('can only join a child process');
      if (!state.started) throw new AssertionError('can only join a started process');
    }
    if (waitForEnd(state.pid!, scaledMs(timeout))) children.delete(this);
  }

  isAlive(): boolean {
    const { pid, started } = this[STATE];
    if (pid === ctx().pid) return true;
    this.checkOpen();
    return started && isAliveLife(lifeOf(ctx().heap, pid!));
  }

  /** Asks the page to end the process (SIGTERM, exit code -15). Like Python, it returns at once. */
  terminate(): void {
    this.signal(15);
  }

  /** Like terminate, with SIGKILL's exit code -9. */
  kill(): void {
    this.signal(9);
  }

  close(): void {
    if (this[STATE].started && this.isAlive()) {
      throw new ValueError(
        'Cannot close a process while it is still running. You should first call join() or terminate().',
      );
    }
    this[STATE].closed = true;
  }

  [repr](): string {
    const { name, pid, started, daemon } = this[STATE];
    const kind = pythonClassName(this.constructor);
    if (!started && pid === null)
      return `<${kind} name='${name}'${daemon ? ' daemon' : ''} initial>`;
    const code = this.exitCode;
    const status = code === null ? 'started' : `stopped exitcode=${code}`;
    return `<${kind} name='${name}' pid=${pid} parent=${ctx().heap.i32[slot(pid!, W.ppid)]} ${status}${daemon ? ' daemon' : ''}>`;
  }

  toString(): string {
    return this[repr]();
  }

  private signal(signal: number): void {
    const { pid, started } = this[STATE];
    if (started && pid !== null && isAliveLife(lifeOf(ctx().heap, pid))) {
      notify({ t: 'kill', pid, signal });
    }
  }

  private checkOpen(): void {
    if (this[STATE].closed) throw new ValueError('process object is closed');
  }

  /** What the child needs to run this object, checked here so a bad target fails in the parent. */
  private job(): ChildJob {
    const { target } = this[STATE];
    const cls = this.constructor;
    let className: string | null = runtimeClassNames.get(cls) ?? null;
    const runtime = className !== null || kindClasses[this[STATE].kind] === cls;
    if (!runtime) {
      className = topLevelNameOf(cls);
      if (className === null) {
        throw new TypeError(
          `${cls.name || 'this class'} is not a top-level class of the program: a Process ` +
            'subclass must be declared at the top level so the child can find it by name.',
        );
      }
    }
    if (target !== null && typeof target === 'object') {
      if (typeof target.call !== 'function')
        throw new TypeError('target must be a function or an object with a call() method');
      return {
        ...this.jobOf(className, runtime),
        targetName: null,
        targetObject: encode(target, 'target'),
      };
    }
    const targetName = target === null ? null : topLevelNameOf(target);
    if (target !== null && targetName === null) {
      throw new TypeError(
        `target must be a top-level function of the program (the child process finds it by ` +
          `name), not ${describeTarget(target)}. ` +
          'Python has the same rule: the target must be picklable.',
      );
    }
    return { ...this.jobOf(className, runtime), targetName, targetObject: null };
  }

  /** The parts of a job that do not depend on the target. */
  private jobOf(
    className: string | null,
    runtime: boolean,
  ): Omit<ChildJob, 'targetName' | 'targetObject'> {
    const { args, kwargs } = this[STATE];
    return {
      className,
      runtime: runtime && className !== null,
      fields: className === null ? {} : encode({ ...this }, 'field'),
      args: encode(args, 'args'),
      kwargs: encode(kwargs, 'kwargs'),
    };
  }
}

nameRuntimeClass(Process, 'Process');

/** The base class of each kind: a child started from one is rebuilt as one around its target. */
export const kindClasses: Record<ProcessKind, typeof Process> = {
  process: Process,
  thread: Process,
};
export function registerKindClass(kind: ProcessKind, cls: typeof Process): void {
  kindClasses[kind] = cls;
}

/** Subclasses the runtime defines (Timer): rebuilt from their fields, like the program's. */
const runtimeClassNames = new Map<unknown, string>();
export const runtimeClassesByName = new Map<string, { prototype: object }>();
export function registerRuntimeClass(
  name: string,
  cls: abstract new (...args: never[]) => unknown,
): void {
  nameRuntimeClass(cls, name);
  runtimeClassNames.set(cls, name);
  runtimeClassesByName.set(name, cls);
}

function describeTarget(fn: (...args: never[]) => unknown): string {
  // Arrow functions and methods have no prototype; a named function with one is nested.
  if (!('prototype' in fn)) return 'an arrow function or method';
  return fn.name ? `'${fn.name}', a nested function or closure` : 'an anonymous function';
}

/** Children this process started and has not yet seen end. */
export const children = new Set<Process>();
perProcess(() => children.clear());

/** Blocks until process `pid` is Done or `ms` pass. True if it ended. */
export function waitForEnd(pid: number, ms: number): boolean {
  sched?.point(Point.Join);
  const { heap } = ctx();
  const deadline = ms === Infinity ? Infinity : nowMs() + ms;
  const index = slot(pid, W.life);
  for (;;) {
    const life = Atomics.load(heap.i32, index);
    if (life === Life.Done) {
      race?.acquire(endKey(pid)); // all it did happens before join() returns
      return true;
    }
    const left = remaining(deadline);
    if (left === 0) return false;
    // Negative: waiting on a process, not an object. Its start and exit are no steps of ours.
    waitOn(index, life, left, -pid, undefined, (now) => now !== Life.Done);
  }
}
