import { ActivityLog } from '../host/activity';
import type { RunEvent } from '../host/run-events';
import type { Run } from '../host/supervisor';
import { ProcessTable } from './process-table';
import { raceMoments } from './race-marks';
import { TimelineView } from './timeline-view';

/** How often the table and timeline catch up with a live run. */
const REFRESH_MS = 100;

/**
 * The process table and the timeline of the current run, fed by the supervisor's events and
 * the processes' trace rings while it runs, and kept as they were when it ends.
 */
export class RunInspector {
  private readonly table: ProcessTable;
  private readonly timeline: TimelineView;
  private run: Run | null = null;
  private log = new ActivityLog();
  private timer: ReturnType<typeof setInterval> | undefined;
  private endedAt: number | null = null;

  constructor(tableRoot: HTMLElement, timelineRoot: HTMLElement) {
    this.table = new ProcessTable(tableRoot);
    this.timeline = new TimelineView(timelineRoot);
  }

  /** Forgets the last run; a new one's events may follow at once, before `follow`. */
  reset(): void {
    clearInterval(this.timer);
    this.run = null;
    this.log = new ActivityLog();
    this.endedAt = null;
    this.table.clear();
    this.timeline.clear();
  }

  /** Reads `run`'s traces from now on until it ends. */
  follow(run: Run): void {
    this.run = run;
    if (this.endedAt === null) this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.refresh();
  }

  event(event: RunEvent): void {
    if (event.type === 'process') {
      // A process's trace goes first: once it is done its row takes no more events, and a
      // short run ends before the next refresh would have read them.
      if (event.info.endedAt !== null && this.run) this.log.poll(this.run);
      this.log.process(event.info);
    } else if (event.type === 'deadlock') {
      this.table.markCycle(event.report.cycle);
      this.timeline.markCycle(event.report.cycle);
    } else if (event.type === 'race') {
      this.timeline.markRace(raceMoments(event));
    } else if (event.type === 'end') {
      clearInterval(this.timer);
      this.endedAt = event.durationMs;
      this.refresh();
    }
  }

  /** Redraws with the current language. */
  refresh(): void {
    if (!this.run) return;
    this.log.poll(this.run);
    const rows = this.log.all();
    this.table.update(rows);
    this.timeline.update(rows, this.endedAt ?? this.run.now());
  }
}
