import { nowMs, scaledMs } from '../blocking';
import { ctx, topLevelNameOf } from '../context';
import { RuntimeError, TimeoutError, ValueError } from '../errors';
import { Queue } from '../queue/mp-queue';
import { BrokenProcessPool, BrokenThreadPool } from './errors';
import { Future, ResultPump } from './future';
import { TaskState, TaskTable } from './task-table';
import {
  PoolProcess,
  PoolThread,
  type Breakage,
  type Outcome,
  type PoolWorkerFields,
  type Task,
} from './worker';
import { perProcess } from '../process-state';
import { checkedChunksize, chunksOf } from './chunks';

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** The function of a task, by name: it runs in another Worker, so it must be top-level. */
export function taskName(fn: unknown, where: string): string {
  const name = topLevelNameOf(fn);
  if (name === null) {
    throw new TypeError(
      `${where} runs functions in other Workers, which find them by name: pass a top-level ` +
        'function of the program, not an arrow function, a closure or a method.',
    );
  }
  return name;
}

/**
 * Executors that started workers in this process: shut down (waiting) when its code ends, as
 * Python does at exit. A child's copy of a module-level executor (re-evaluated under "fork")
 * starts none, so it never drains the parent's results or stops the parent's workers.
 */
const live = new Set<Executor>();
export function shutdownExecutors(): void {
  for (const executor of live) executor.shutdown();
}

let executorCount = 0;
perProcess(() => {
  live.clear();
  executorCount = 0;
});

type Fn = (...args: never[]) => unknown;

/** What both executors take after maxWorkers, positionally (Python's order) or as options. */
export interface ExecutorOptions {
  maxWorkers?: number | null;
  /** Run once in each worker before its first task (a top-level function). */
  initializer?: Fn | null;
  initargs?: unknown[];
}

/** What ThreadPoolExecutor and ProcessPoolExecutor share: workers started as tasks come. */
export abstract class Executor implements Disposable {
  protected readonly tasks = new Queue<Task | null>();
  protected readonly pump = new ResultPump(new Queue<Outcome>(), new TaskTable());
  protected readonly workers: (PoolThread | PoolProcess)[] = [];
  private shut = false;
  protected readonly serial = executorCount++;
  readonly maxWorkers: number;
  protected readonly initializer: string | null;
  protected readonly initargs: unknown[];

  constructor(
    /** The class's name in messages (written out: the build minifies class names). */
    protected readonly kind: 'ThreadPoolExecutor' | 'ProcessPoolExecutor',
    /** The error every task gets once an initializer has failed. */
    private readonly breakage: Breakage,
    maxWorkers: number,
    options: ExecutorOptions,
  ) {
    if (maxWorkers <= 0) throw new ValueError('max_workers must be greater than 0');
    if (!Number.isInteger(maxWorkers))
      throw new TypeError(`max_workers must be a whole number, not ${String(maxWorkers)}`);
    this.maxWorkers = maxWorkers;
    const { initializer = null, initargs = [] } = options;
    this.initializer = initializer === null ? null : taskName(initializer, `${kind}'s initializer`);
    this.initargs = initargs;
  }

  protected abstract newWorker(index: number, fields: PoolWorkerFields): PoolThread | PoolProcess;

  /** Runs `fn(...args)` in a worker; the Future gives its result. */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Future<Awaited<R>> {
    return this.enqueue({ fn: taskName(fn, this.kind), args });
  }

  /** Puts a task (one call, or a chunk of map's) in the queue, starting a worker if there is room. */
  private enqueue<R>(task: DistributiveOmit<Task, 'id'>): Future<R> {
    if (this.pump.table.broken()) throw this.broken();
    if (this.shut) throw new RuntimeError('cannot schedule new futures after shutdown');
    const id = this.pump.table.next();
    this.tasks.put({ id, ...task });
    if (this.workers.length < this.maxWorkers) {
      const worker = this.newWorker(this.workers.length, {
        tasks: this.tasks,
        results: this.pump.results,
        table: this.pump.table,
        initializer: this.initializer,
        initargs: this.initargs,
        maxTasks: 0,
        breakage: this.breakage,
      });
      worker.start();
      this.workers.push(worker);
      live.add(this);
    }
    return new Future<R>(id, this.pump);
  }

  /**
   * Python's Executor.map: every call is submitted now; the results come in order as they are
   * asked for. `timeout` (seconds from this call) bounds them all: when it expires, or the
   * results are abandoned, the calls not yet started are cancelled. A ProcessPoolExecutor
   * sends the calls in tasks of `chunksize` (default 1: one each), as Pool.map does; a
   * ThreadPoolExecutor ignores it, as CPython's does.
   */
  map<R>(
    fn: (...args: never[]) => R,
    ...iterables: (Iterable<unknown> | MapOptions)[]
  ): Generator<Awaited<R>> {
    const last = iterables.at(-1);
    const options = last && !(Symbol.iterator in last) ? (iterables.pop() as MapOptions) : {};
    const chunksize = checkedChunksize(options.chunksize ?? 1);
    const columns = (iterables as Iterable<unknown>[]).map((it) => [...it]);
    const count = Math.min(...columns.map((c) => c.length));
    const calls = Array.from({ length: count }, (_, i) => columns.map((c) => c[i]));
    const name = taskName(fn, this.kind);
    const deadline = options.timeout == null ? null : nowMs() + scaledMs(options.timeout);
    if (chunksize === 1 || this.kind === 'ThreadPoolExecutor') {
      const futures = calls.map((args) => this.enqueue<Awaited<R>>({ fn: name, args }));
      return resultsInOrder(futures, deadline);
    }
    const chunks = chunksOf(calls, chunksize).map(({ first, items }) =>
      this.enqueue<Awaited<R>[]>({ fn: name, calls: items, first }),
    );
    return flattened(resultsInOrder(chunks, deadline));
  }

  /** No more tasks; with `wait`, returns when the workers are done. `cancelFutures` drops pending ones. */
  shutdown(options: { wait?: boolean; cancelFutures?: boolean } | boolean = {}): void {
    const { wait = true, cancelFutures = false } =
      typeof options === 'boolean' ? { wait: options } : options;
    if (!this.shut) {
      this.shut = true;
      live.delete(this);
      if (cancelFutures) this.cancelPending();
      for (let k = 0; k < this.workers.length; k++) this.tasks.put(null);
    }
    if (wait) for (const worker of this.workers) worker.join();
    this.pump.pump();
  }

  /** `using executor = new ThreadPoolExecutor(2)`: Python's `with` block, shutdown(wait) at its end. */
  [Symbol.dispose](): void {
    this.shutdown();
  }

  private broken(): Error {
    const { className, message } = this.breakage;
    return className === 'BrokenThreadPool'
      ? new BrokenThreadPool(message)
      : new BrokenProcessPool(message);
  }

  private cancelPending(): void {
    for (;;) {
      let task: Task | null;
      try {
        task = this.tasks.getNowait();
      } catch {
        return;
      }
      if (task) this.pump.table.move(task.id, TaskState.Pending, TaskState.Cancelled);
    }
  }
}

/** map's results: each waits until `deadline` (ms, or null); the rest are cancelled on leaving. */
/** Executor.map's keyword arguments. */
interface MapOptions {
  timeout?: number | null;
  chunksize?: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The values of chunks' lists, in order (abandoning them abandons the chunks). */
function* flattened<T>(lists: Generator<T[]>): Generator<T> {
  for (const list of lists) yield* list;
}

function* resultsInOrder<R>(futures: Future<Awaited<R>>[], deadline: number | null) {
  let next = 0;
  try {
    for (; next < futures.length; next++) {
      const left = deadline === null ? null : Math.max(0, deadline - nowMs()) / scaledMs(1);
      yield futures[next].result(left);
    }
  } finally {
    for (const future of futures.slice(next)) future.cancel();
  }
}

/** Positional arguments after maxWorkers, or one options object in their place. */
function optionsOf<O extends ExecutorOptions>(
  first: number | null | O | undefined,
  second: unknown,
  positional: () => O,
): { maxWorkers: number | null; options: O } {
  if (first !== null && typeof first === 'object')
    return { maxWorkers: first.maxWorkers ?? null, options: first };
  if (second !== null && typeof second === 'object')
    return { maxWorkers: first ?? null, options: second as O };
  return { maxWorkers: first ?? null, options: positional() };
}

export interface ThreadPoolOptions extends ExecutorOptions {
  threadNamePrefix?: string;
}

/** Runs tasks on threads (Web Workers here). */
export class ThreadPoolExecutor extends Executor {
  readonly threadNamePrefix: string;

  /** `(maxWorkers, threadNamePrefix, initializer, initargs)` as in Python, or options. */
  constructor(
    maxWorkers?: number | null | ThreadPoolOptions,
    threadNamePrefix?: string | ThreadPoolOptions,
    initializer?: Fn | null,
    initargs?: unknown[],
  ) {
    const given = optionsOf<ThreadPoolOptions>(maxWorkers, threadNamePrefix, () => ({
      threadNamePrefix: threadNamePrefix as string | undefined,
      initializer,
      initargs,
    }));
    super(
      'ThreadPoolExecutor',
      {
        className: 'BrokenThreadPool',
        message: 'A thread initializer failed, the thread pool is not usable anymore',
      },
      given.maxWorkers ?? Math.min(32, (navigator.hardwareConcurrency || 1) + 4),
      given.options,
    );
    this.threadNamePrefix = given.options.threadNamePrefix ?? '';
  }

  protected newWorker(index: number, fields: PoolWorkerFields): PoolThread {
    const name = `${this.threadNamePrefix || `ThreadPoolExecutor-${this.serial}`}_${index}`;
    return new PoolThread(name, fields);
  }
}

/** Runs tasks in processes. */
export class ProcessPoolExecutor extends Executor {
  /**
   * `(maxWorkers, mpContext, initializer, initargs)` as in Python, or options. There is one
   * context here (the start method is set with setStartMethod), so mpContext must be null.
   */
  constructor(
    maxWorkers?: number | null | ExecutorOptions,
    mpContext?: null | ExecutorOptions,
    initializer?: Fn | null,
    initargs?: unknown[],
  ) {
    if (mpContext != null && typeof mpContext !== 'object') {
      throw new TypeError(
        'mpContext must be null: there is one context here (choose the start method with ' +
          'setStartMethod)',
      );
    }
    const given = optionsOf<ExecutorOptions>(maxWorkers, mpContext, () => ({
      initializer,
      initargs,
    }));
    super(
      'ProcessPoolExecutor',
      {
        className: 'BrokenProcessPool',
        message: 'A process initializer failed, the process pool is not usable anymore',
      },
      given.maxWorkers ?? (navigator.hardwareConcurrency || 1),
      given.options,
    );
  }

  protected newWorker(_index: number, fields: PoolWorkerFields): PoolProcess {
    return new PoolProcess(`ForkProcess-${ctx().childCounter + 1}`, fields, false);
  }
}

/** The futures split into done and not done, when `returnWhen` is met or `timeout` seconds pass. */
export function wait<T>(
  fs: Iterable<Future<T>>,
  options: { timeout?: number | null; returnWhen?: ReturnWhen } = {},
): { done: Set<Future<T>>; notDone: Set<Future<T>> } {
  const { timeout = null, returnWhen = ALL_COMPLETED } = options;
  const futures = [...fs];
  const split = () => {
    const done = new Set(futures.filter((f) => f.done()));
    return { done, notDone: new Set(futures.filter((f) => !done.has(f))) };
  };
  const met = () => {
    const { done, notDone } = split();
    if (notDone.size === 0) return true;
    if (returnWhen === FIRST_COMPLETED) return done.size > 0;
    if (returnWhen === FIRST_EXCEPTION)
      return [...done].some((f) => !f.cancelled() && f.exception() !== null);
    return false;
  };
  const deadline = timeout === null ? Infinity : nowMs() + scaledMs(timeout);
  while (!met()) {
    const left = deadline - nowMs();
    if (left <= 0) break;
    pumpOf(futures).pump(Math.min(left, 50));
  }
  return split();
}

/** Yields the futures as they complete; TimeoutError if `timeout` seconds pass first. */
export function* asCompleted<T>(
  fs: Iterable<Future<T>>,
  timeout: number | null = null,
): Generator<Future<T>> {
  const pending = new Set(fs);
  const deadline = timeout === null ? Infinity : nowMs() + scaledMs(timeout);
  while (pending.size > 0) {
    for (const f of pending) {
      if (f.done()) {
        pending.delete(f);
        yield f;
      }
    }
    if (pending.size === 0) return;
    const left = deadline - nowMs();
    if (left <= 0) throw new TimeoutError(`${pending.size} (of the) futures unfinished`);
    pumpOf([...pending]).pump(Math.min(left, 50));
  }
}

/** One pump to wait on; futures of other executors are polled by done() meanwhile. */
function pumpOf<T>(futures: Future<T>[]): ResultPump {
  return futures[0].pump;
}
