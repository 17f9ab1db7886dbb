/**
 * What a process tells the page when it finds a data race (race detection on): the report's
 * text, which the page shows in that process's stderr, and the two accesses it names, which
 * the page marks in the editor (both lines) and on the timeline (both moments).
 */
export interface RaceAccess {
  pid: number;
  /** The program's own line (main.ts) of the access. */
  line: number;
  write: boolean;
  /** ms since the run started. */
  at: number;
}

export interface RaceNotice {
  t: 'race';
  /** The reporting process: the one whose access completed the race. */
  pid: number;
  /** Its access, then the earlier one no synchronisation ordered before it. */
  current: RaceAccess;
  previous: RaceAccess;
  /** The report as Go's race detector would print it, several lines. */
  text: string;
}

/** Reports a run gives at most (one per pair of program lines). */
export const MAX_RACE_REPORTS = 20;
