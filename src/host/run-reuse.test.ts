import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcessWorker } from './process-worker';
import { RunReuse } from './run-reuse';
import type { WorkerPool } from './worker-pool';

/** A process Worker as RunReuse sees it: recycled, it is ready or spoiled when the test says. */
class FakeWorker {
  loaded = true;
  ready = Promise.resolve();
  terminated = false;
  private settle: { ready(): void; spoiled(error: Error): void } | null = null;

  recycle(): void {
    this.loaded = false;
    this.ready = new Promise((ready, spoiled) => (this.settle = { ready, spoiled }));
  }
  sayReady(): void {
    this.loaded = true;
    this.settle!.ready();
  }
  saySpoiled(): void {
    this.settle!.spoiled(new Error('the process left its Worker changed'));
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A pool with `loaded` Workers ready; past them, each take waits until the test loads one. */
class FakePool {
  readonly loaded: FakeWorker[] = [];
  readonly loading: ((worker: FakeWorker) => void)[] = [];

  hasLoaded(): boolean {
    return this.loaded.length > 0;
  }
  take(): Promise<FakeWorker> {
    const worker = this.loaded.shift();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.loading.push(resolve));
  }
  load(): FakeWorker {
    const worker = new FakeWorker();
    this.loading.shift()!(worker);
    return worker;
  }
}

function setUp(loaded = 0) {
  const pool = new FakePool();
  for (let i = 0; i < loaded; i++) pool.loaded.push(new FakeWorker());
  const reuse = new RunReuse(pool as unknown as WorkerPool);
  const take = () => reuse.take() as unknown as Promise<FakeWorker>;
  const recycle = (worker: FakeWorker) => reuse.recycle(worker as unknown as ProcessWorker);
  return { pool, reuse, take, recycle };
}

/** Lets the promise callbacks run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RunReuse', () => {
  afterEach(() => vi.useRealTimers());

  it('hands out a ready recycled Worker first, then a loaded one of the pool, then the first of both', async () => {
    const { pool, take, recycle } = setUp(2);
    const first = await take();
    recycle(first);
    first.sayReady();
    await settled();
    expect(await take()).toBe(first); // before the pool's loaded one
    recycle(first);
    const second = await take(); // `first` is still getting ready: the pool's
    expect(second).not.toBe(first);
    expect(pool.loaded).toHaveLength(0);
    const third = take(); // none loaded: whichever comes first
    await settled();
    expect(pool.loading).toHaveLength(0); // `first` will do: no fresh one is asked for
    first.sayReady();
    expect(await third).toBe(first);
  });

  it('terminates a Worker its process spoiled and serves the waiting process from the pool', async () => {
    const { pool, take, recycle } = setUp();
    const worker = new FakeWorker();
    recycle(worker);
    const waiting = take();
    worker.saySpoiled();
    await settled();
    expect(worker.terminated).toBe(true);
    const fresh = pool.load();
    expect(await waiting).toBe(fresh);
  });

  it('asks the pool for at most two fresh Workers at once, however many processes wait', async () => {
    const { pool, take } = setUp();
    const waiting = Array.from({ length: 5 }, take);
    await settled();
    expect(pool.loading).toHaveLength(2);
    const served = [pool.load(), pool.load()];
    await settled();
    expect(pool.loading).toHaveLength(2);
    served.push(pool.load(), pool.load());
    await settled();
    expect(pool.loading).toHaveLength(1);
    served.push(pool.load());
    expect(await Promise.all(waiting)).toEqual(served);
  });

  it('terminates a recycled Worker not ready within a second, and serves its waiter', async () => {
    vi.useFakeTimers();
    const { pool, take, recycle } = setUp();
    const stuck = new FakeWorker();
    let settled = false;
    void recycle(stuck).then(() => (settled = true));
    const waiting = take();
    await vi.advanceTimersByTimeAsync(999);
    expect(stuck.terminated).toBe(false);
    expect(settled).toBe(false);
    expect(pool.loading).toHaveLength(0); // it still counted on the recycled one
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck.terminated).toBe(true);
    expect(settled).toBe(true);
    const fresh = pool.load();
    expect(await waiting).toBe(fresh);
  });

  it('on close terminates its idle Workers, refuses waiters and takes', async () => {
    const { reuse, take, recycle } = setUp();
    const ready = new FakeWorker();
    recycle(ready);
    ready.sayReady();
    const recycling = new FakeWorker();
    recycle(recycling);
    expect(await take()).toBe(ready);
    const waiting = take();
    reuse.close();
    await expect(waiting).rejects.toThrow('the run has ended');
    await expect(take()).rejects.toThrow('the run has ended');
    expect(recycling.terminated).toBe(true);
  });

  it('terminates a fresh Worker that comes after the run ended', async () => {
    const { pool, reuse, take } = setUp();
    const waiting = take();
    await settled();
    reuse.close();
    await expect(waiting).rejects.toThrow('the run has ended');
    const late = pool.load();
    await settled();
    expect(late.terminated).toBe(true);
  });
});
