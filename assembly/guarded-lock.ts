// The runtime's hot atomic steps, fused: the kill guard (src/runtime/kill-guard.ts) and a
// runtime mutex (src/runtime/sync/spin-mutex.ts), on the same words and with the same rules
// as their JavaScript. V8 runs each Atomics call as a builtin call (about 10 ns); here a whole
// sequence is one call (about 3 ns) plus its atomic instructions. Addresses are byte offsets
// in the run's heap; a negative `guard` or `look` is none (the page has no guard).

const KILL_FLAG: i32 = 1 << 30;
const DEPTH_MASK: i32 = KILL_FLAG - 1;

/** enterAndLock's answers. */
const LOCKED: i32 = 0;
const BUSY: i32 = 1;
const KILLED: i32 = 2;
/** unlockAndLeave's answer when the process must park for its kill; other answers are >= 0. */
const PARK: i32 = -1;

/**
 * Enters the kill guard and tries the mutex at `lock` once: LOCKED, BUSY (inside the guard,
 * the mutex held by another) or KILLED (backed out of the guard; the caller parks).
 */
export function enterAndLock(guard: i32, lock: i32): i32 {
  if (guard >= 0 && atomic.add<i32>(guard, 1) & KILL_FLAG) {
    atomic.sub<i32>(guard, 1);
    atomic.notify(guard, -1);
    return KILLED;
  }
  return atomic.cmpxchg<i32>(lock, 0, 1) == 0 ? LOCKED : BUSY;
}

/**
 * Releases the mutex at `lock` and leaves the guard. Returns the word at `look` read after the
 * release (0 when `look` is negative), or PARK when the supervisor waits to kill the process.
 */
export function unlockAndLeave(lock: i32, guard: i32, look: i32): i32 {
  if (atomic.sub<i32>(lock, 1) != 1) {
    atomic.store<i32>(lock, 0);
    atomic.notify(lock, 1);
  }
  const seen = look >= 0 ? atomic.load<i32>(look) : 0;
  if (guard >= 0) {
    const now = atomic.sub<i32>(guard, 1) - 1;
    if (now & KILL_FLAG && (now & DEPTH_MASK) == 0) {
      atomic.notify(guard, -1);
      return PARK;
    }
  }
  return seen;
}

/** Publishes `value` at `word` (sequentially consistent), then unlockAndLeave. */
export function publishAndLeave(word: i32, value: i32, lock: i32, guard: i32, look: i32): i32 {
  atomic.store<i32>(word, value);
  return unlockAndLeave(lock, guard, look);
}
