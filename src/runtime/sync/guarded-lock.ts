import { ctx } from '../context';
import type { Heap } from '../heap';
import { kernelExports, type KernelExports } from '../kernels/wasm';
import { enterCritical, leaveCritical, parkForever } from '../kill-guard';
import { lockWord, unlockWord } from './spin-mutex';
import { perProcess } from '../process-state';

/**
 * A runtime mutex held inside this process's kill guard, for the queues' hot paths. Taking it
 * is two Atomics calls (guard in, lock), releasing it three (publish a count, unlock, guard
 * out) and a fourth looks for sleepers. V8 runs each Atomics call as a builtin call, about
 * 10 ns, so the queues spent most of a put or get on them. The kernels module does each
 * sequence in one WebAssembly call (assembly/guarded-lock.ts, about 3 ns a call plus the
 * atomic instructions); without it (kernels.wasm did not load, or a unit test) the same steps
 * run as Atomics calls. Words are Int32 indexes; a negative `look` reads nothing (gives 0).
 */
export interface GuardedLock {
  /** Enters the kill guard, then takes the mutex at `lock`. */
  lock(lock: number): void;
  /** Releases the mutex and leaves the guard; returns word `look`, read after the release. */
  unlock(lock: number, look: number): number;
  /** Publishes `value` at `word` (Atomics.store), then unlock. */
  publishUnlock(word: number, value: number, lock: number, look: number): number;
}

// assembly/guarded-lock.ts's answers.
const LOCKED = 0;
const KILLED = 2;
const PARK = -1;

class WasmGuardedLock implements GuardedLock {
  private readonly guard: number;

  constructor(
    private readonly heap: Heap,
    private readonly wasm: KernelExports,
  ) {
    this.guard = heap.guardSlot * 4; // -4 on the page: negative, none
  }

  lock(lock: number): void {
    const answer = this.wasm.enterAndLock(this.guard, lock * 4);
    if (answer === LOCKED) return;
    if (answer === KILLED) parkForever(this.heap, this.heap.guardSlot);
    lockWord(this.heap.i32, lock); // BUSY: inside the guard, spin and sleep for it
  }

  unlock(lock: number, look: number): number {
    return this.answer(this.wasm.unlockAndLeave(lock * 4, this.guard, look * 4));
  }

  publishUnlock(word: number, value: number, lock: number, look: number): number {
    return this.answer(this.wasm.publishAndLeave(word * 4, value, lock * 4, this.guard, look * 4));
  }

  private answer(seen: number): number {
    if (seen === PARK) parkForever(this.heap, this.heap.guardSlot);
    return seen;
  }
}

class AtomicsGuardedLock implements GuardedLock {
  constructor(private readonly heap: Heap) {}

  lock(lock: number): void {
    enterCritical(this.heap);
    lockWord(this.heap.i32, lock);
  }

  unlock(lock: number, look: number): number {
    unlockWord(this.heap.i32, lock);
    const seen = look < 0 ? 0 : Atomics.load(this.heap.i32, look);
    leaveCritical(this.heap);
    return seen;
  }

  publishUnlock(word: number, value: number, lock: number, look: number): number {
    Atomics.store(this.heap.i32, word, value);
    return this.unlock(lock, look);
  }
}

/** A GuardedLock for `heap`'s guard slot: the kernels' when there are kernels. */
export function makeGuardedLock(heap: Heap, wasm: KernelExports | null): GuardedLock {
  return wasm ? new WasmGuardedLock(heap, wasm) : new AtomicsGuardedLock(heap);
}

let made: GuardedLock | undefined;
perProcess(() => (made = undefined));

/** This Worker's GuardedLock (made when a queue first needs it: the guard slot is set by then). */
export function guardedLock(): GuardedLock {
  made ??= makeGuardedLock(ctx().heap, kernelExports());
  return made;
}
