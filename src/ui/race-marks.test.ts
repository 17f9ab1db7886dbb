import { describe, expect, it } from 'vitest';
import { raceLines, raceMoments, type RaceEvent } from './race-marks';

const access = (pid: number, line: number, t: number, write = true) => ({
  pid,
  name: `Process-${pid - 1000}`,
  line,
  write,
  t,
});

const race = (current: [number, number], previous: [number, number], text: string): RaceEvent => ({
  type: 'race',
  t: 20,
  current: access(1002, current[0], current[1]),
  previous: access(1001, previous[0], previous[1], false),
  text,
});

describe('the lines race reports name', () => {
  it('marks each access’s line in its role', () => {
    expect(raceLines([race([14, 20], [9, 5], 'report A')])).toEqual([
      { line: 14, role: 'current', reports: ['report A'] },
      { line: 9, role: 'previous', reports: ['report A'] },
    ]);
  });

  it('marks a line that races with itself once, in both roles, with its report once', () => {
    expect(raceLines([race([3, 20], [3, 5], 'report A')])).toEqual([
      { line: 3, role: 'both', reports: ['report A'] },
    ]);
  });

  it('gathers the reports of several races on a line; a line in one role stays in it', () => {
    const lines = raceLines([
      race([14, 20], [9, 5], 'report A'),
      race([14, 30], [11, 25], 'report B'),
      race([9, 40], [12, 35], 'report C'),
    ]);
    expect(lines).toEqual([
      { line: 14, role: 'current', reports: ['report A', 'report B'] },
      { line: 9, role: 'both', reports: ['report A', 'report C'] },
      { line: 11, role: 'previous', reports: ['report B'] },
      { line: 12, role: 'previous', reports: ['report C'] },
    ]);
  });

  it('marks no line for an access placed on none (line 0)', () => {
    expect(raceLines([race([0, 20], [9, 5], 'report A')])).toEqual([
      { line: 9, role: 'previous', reports: ['report A'] },
    ]);
  });

  it('marks nothing without races', () => {
    expect(raceLines([])).toEqual([]);
  });
});

describe('the moments of a race', () => {
  it('puts each access on its own process’s lane at its own time, the earlier first', () => {
    expect(raceMoments(race([3, 20], [3, 5], 'report'))).toEqual([
      { pid: 1001, name: 'Process-1', t: 5, line: 3, write: false, later: false },
      { pid: 1002, name: 'Process-2', t: 20, line: 3, write: true, later: true },
    ]);
  });
});
