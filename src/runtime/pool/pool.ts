import { scaledMs } from '../blocking';
import { ctx, topLevelNameOf } from '../context';
import { RuntimeError, TimeoutError, ValueError } from '../errors';
import { repr } from '../format';
import { Queue } from '../queue/mp-queue';
import { taskName } from './executor';
import { Future, ResultPump } from './future';
import { TaskTable } from './task-table';
import { PoolProcess, type Outcome, type Task } from './worker';

type Fn = (...args: never[]) => unknown;
type Callback<T> = ((value: T) => void) | null;

let poolWorkers = 0;

/**
 * multiprocessing.Pool: `processes` worker processes started at once, each serving tasks
 * from one shared queue (no per-task postMessage) until close() or terminate(); with
 * `maxtasksperchild`, a worker retires after that many tasks and a new one takes its place.
 */
export class Pool implements Disposable {
  private readonly tasks = new Queue<Task | null>();
  private readonly pump: ResultPump;
  private readonly workers: PoolProcess[] = [];
  private state: 'run' | 'close' | 'terminate' = 'run';

  constructor(
    readonly processes: number | null = null,
    private readonly initializer: Fn | null = null,
    private readonly initargs: unknown[] = [],
    private readonly maxtasksperchild: number | null = null,
  ) {
    const count = processes ?? (navigator.hardwareConcurrency || 1);
    if (!Number.isInteger(count) || count < 1)
      throw new ValueError('Number of processes must be at least 1');
    if (initializer !== null && topLevelNameOf(initializer) === null) taskName(initializer, 'Pool');
    // Between waits for a result, replace workers that retired (maxtasksperchild).
    this.pump = new ResultPump(new Queue<Outcome>(), new TaskTable(), () => this.replaceRetired());
    // A child re-evaluating a module-level Pool (fork) gets an inert copy: the parent's pool
    // has the workers, and starting more here would multiply them in every child.
    this.inherited = ctx().bootstrapping;
    if (!this.inherited) for (let k = 0; k < count; k++) this.startWorker();
  }

  private readonly inherited: boolean;

  /** Runs `fn(...args)` in a worker and waits for its result. */
  apply<R>(
    fn: (...args: never[]) => R,
    args: unknown[] = [],
    kwds: Record<string, unknown> | null = null,
  ): Awaited<R> {
    return this.applyAsync(fn, args, kwds).get();
  }

  applyAsync<R>(
    fn: (...args: never[]) => R,
    args: unknown[] = [],
    kwds: Record<string, unknown> | null = null,
    callback: Callback<Awaited<R>> = null,
    errorCallback: Callback<Error> = null,
  ): AsyncResult<Awaited<R>> {
    const future = this.submit(fn, kwds ? [...args, kwds] : args);
    return new AsyncResult([future], ([v]) => v as Awaited<R>, callback, errorCallback);
  }

  /** fn applied to each item, results in order (Python's map; each item is one task here). */
  map<T, R>(fn: (item: T) => R, iterable: Iterable<T>, _chunksize?: number): Awaited<R>[] {
    return this.mapAsync(fn, iterable).get();
  }

  mapAsync<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    _chunksize?: number,
    callback: Callback<Awaited<R>[]> = null,
    errorCallback: Callback<Error> = null,
  ): AsyncResult<Awaited<R>[]> {
    const futures = [...iterable].map((item) => this.submit(fn as Fn, [item]));
    return new AsyncResult(futures, (values) => values as Awaited<R>[], callback, errorCallback);
  }

  /** Like map, each item being the arguments of one call. */
  starmap<R>(
    fn: (...args: never[]) => R,
    iterable: Iterable<unknown[]>,
    _chunksize?: number,
  ): Awaited<R>[] {
    return this.starmapAsync(fn, iterable).get();
  }

  starmapAsync<R>(
    fn: (...args: never[]) => R,
    iterable: Iterable<unknown[]>,
    _chunksize?: number,
    callback: Callback<Awaited<R>[]> = null,
    errorCallback: Callback<Error> = null,
  ): AsyncResult<Awaited<R>[]> {
    const futures = [...iterable].map((args) => this.submit(fn, args));
    return new AsyncResult(futures, (values) => values as Awaited<R>[], callback, errorCallback);
  }

  /** Results in order, each as soon as it and those before it are ready. */
  *imap<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    _chunksize?: number,
  ): Generator<Awaited<R>> {
    const futures = [...iterable].map((item) => this.submit(fn as Fn, [item]));
    for (const f of futures) yield f.result() as Awaited<R>;
  }

  /** Results in the order they finish. */
  *imapUnordered<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    _chunksize?: number,
  ): Generator<Awaited<R>> {
    const pending = new Set([...iterable].map((item) => this.submit(fn as Fn, [item])));
    while (pending.size > 0) {
      this.pump.pumpUntil(() => [...pending].some((f) => f.done()), Infinity);
      for (const f of pending) {
        if (!f.done()) continue;
        pending.delete(f);
        yield f.result() as Awaited<R>;
      }
    }
  }

  /** No more tasks; the workers leave when the queued ones are done. */
  close(): void {
    if (this.state !== 'run') return;
    this.state = 'close';
    this.workers.forEach(() => this.tasks.put(null)); // one stop signal per worker
  }

  /** Stops the workers at once; unfinished tasks are lost. */
  terminate(): void {
    this.state = 'terminate';
    for (const worker of this.workers) worker.terminate();
  }

  /** Waits for the workers to leave; close() or terminate() first. */
  join(): void {
    if (this.state === 'run') throw new ValueError('Pool is still running');
    for (const worker of this.workers) worker.join();
  }

  /** Python's `with Pool() as p:` ends with terminate(). */
  [Symbol.dispose](): void {
    this.terminate();
  }

  [repr](): string {
    return `<Pool state=${this.state} pool_size=${this.workers.length}>`;
  }

  private submit(fn: Fn, args: unknown[]): Future {
    if (this.inherited) {
      throw new RuntimeError(
        'this Pool belongs to the parent process (it was created at module level); create one ' +
          'inside the child to use a pool there',
      );
    }
    if (this.state !== 'run') throw new ValueError('Pool not running');
    const id = this.pump.table.next();
    this.tasks.put({ id, fn: taskName(fn, 'Pool'), args });
    return new Future(id, this.pump);
  }

  private startWorker(): void {
    const worker = new PoolProcess(
      `ForkPoolWorker-${++poolWorkers}`,
      {
        tasks: this.tasks,
        results: this.pump.results,
        table: this.pump.table,
        initializer: this.initializer && topLevelNameOf(this.initializer),
        initargs: this.initargs,
        maxTasks: this.maxtasksperchild ?? 0,
      },
      true,
    );
    worker.start();
    this.workers.push(worker);
  }

  private replaceRetired(): void {
    if (this.state !== 'run' || !this.maxtasksperchild) return;
    for (let k = 0; k < this.workers.length; k++) {
      if (this.workers[k].isAlive()) continue;
      this.workers.splice(k--, 1);
      this.startWorker();
    }
  }
}

/** multiprocessing.pool.AsyncResult: the result of applyAsync / mapAsync. */
export class AsyncResult<T> {
  private called = false;

  constructor(
    private readonly futures: Future[],
    private readonly combine: (values: unknown[]) => T,
    private readonly callback: Callback<T>,
    private readonly errorCallback: Callback<Error>,
  ) {
    for (const f of futures) f.addDoneCallback(() => this.notify());
  }

  ready(): boolean {
    return this.futures.every((f) => f.done());
  }

  /** Whether it ended without error; ValueError before it is ready. */
  successful(): boolean {
    if (!this.ready()) throw new ValueError('result is not ready');
    return this.futures.every((f) => f.exception() === null);
  }

  /** Waits up to `timeout` seconds for it to be ready. */
  wait(timeout: number | null = null): void {
    const [first] = this.futures;
    if (first) first.pump.pumpUntil(() => this.ready(), scaledMs(timeout));
  }

  /** The result (TimeoutError after `timeout` seconds); raises the task's error. */
  get(timeout: number | null = null): T {
    this.wait(timeout);
    if (!this.ready()) throw new TimeoutError(`the result did not come within ${timeout} s`);
    return this.combine(this.futures.map((f) => f.result()));
  }

  private notify(): void {
    if (this.called || !this.ready()) return;
    this.called = true;
    const error = this.futures.map((f) => f.exception()).find((e) => e !== null);
    if (error) this.errorCallback?.(error);
    else this.callback?.(this.combine(this.futures.map((f) => f.result())));
  }
}
