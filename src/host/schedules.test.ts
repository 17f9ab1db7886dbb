import { describe, expect, it } from 'vitest';
import type { ReadyProcess } from './scheduler';
import {
  formatSchedule,
  parseSchedule,
  pctChooser,
  randomChooser,
  replayChooser,
} from './schedules';

const ready = (...pids: number[]): ReadyProcess[] =>
  pids.map((pid) => ({ pid, kind: 1, obj: 0, line: 0 }) as ReadyProcess);

describe('schedules', () => {
  it('are written short and read back as they were', () => {
    const schedule = { seed: 123456789, fine: true, turns: [1000, 1000, 1000, 1001, 1037, 1000] };
    const text = formatSchedule(schedule);
    expect(text).toBe('1f.21i3v9.0*3-1-11-0');
    expect(parseSchedule(text)).toEqual(schedule);
    expect(parseSchedule('1.0.')).toEqual({ seed: 0, fine: false, turns: [] });
  });

  it('refuse what is not a schedule, saying what one looks like', () => {
    expect(() => parseSchedule('2.x.0')).toThrow(/expected 1\.SEED\.TURNS/);
    expect(() => parseSchedule('1.0.0*99999999')).toThrow();
  });

  it('replay their turns, and say when the run asked for one they do not have', () => {
    const chooser = replayChooser([1001, 1000]);
    expect(chooser.choose(ready(1000, 1001), 0)).toBe(1001);
    expect(chooser.choose(ready(1000, 1001), 1)).toBe(1000);
    expect(chooser.diverged).toBe(false);
    expect(chooser.choose(ready(1001, 1002), 2)).toBe(1001);
    expect(chooser.diverged).toBe(true);
  });

  it('come out the same from the same seed, random walks and PCT alike', () => {
    for (const make of [() => randomChooser(42), () => pctChooser(42, 3, 20)]) {
      const [a, b] = [make(), make()];
      const walk = (c: ReturnType<typeof make>) =>
        Array.from({ length: 30 }, (_, step) => c.choose(ready(1000, 1001, 1002), step));
      expect(walk(a)).toEqual(walk(b));
    }
  });

  it('PCT runs the highest-priority process until a change point drops it', () => {
    const chooser = pctChooser(9, 2, 10);
    const turns = Array.from({ length: 12 }, (_, step) => chooser.choose(ready(1000, 1001), step));
    const switches = turns.filter((pid, i) => i > 0 && pid !== turns[i - 1]).length;
    expect(switches).toBeLessThanOrEqual(1); // depth 2: one change point
  });
});
