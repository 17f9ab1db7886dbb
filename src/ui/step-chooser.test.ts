import { describe, expect, it } from 'vitest';
import type { ReadyProcess } from '../host/scheduler';
import { Point } from '../runtime/sched/region';
import { StepChooser, type Ask } from './step-chooser';

const ready = (...pids: number[]): ReadyProcess[] =>
  pids.map((pid) => ({ pid, kind: Point.Read, obj: 3, line: 4 }));

/** A chooser, and every ask it made (null when a turn was given). */
function chooser(script: number[] | null = null) {
  const asks: (Ask | null)[] = [];
  return { step: new StepChooser(7, script, (ask) => asks.push(ask)), asks };
}

describe('step mode’s chooser', () => {
  it('waits for the person: the turn goes to the process picked, and only a ready one', async () => {
    const { step, asks } = chooser();
    const turn = step.choose(ready(1000, 1001), 0);
    expect(step.ask).toEqual({ ready: ready(1000, 1001), step: 0, scheduled: null });
    expect(step.pick(1002)).toBe(false);
    expect(step.pick(1001)).toBe(true);
    await expect(turn).resolves.toBe(1001);
    expect(step.ask).toBeNull();
    expect(step.pick(1000)).toBe(false); // no turn waits
    expect(asks.at(-1)).toBeNull();
  });

  it('replaying, proposes the schedule’s turn, and forgets the schedule once another is picked', async () => {
    const { step } = chooser([1001, 1000, 1001]);
    const first = step.choose(ready(1000, 1001), 0);
    expect(step.ask?.scheduled).toBe(1001);
    step.pick(1001);
    await expect(first).resolves.toBe(1001);
    expect(step.schedule).toEqual([1001, 1000, 1001]);
    const second = step.choose(ready(1000, 1001), 1);
    expect(step.ask?.scheduled).toBe(1000);
    step.pick(1001);
    await expect(second).resolves.toBe(1001);
    expect(step.schedule).toBeNull();
    void step.choose(ready(1000, 1001), 2);
    expect(step.ask?.scheduled).toBeNull();
  });

  it('a scheduled process that is not ready is proposed to no one', () => {
    const { step } = chooser([1002]);
    void step.choose(ready(1000, 1001), 0);
    expect(step.ask?.scheduled).toBeNull();
  });

  it('freed, gives the waiting turn and every later one at once: the rest of the schedule first', async () => {
    const { step } = chooser([1000, 1001, 1001]);
    const waiting = step.choose(ready(1000, 1001), 0);
    step.free();
    expect(step.isFree).toBe(true);
    await expect(waiting).resolves.toBe(1000);
    expect(step.choose(ready(1000, 1001), 1)).toBe(1001);
    expect(step.choose(ready(1000, 1001), 2)).toBe(1001);
    const after = step.choose(ready(1000, 1001), 3);
    expect([1000, 1001]).toContain(after);
    expect(step.ask).toBeNull();
  });
});
