/**
 * The runtime's internal mutex (allocator, file store, queue internals): Drepper's three-state
 * futex mutex on one Int32 word, from "Futexes Are Tricky".
 *
 *   0  unlocked
 *   1  locked, no waiter
 *   2  locked, maybe waiters (the unlocker must notify)
 *
 * Held for microseconds, and only inside a kill-guarded critical section, so its holder is
 * never killed while holding it: unlike user locks, it needs no owner or fairness.
 */
import { ctx } from '../context';
import { enterCritical, leaveCritical } from '../kill-guard';

// Sections last a few hundred nanoseconds: spinning that long is cheaper than a futex sleep.
const SPINS = 2000;

export function lockWord(i32: Int32Array, i: number): void {
  if (Atomics.compareExchange(i32, i, 0, 1) === 0) return;
  for (let spin = 0; spin < SPINS; spin++) {
    if (Atomics.load(i32, i) === 0 && Atomics.compareExchange(i32, i, 0, 1) === 0) return;
  }
  while (Atomics.exchange(i32, i, 2) !== 0) Atomics.wait(i32, i, 2);
}

export function unlockWord(i32: Int32Array, i: number): void {
  if (Atomics.sub(i32, i, 1) !== 1) {
    Atomics.store(i32, i, 0);
    Atomics.notify(i32, i, 1);
  }
}

/** Runs `fn` holding the mutex at word `i`, inside this process's kill guard. */
export function guarded<T>(i32: Int32Array, i: number, fn: () => T): T {
  const { heap } = ctx();
  enterCritical(heap);
  lockWord(i32, i);
  try {
    return fn();
  } finally {
    unlockWord(i32, i);
    leaveCritical(heap);
  }
}
