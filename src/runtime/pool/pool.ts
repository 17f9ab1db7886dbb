import { scaledMs } from '../blocking';
import { ctx, topLevelNameOf } from '../context';
import { RuntimeError, TimeoutError, ValueError } from '../errors';
import { repr } from '../format';
import { Queue } from '../queue/mp-queue';
import { checkedChunksize, chunksOf, mapChunksize } from './chunks';
import { taskName } from './executor';
import { Future, ResultPump } from './future';
import { TaskState, TaskTable } from './task-table';
import { PoolProcess, type Outcome, type Task } from './worker';
import { perProcess } from '../process-state';

type Fn = (...args: never[]) => unknown;
type Callback<T> = ((value: T) => void) | null;

/** Pool's arguments by name. */
export interface PoolOptions {
  processes?: number | null;
  /** Run once in each worker before its first task (a top-level function). */
  initializer?: Fn | null;
  initargs?: unknown[];
  /** Tasks a worker runs before it retires and a fresh one takes its place; null: no limit. */
  maxtasksperchild?: number | null;
}

/** CPython's rule: a positive int or None. */
function checkedMaxTasks(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ValueError(
      `maxtasksperchild must be a positive int or null, not ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return value;
}

let poolWorkers = 0;
perProcess(() => (poolWorkers = 0));

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
  readonly processes: number;
  private readonly initializer: Fn | null;
  private readonly initargs: unknown[];
  private readonly maxtasksperchild: number | null;
  /** Ids of tasks submitted and not yet done: while there are any, retired workers are replaced. */
  private readonly unfinished = new Set<number>();
  /** After close(), whether each worker has been sent its stop signal (`null` task). */
  private stopsSent = false;

  /** `(processes, initializer, initargs, maxtasksperchild)` as in Python, or options after processes. */
  constructor(
    processes?: number | null | PoolOptions,
    initializer?: Fn | null | PoolOptions,
    initargs?: unknown[],
    maxtasksperchild?: number | null,
  ) {
    const options: PoolOptions =
      processes !== null && typeof processes === 'object'
        ? processes
        : initializer !== null && typeof initializer === 'object'
          ? { processes, ...initializer }
          : { processes, initializer, initargs, maxtasksperchild };
    const count = options.processes ?? (navigator.hardwareConcurrency || 1);
    if (!Number.isInteger(count) || count < 1)
      throw new ValueError('Number of processes must be at least 1');
    this.processes = count;
    this.maxtasksperchild = checkedMaxTasks(options.maxtasksperchild);
    this.initializer = options.initializer ?? null;
    this.initargs = options.initargs ?? [];
    if (this.initializer !== null) taskName(this.initializer, "Pool's initializer");
    // Between waits for a result, replace workers that retired (maxtasksperchild).
    this.pump = new ResultPump(new Queue<Outcome>(), new TaskTable(), () => this.maintain());
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
    const future = this.submit(fn, { args: kwds ? [...args, kwds] : args });
    return new AsyncResult([future], ([v]) => v as Awaited<R>, callback, errorCallback);
  }

  /**
   * fn applied to each item, results in order (Python's map). The items go to the workers in
   * chunks of `chunksize`, each one task (by default about four per worker: see chunks.ts).
   */
  map<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    chunksize: number | null = null,
  ): Awaited<R>[] {
    return this.mapAsync(fn, iterable, chunksize).get();
  }

  mapAsync<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    chunksize: number | null = null,
    callback: Callback<Awaited<R>[]> = null,
    errorCallback: Callback<Error> = null,
  ): AsyncResult<Awaited<R>[]> {
    const calls = Array.from(iterable, (item) => [item]);
    return this.mapCalls(fn as Fn, calls, chunksize, callback, errorCallback);
  }

  /** Like map, each item being the arguments of one call. */
  starmap<R>(
    fn: (...args: never[]) => R,
    iterable: Iterable<unknown[]>,
    chunksize: number | null = null,
  ): Awaited<R>[] {
    return this.starmapAsync(fn, iterable, chunksize).get();
  }

  starmapAsync<R>(
    fn: (...args: never[]) => R,
    iterable: Iterable<unknown[]>,
    chunksize: number | null = null,
    callback: Callback<Awaited<R>[]> = null,
    errorCallback: Callback<Error> = null,
  ): AsyncResult<Awaited<R>[]> {
    return this.mapCalls(
      fn,
      Array.from(iterable, (args) => [...args]),
      chunksize,
      callback,
      errorCallback,
    );
  }

  /**
   * Results in order, each as soon as it and those before it are ready. The tasks are
   * submitted at the call, in chunks of `chunksize` (1 by default, as in Python).
   */
  imap<T, R>(fn: (item: T) => R, iterable: Iterable<T>, chunksize = 1): Generator<Awaited<R>> {
    const calls = Array.from(iterable, (item) => [item]);
    return inOrder(this.submitChunks(fn as Fn, calls, checkedChunksize(chunksize)));
  }

  /** Like imap, the results in the order their chunks finish. */
  imapUnordered<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    chunksize = 1,
  ): Generator<Awaited<R>> {
    const calls = Array.from(iterable, (item) => [item]);
    return asFinished(this.submitChunks(fn as Fn, calls, checkedChunksize(chunksize)), this.pump);
  }

  /** No more tasks; the workers leave when the queued ones are done. */
  close(): void {
    if (this.state !== 'run') return;
    this.state = 'close';
    // Workers that never retire each take one stop signal after the last task. With
    // maxtasksperchild, retired workers are replaced until every task is done (CPython issue
    // 10332), and only then do the workers get their signals (maintain).
    if (!this.maxtasksperchild) this.sendStops();
  }

  /** Stops the workers at once; unfinished tasks are lost. */
  terminate(): void {
    this.state = 'terminate';
    for (const worker of this.workers) worker.terminate();
  }

  /** Waits for the workers to leave; close() or terminate() first. */
  join(): void {
    if (this.state === 'run') throw new ValueError('Pool is still running');
    while (this.state === 'close' && !this.stopsSent) this.pump.pumpUntil(() => this.stopsSent, 50);
    for (const worker of this.workers) worker.join();
  }

  /** Python's `with Pool() as p:` ends with terminate(). */
  [Symbol.dispose](): void {
    this.terminate();
  }

  [repr](): string {
    return `<Pool state=${this.state} pool_size=${this.workers.length}>`;
  }

  /** map's and starmap's calls in chunks (chunks.ts), the result their values in order. */
  private mapCalls<R>(
    fn: Fn,
    calls: unknown[][],
    chunksize: unknown,
    callback: Callback<R[]>,
    errorCallback: Callback<Error>,
  ): AsyncResult<R[]> {
    const size = mapChunksize(calls.length, this.processes, chunksize);
    const futures = this.submitChunks(fn, calls, size);
    return new AsyncResult(futures, (lists) => (lists as R[][]).flat(), callback, errorCallback);
  }

  /** One task per chunk of `size` calls; each future's value is the list of its calls' values. */
  private submitChunks(fn: Fn, calls: unknown[][], size: number): Future[] {
    return chunksOf(calls, size).map((chunk) =>
      this.submit(fn, { calls: chunk.items, first: chunk.first }),
    );
  }

  private submit(
    fn: Fn,
    work: { args: unknown[] } | { calls: unknown[][]; first: number },
  ): Future {
    if (this.inherited) {
      throw new RuntimeError(
        'this Pool belongs to the parent process (it was created at module level); create one ' +
          'inside the child to use a pool there',
      );
    }
    if (this.state !== 'run') throw new ValueError('Pool not running');
    const id = this.pump.table.next();
    this.tasks.put({ id, fn: taskName(fn, 'Pool'), ...work });
    if (this.maxtasksperchild) this.unfinished.add(id);
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
        breakage: null,
      },
      true,
    );
    worker.start();
    this.workers.push(worker);
  }

  /**
   * Runs between waits (and in join): with maxtasksperchild, puts a fresh worker in the place
   * of each retired one while the pool runs or tasks remain; after close(), once every task is
   * done, sends each live worker its stop signal. A retiring worker that misses its signal
   * leaves it in the queue, where nothing else will read it.
   */
  private maintain(): void {
    if (this.state === 'terminate' || !this.maxtasksperchild || this.stopsSent) return;
    for (const id of this.unfinished)
      if (this.pump.table.state(id) === TaskState.Done) this.unfinished.delete(id);
    if (this.state === 'run' || this.unfinished.size > 0) {
      for (let k = 0; k < this.workers.length; k++) {
        if (this.workers[k].isAlive()) continue;
        this.workers.splice(k--, 1);
        this.startWorker();
      }
    } else {
      this.sendStops();
    }
  }

  private sendStops(): void {
    this.stopsSent = true;
    for (const worker of this.workers) if (worker.isAlive()) this.tasks.put(null);
  }
}

/** The values of chunks' futures, item by item, chunk by chunk. */
function* inOrder<R>(futures: Future[]): Generator<R> {
  for (const f of futures) yield* f.result() as R[];
}

/** The values of chunks' futures, item by item, each chunk's as soon as it is done. */
function* asFinished<R>(futures: Future[], pump: ResultPump): Generator<R> {
  const pending = new Set(futures);
  while (pending.size > 0) {
    pump.pumpUntil(() => [...pending].some((f) => f.done()), Infinity);
    for (const f of pending) {
      if (!f.done()) continue;
      pending.delete(f);
      yield* f.result() as R[];
    }
  }
}

/** multiprocessing.pool.AsyncResult: the result of applyAsync / mapAsync. */
export class AsyncResult<T> {
  private called = false;
  /**
   * Futures not yet done, counted down by their done callbacks: waiting on a map of n tasks
   * then looks at one count after each outcome, not at every future (n * n looks in all).
   */
  private undone: number;

  constructor(
    private readonly futures: Future[],
    private readonly combine: (values: unknown[]) => T,
    private readonly callback: Callback<T>,
    private readonly errorCallback: Callback<Error>,
  ) {
    this.undone = futures.length;
    for (const f of futures)
      f.addDoneCallback(() => {
        this.undone--;
        this.notify();
      });
  }

  ready(): boolean {
    if (this.undone > 0) this.futures[0].pump.pump();
    return this.undone === 0;
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
