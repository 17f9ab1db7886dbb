import { nameRuntimeClass } from './class-names';
import { ctx } from './context';
import { H } from './layout';
import {
  Process,
  STATE,
  registerKindClass,
  registerRuntimeClass,
  type ProcessOptions,
} from './process';
import type { ProcessKind } from './protocol';
import { Event } from './sync/event';

/**
 * threading.Thread. In the browser a thread is a Web Worker, so it runs truly in parallel and
 * shares no globals with the thread that started it: shared state goes through Value/Array,
 * queues and the primitives, which it shares as processes do. It belongs to the process that
 * started it (getpid() tells that process's pid) and is named `Thread-N` from one counter.
 */
export class Thread extends Process {
  constructor(options: ProcessOptions = {}) {
    super(options);
  }

  protected override kind(): ProcessKind {
    return 'thread';
  }

  protected override defaultName(): string {
    return `Thread-${Atomics.add(ctx().heap.i32, H.threadCounter, 1) + 1}`;
  }

  /** The thread's id (its Worker's id in this run). */
  get nativeId(): number | null {
    return this.ident;
  }

  /** Python's getName/setName and isDaemon/setDaemon, still used by older articles. */
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.name = name;
  }
  isDaemon(): boolean {
    return this.daemon;
  }
  setDaemon(daemon: boolean): void {
    this.daemon = daemon;
  }
}
registerKindClass('thread', Thread);
nameRuntimeClass(Thread, 'Thread');

/**
 * threading.Timer: a thread that calls `fn(...args)` after `interval` seconds, unless cancel()
 * came first. `fn` is a top-level function (it travels by name, like a target).
 */
export class Timer extends Thread {
  interval: number;
  finished: Event;

  constructor(
    interval: number,
    fn: (...args: never[]) => unknown,
    args: unknown[] = [],
    kwargs: Record<string, unknown> | null = null,
  ) {
    super({ target: fn, args, kwargs });
    this.interval = interval;
    this.finished = new Event();
  }

  /** Stops the timer if it is still waiting. */
  cancel(): void {
    this.finished.set();
  }

  override run(): unknown {
    this.finished.wait(this.interval);
    const result = this.finished.isSet() ? undefined : super.run();
    this.finished.set();
    return result;
  }
}
registerRuntimeClass('Timer', Timer);

/** Whether a Process object is a thread (threading's enumerate and activeCount count those). */
export function isThreadObject(p: Process): boolean {
  return p[STATE].kind === 'thread';
}
