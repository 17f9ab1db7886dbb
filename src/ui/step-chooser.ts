import type { Chooser, ReadyProcess } from '../host/scheduler';
import { prefixChooser, randomChooser } from '../host/schedules';

/** A turn a person is asked to give: who may take it, and whom a replayed schedule gives it. */
export interface Ask {
  ready: readonly ReadyProcess[];
  /** Turns given before this one. */
  step: number;
  /** The pid the schedule being replayed gives this turn (null: none, or it was left). */
  scheduled: number | null;
}

/**
 * Step mode's chooser: a person picks each turn (the processes wait at their points meanwhile).
 * Replaying a schedule, it proposes the schedule's turn, and forgets the schedule once the
 * person picks another. `free` hands the rest of the run to an automatic chooser: the rest of
 * the schedule, then a seeded random walk.
 */
export class StepChooser implements Chooser {
  private pending: { ask: Ask; resolve: (pid: number) => void } | null = null;
  private auto: Chooser | null = null;

  constructor(
    private readonly seed: number,
    /** The turns of the schedule being replayed (null: none). */
    private script: readonly number[] | null,
    /** A turn is asked for (an Ask), or was given (null). */
    private readonly asked: (ask: Ask | null) => void,
  ) {}

  choose(ready: readonly ReadyProcess[], step: number): number | Promise<number> {
    if (this.auto) return this.auto.choose(ready, step);
    const pid = this.script?.[step];
    const scheduled = pid !== undefined && ready.some((r) => r.pid === pid) ? pid : null;
    return new Promise((resolve) => {
      this.pending = { ask: { ready, step, scheduled }, resolve };
      this.asked(this.pending.ask);
    });
  }

  /** The turn waiting for a person, if any. */
  get ask(): Ask | null {
    return this.pending?.ask ?? null;
  }

  /** The schedule still followed (null: none, or the person left it). */
  get schedule(): readonly number[] | null {
    return this.script;
  }

  /** Gives the waiting turn to `pid`; false when no turn waits or `pid` cannot take it. */
  pick(pid: number): boolean {
    const pending = this.pending;
    if (!pending || !pending.ask.ready.some((r) => r.pid === pid)) return false;
    if (pid !== pending.ask.scheduled) this.script = null;
    this.pending = null;
    this.asked(null);
    pending.resolve(pid);
    return true;
  }

  /** Lets the run go on by itself from here (Run freely, Play to the end). */
  free(): void {
    const random = randomChooser(this.seed);
    this.auto = this.script ? prefixChooser(this.script, random) : random;
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.asked(null);
    void Promise.resolve(this.auto.choose(pending.ask.ready, pending.ask.step)).then(
      pending.resolve,
    );
  }

  get isFree(): boolean {
    return this.auto !== null;
  }
}
