import type { DisplayItem } from '../runtime/display-item';
import type { ProcessKind, Stream } from '../runtime/protocol';
import type { DeadlockReport } from './deadlock';

/** A process as the page sees it, for the console tags and the process table. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  kind: ProcessKind;
  daemon: boolean;
  /** ms since the run started */
  startedAt: number;
  endedAt: number | null;
  exitCode: number | null;
}

/** One access of a race, as the page names it. */
export interface RaceAccessSeen {
  pid: number;
  name: string;
  /** The program's line (main.ts). */
  line: number;
  write: boolean;
  /** ms since the run started */
  t: number;
}

export type EndReason = 'exit' | 'stopped' | 'timeout' | 'deadlock';

/** What a run tells whoever shows it (the playground page or the headless runner). */
export type RunEvent =
  | { type: 'output'; t: number; pid: number; name: string; stream: Stream; text: string }
  | { type: 'process'; info: ProcessInfo }
  /**
   * A picture to show (display module). An image's pixels stay in the run's shared memory
   * (`Run.heap.memory`): read them with regionView(), and again to redraw while the run is live.
   */
  | { type: 'display'; t: number; pid: number; name: string; item: DisplayItem }
  /**
   * A data race found (race detection on): its report is also in the reporter's stderr.
   * `current` is the access that completed it, by `pid`; `previous` the earlier one.
   */
  | { type: 'race'; t: number; current: RaceAccessSeen; previous: RaceAccessSeen; text: string }
  /** Every live process blocked for good; the run ends right after with reason 'deadlock'. */
  | { type: 'deadlock'; report: DeadlockReport }
  | {
      type: 'end';
      exitCode: number | null;
      durationMs: number;
      reason: EndReason;
      /** When stopped (not 'exit'): what each live process was doing, one line each. */
      report?: string;
    };
