/**
 * What a run's data races mark on the page, from its 'race' events: the program lines for the
 * editor (each line once, in the roles it plays) and the two moments of each race for the
 * timeline. Plain data; race-words.ts says it in the page's language.
 */
import type { RunEvent } from '../host/run-events';

export type RaceEvent = Extract<RunEvent, { type: 'race' }>;

/**
 * The part a line plays in the races that name it: the access that completed a race
 * (`current`), the earlier access (`previous`), or both (two processes racing on one line, or
 * two races).
 */
export type RaceRole = 'current' | 'previous' | 'both';

/** A line of main.ts that race reports name. */
export interface RaceLine {
  line: number;
  role: RaceRole;
  /** The reports that name the line, each once, in the order they came. */
  reports: string[];
}

/** One access of a race, where the timeline draws it. */
export interface RaceMoment {
  pid: number;
  name: string;
  /** ms since the run started */
  t: number;
  line: number;
  write: boolean;
  /** The access that completed the race (the other one came earlier). */
  later: boolean;
}

/**
 * The lines `races` name, in the order they were first named. Line 0 is an access the runtime
 * could not place on a line: the report says so, no line is marked for it.
 */
export function raceLines(races: readonly RaceEvent[]): RaceLine[] {
  const lines = new Map<number, RaceLine>();
  const add = (line: number, role: RaceRole, report: string) => {
    if (line < 1) return;
    const found = lines.get(line);
    if (!found) {
      lines.set(line, { line, role, reports: [report] });
      return;
    }
    if (found.role !== role) found.role = 'both';
    if (!found.reports.includes(report)) found.reports.push(report);
  };
  for (const race of races) {
    add(race.current.line, 'current', race.text);
    add(race.previous.line, 'previous', race.text);
  }
  return [...lines.values()];
}

/** The two moments of a race: the earlier access on its process's lane, then the later. */
export function raceMoments(race: RaceEvent): RaceMoment[] {
  const moment = ({ pid, name, t, line, write }: RaceEvent['current'], later: boolean) => ({
    pid,
    name,
    t,
    line,
    write,
    later,
  });
  return [moment(race.previous, false), moment(race.current, true)];
}
