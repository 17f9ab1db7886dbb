import { perProcess } from '../process-state';

/**
 * Where the runtime tells the race detector what a program does. `race` is null unless the run
 * detects races, so each call site costs one check of a null: with detection off nothing runs.
 *
 * Keys name what orders events (region.ts): a shared object's id, a process's start or end.
 */
export interface RaceHooks {
  /** A read of element `index` of the shared Value or Array with object id `id`. */
  read(id: number, index: number): void;
  write(id: number, index: number): void;
  /** Before an operation that lets others go on (release, put, set, arrive, start, exit). */
  release(key: number): void;
  /** After an operation that waited for others (acquire, get, wait, depart, join). */
  acquire(key: number): void;
  /**
   * A queue item as it travels: with this process's clock, so that its get is ordered after
   * what the putter did before the put (and not after later puts).
   */
  carry(item: unknown): unknown;
  /** The item a get took, its carrier's clock absorbed. */
  received(carried: unknown): unknown;
  /** This process now holds, or no longer holds, the Lock or RLock `id` (named in reports). */
  held(id: number, holding: boolean): void;
}

export let race: RaceHooks | null = null;
perProcess(() => (race = null));

export function setRaceHooks(hooks: RaceHooks): void {
  race = hooks;
}
