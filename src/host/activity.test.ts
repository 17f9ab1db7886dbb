import { describe, expect, it } from 'vitest';
import { TraceKind, type TraceEvent } from '../runtime/trace';
import { ActivityLog } from './activity';
import type { ProcessInfo } from './run-events';

const info = (pid: number, endedAt: number | null = null): ProcessInfo => ({
  pid,
  ppid: 1,
  name: `P${pid}`,
  kind: 'process',
  daemon: false,
  startedAt: 0,
  endedAt,
  exitCode: endedAt === null ? null : 0,
});

/** A trace source whose events are appended by the test, as processes would write them. */
function source() {
  const traces = new Map<number, TraceEvent[]>();
  return {
    write(pid: number, t: number, kind: TraceKind, obj = 0) {
      traces.set(pid, [...(traces.get(pid) ?? []), { t, kind, obj }]);
    },
    pids: () => [...traces.keys()],
    traceFrom(pid: number, from: number): [TraceEvent[], number] {
      const events = traces.get(pid) ?? [];
      return [events.slice(from), events.length];
    },
    waitLabel: (obj: number) => (obj < 0 ? `P${-obj} to end (join)` : `lock${obj} (Lock)`),
  };
}

describe('ActivityLog', () => {
  it('follows a process from starting through its states to done, read incrementally', () => {
    const events = source();
    const log = new ActivityLog();
    log.process(info(1000));
    expect(log.all()[0].state).toBe('starting');
    events.write(1000, 5, TraceKind.Running);
    events.write(1000, 7, TraceKind.Blocked, 3);
    log.poll(events);
    expect(log.all()[0]).toMatchObject({ state: 'blocked', on: 'lock3 (Lock)' });
    events.write(1000, 9, TraceKind.Running);
    events.write(1000, 10, TraceKind.Sleeping);
    events.write(1000, 20, TraceKind.Running);
    events.write(1000, 21, TraceKind.Blocked, -1001);
    log.poll(events);
    expect(log.all()[0].on).toBe('P1001 to end (join)');
    events.write(1000, 30, TraceKind.Running);
    events.write(1000, 31, TraceKind.Done);
    log.poll(events);
    log.process(info(1000, 32));
    const row = log.all()[0];
    expect(row.state).toBe('done');
    expect(row.spans.map((s) => [s.state, s.from, s.to])).toEqual([
      ['starting', 0, 5],
      ['running', 5, 7],
      ['blocked', 7, 9],
      ['running', 9, 10],
      ['sleeping', 10, 20],
      ['running', 20, 21],
      ['blocked', 21, 30],
      ['running', 30, 31],
    ]);
  });

  it('closes the last span of a killed process at its end (no Done event)', () => {
    const events = source();
    const log = new ActivityLog();
    log.process(info(1001));
    events.write(1001, 2, TraceKind.Running);
    events.write(1001, 3, TraceKind.Sleeping);
    log.poll(events);
    log.process(info(1001, 50));
    expect(log.all()[0].spans.at(-1)).toMatchObject({ state: 'sleeping', to: 50 });
    events.write(1001, 60, TraceKind.Running); // nothing after the end counts
    log.poll(events);
    expect(log.all()[0].spans).toHaveLength(3);
  });

  it('keeps the newest spans of a process that blocks very often', () => {
    const events = source();
    const log = new ActivityLog();
    log.process(info(1000));
    for (let k = 0; k < 6000; k++) {
      events.write(1000, 2 * k, TraceKind.Running);
      events.write(1000, 2 * k + 1, TraceKind.Blocked, 1);
    }
    log.poll(events);
    const spans = log.all()[0].spans;
    expect(spans).toHaveLength(5000);
    expect(spans.at(-1)).toMatchObject({ from: 11999, to: null, state: 'blocked' });
  });
});
