import { TraceKind, type TraceEvent } from '../runtime/trace';
import type { ProcessInfo } from './run-events';

export type ProcessState = 'starting' | 'running' | 'blocked' | 'sleeping' | 'done';

/** A stretch of time a process spent in one state (`to` null: still in it). */
export interface Span {
  from: number;
  to: number | null;
  state: Exclude<ProcessState, 'done'>;
  /** What it waited for, when blocked: `lockA (Lock)`, `Process-1 to end (join)`. */
  on: string | null;
}

/** One process as the process table and the timeline show it. */
export interface ProcessActivity {
  info: ProcessInfo;
  state: ProcessState;
  /** What it waits for now, when blocked. */
  on: string | null;
  spans: Span[];
}

/** Where the trace events come from: a Run, read incrementally. */
export interface TraceSource {
  pids(): number[];
  traceFrom(pid: number, from: number): [TraceEvent[], number];
  waitLabel(obj: number): string;
}

/** Spans kept per process: a hot lock loop makes thousands a second; the oldest go first. */
const MAX_SPANS = 5000;

/**
 * Each process's state and history, from the supervisor's process events and the processes'
 * own trace rings (read incrementally with `poll`). Kept after the run ends.
 */
export class ActivityLog {
  private readonly rows = new Map<number, ProcessActivity>();
  private readonly cursors = new Map<number, number>();

  /** The supervisor's news of a process: it was asked for (starting) or it ended. */
  process(info: ProcessInfo): void {
    const row = this.rows.get(info.pid);
    if (!row) {
      const span: Span = { from: info.startedAt, to: null, state: 'starting', on: null };
      this.rows.set(info.pid, { info, state: 'starting', on: null, spans: [span] });
    } else {
      row.info = info;
    }
    if (info.endedAt !== null) this.finish(this.rows.get(info.pid)!, info.endedAt);
  }

  /** Reads the trace events written since the last poll. */
  poll(source: TraceSource): void {
    for (const pid of source.pids()) {
      const row = this.rows.get(pid);
      if (!row) continue;
      const [events, next] = source.traceFrom(pid, this.cursors.get(pid) ?? 0);
      this.cursors.set(pid, next);
      for (const event of events) this.apply(row, event, source);
    }
  }

  /** Every process, in start order. */
  all(): ProcessActivity[] {
    return [...this.rows.values()];
  }

  private apply(row: ProcessActivity, event: TraceEvent, source: TraceSource): void {
    switch (event.kind) {
      case TraceKind.Running:
        this.enter(row, event.t, 'running', null);
        return;
      case TraceKind.Blocked:
      case TraceKind.BlockedTimed:
        this.enter(row, event.t, 'blocked', event.obj ? source.waitLabel(event.obj) : null);
        return;
      case TraceKind.Sleeping:
        this.enter(row, event.t, 'sleeping', null);
        return;
      case TraceKind.Done:
        this.finish(row, event.t);
        return;
      case TraceKind.TimedOut: // a Running event follows
        return;
    }
  }

  private enter(row: ProcessActivity, t: number, state: Span['state'], on: string | null): void {
    if (row.state === 'done') return;
    const last = row.spans.at(-1);
    if (last && last.to === null) last.to = t;
    row.spans.push({ from: t, to: null, state, on });
    if (row.spans.length > MAX_SPANS) row.spans.splice(0, row.spans.length - MAX_SPANS);
    row.state = state;
    row.on = on;
  }

  private finish(row: ProcessActivity, t: number): void {
    if (row.state === 'done') return;
    const last = row.spans.at(-1);
    if (last && last.to === null) last.to = t;
    row.state = 'done';
    row.on = null;
  }
}
