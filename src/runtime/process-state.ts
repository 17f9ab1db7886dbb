/**
 * What a process leaves in its Worker's runtime modules. The page recycles a Worker whose
 * process ended by itself for a later process of the same program (host/run-reuse.ts):
 * starting a Worker was most of a process's start. `recycle()` puts back every module's
 * per-process state, as each registered with `perProcess`, and ends the timers the last
 * process left, as terminating it would have; what the program changed elsewhere is found by
 * realm-watch.ts. The program itself is evaluated afresh by every process.
 */
const resets: (() => void)[] = [];

/** `reset` puts a module's per-process state back as it was when the Worker loaded. */
export function perProcess(reset: () => void): void {
  resets.push(reset);
}

/** Timeouts and intervals the process has pending (ids: clearTimeout ends either). */
const timers = new Set<number>();
const clear = globalThis.clearTimeout.bind(globalThis);

/** Counts the timers the program and the runtime set; before anything else runs. */
export function trackTimers(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  const setTimeout = globalThis.setTimeout.bind(globalThis);
  const setInterval = globalThis.setInterval.bind(globalThis);
  scope.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const fire =
      typeof handler === 'function'
        ? (...a: unknown[]) => {
            timers.delete(id);
            (handler as (...x: unknown[]) => void)(...a);
          }
        : handler;
    const id = setTimeout(fire, ms, ...args);
    timers.add(id);
    return id;
  };
  scope.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = setInterval(handler, ms, ...args);
    timers.add(id);
    return id;
  };
  scope.clearTimeout = scope.clearInterval = (id?: number) => {
    if (id === undefined) return;
    timers.delete(id);
    clear(id);
  };
}

/**
 * The process's code has ended: its timers never fire, as if its Worker were terminated now
 * (a recycled Worker's next run may already use the heap they would write).
 */
export function endTimers(): void {
  for (const id of timers) clear(id);
  timers.clear();
}

/** Makes the Worker as it was before its last process: no timers, no module state. */
export function recycle(): void {
  endTimers();
  for (const reset of resets) reset();
}
