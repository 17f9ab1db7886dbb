import { scaledMs } from '../blocking';
import { ctx, topLevelNameOf } from '../context';
import { RuntimeError, TimeoutError } from '../errors';
import { Queue } from '../queue/mp-queue';
import { Future, ResultPump } from './future';
import { TaskState, TaskTable } from './task-table';
import { PoolProcess, PoolThread, type Outcome, type Task } from './worker';

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

/** What ThreadPoolExecutor and ProcessPoolExecutor share: workers started as tasks come. */
export abstract class Executor implements Disposable {
  protected readonly tasks = new Queue<Task | null>();
  protected readonly pump = new ResultPump(new Queue<Outcome>(), new TaskTable());
  protected readonly workers: (PoolThread | PoolProcess)[] = [];
  private shut = false;
  protected readonly serial = executorCount++;

  constructor(readonly maxWorkers: number) {
    if (!Number.isInteger(maxWorkers) || maxWorkers <= 0)
      throw new RangeError('maxWorkers must be greater than 0');
  }

  protected abstract newWorker(index: number): PoolThread | PoolProcess;

  /** Runs `fn(...args)` in a worker; the Future gives its result. */
  submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Future<Awaited<R>> {
    if (this.shut) throw new RuntimeError('cannot schedule new futures after shutdown');
    const id = this.pump.table.next();
    this.tasks.put({ id, fn: taskName(fn, this.constructor.name), args });
    if (this.workers.length < this.maxWorkers) {
      const worker = this.newWorker(this.workers.length);
      worker.start();
      this.workers.push(worker);
      live.add(this);
    }
    return new Future<Awaited<R>>(id, this.pump);
  }

  /** Python's Executor.map: results in order, as they are asked for; `timeout` for them all. */
  *map<R>(
    fn: (...args: never[]) => R,
    ...iterables: (Iterable<unknown> | { timeout?: number | null })[]
  ): Generator<Awaited<R>> {
    const last = iterables.at(-1);
    const options =
      last && !(Symbol.iterator in last) ? (iterables.pop() as { timeout?: number | null }) : {};
    const columns = (iterables as Iterable<unknown>[]).map((it) => [...it]);
    const count = Math.min(...columns.map((c) => c.length));
    const call = fn as unknown as (...args: unknown[]) => R;
    const futures = Array.from({ length: count }, (_, i) =>
      this.submit(call, ...columns.map((c) => c[i])),
    );
    const deadline = options.timeout == null ? null : performance.now() + scaledMs(options.timeout);
    for (const future of futures) {
      const left =
        deadline === null ? null : Math.max(0, deadline - performance.now()) / scaledMs(1);
      yield future.result(left) as Awaited<R>;
    }
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

/** Runs tasks on threads (Web Workers here). */
export class ThreadPoolExecutor extends Executor {
  constructor(
    maxWorkers: number | null = null,
    readonly threadNamePrefix = '',
  ) {
    super(maxWorkers ?? Math.min(32, (navigator.hardwareConcurrency || 1) + 4));
  }
  protected newWorker(index: number): PoolThread {
    const name = `${this.threadNamePrefix || `ThreadPoolExecutor-${this.serial}`}_${index}`;
    return new PoolThread(name, {
      tasks: this.tasks,
      results: this.pump.results,
      table: this.pump.table,
      initializer: null,
      initargs: [],
      maxTasks: 0,
    });
  }
}

/** Runs tasks in processes. */
export class ProcessPoolExecutor extends Executor {
  constructor(maxWorkers: number | null = null) {
    super(maxWorkers ?? (navigator.hardwareConcurrency || 1));
  }
  protected newWorker(): PoolProcess {
    return new PoolProcess(
      `ForkProcess-${ctx().childCounter + 1}`,
      {
        tasks: this.tasks,
        results: this.pump.results,
        table: this.pump.table,
        initializer: null,
        initargs: [],
        maxTasks: 0,
      },
      false,
    );
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
  const deadline = timeout === null ? Infinity : performance.now() + scaledMs(timeout);
  while (!met()) {
    const left = deadline - performance.now();
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
  const deadline = timeout === null ? Infinity : performance.now() + scaledMs(timeout);
  while (pending.size > 0) {
    for (const f of pending) {
      if (f.done()) {
        pending.delete(f);
        yield f;
      }
    }
    if (pending.size === 0) return;
    const left = deadline - performance.now();
    if (left <= 0) throw new TimeoutError(`${pending.size} (of the) futures unfinished`);
    pumpOf([...pending]).pump(Math.min(left, 50));
  }
}

/** One pump to wait on; futures of other executors are polled by done() meanwhile. */
function pumpOf<T>(futures: Future<T>[]): ResultPump {
  return futures[0].pump;
}
