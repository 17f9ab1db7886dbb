import type { CompiledProgram } from '../compile/compile';
import { Heap } from '../runtime/heap';
import { DEPTH_MASK, KILL_FLAG } from '../runtime/kill-guard';
import { H, PID_BASE } from '../runtime/layout';
import { Life, W, finishLife, lifeOf, slot } from '../runtime/proc-record';
import type { Assignment, ChildJob, SpawnRequest, Stream, WorkerNotice } from '../runtime/protocol';
import { initRecord } from '../runtime/spawn';
import { readTrace, type TraceEvent } from '../runtime/trace';
import { DeadlockWatch } from './deadlock';
import { kernelsModule } from './kernels';
import { LineBuffer } from './line-buffer';
import { objectLabel } from './object-label';
import { releaseDeadOwner } from './owner-death';
import type { ProcessWorker } from './process-worker';
import type { EndReason, ProcessInfo, RunEvent } from './run-events';
import type { WorkerPool } from './worker-pool';

/** A spawn request; the main process's has no job (it runs the whole program). */
type ProcessRequest = Omit<SpawnRequest, 'job'> & { job: ChildJob | null };

/** How often the page looks for a deadlock; two identical looks in a row confirm one. */
const DEADLOCK_CHECK_MS = 150;

/** The page's own pid: the main process's parent. */
export const SUPERVISOR_PID = 1;

export interface RunOptions {
  pool: WorkerPool;
  onEvent: (event: RunEvent) => void;
  /** Multiplies every sleep and timeout (e.g. 0.1 to test an 18 s lesson in 1.8 s). */
  timeScale?: number;
}

/**
 * Supervises one run: owns its shared heap and every Worker in it, starts the processes the
 * program asks for, kills on request without tearing shared structures (kill guard), turns
 * output into tagged lines, and ends the run when the main process ends or on Stop.
 */
export class Run {
  readonly heap: Heap;
  private readonly programUrl: string;
  private readonly workers = new Map<number, ProcessWorker>();
  private readonly processes = new Map<number, ProcessInfo>();
  private readonly lines: LineBuffer<string>;
  /** Names of the program's shared objects by id, for reports. */
  private readonly names = new Map<number, string>();
  private readonly deadlocks: DeadlockWatch;
  private readonly watchTimer: ReturnType<typeof setInterval>;
  private ended = false;

  constructor(
    private readonly program: CompiledProgram,
    private readonly options: RunOptions,
  ) {
    this.heap = Heap.create(options.timeScale ?? 1);
    this.programUrl = URL.createObjectURL(new Blob([program.code], { type: 'text/javascript' }));
    this.deadlocks = new DeadlockWatch(this.heap, this.names);
    this.watchTimer = setInterval(() => this.watch(), DEADLOCK_CHECK_MS);
    this.lines = new LineBuffer((key, text, at) => {
      const [pid, stream] = key.split(':');
      const info = this.processes.get(Number(pid))!;
      const t = (at ?? this.now() + this.heap.startedAt) - this.heap.startedAt;
      this.emit({
        type: 'output',
        t,
        pid: info.pid,
        name: info.name,
        stream: stream as Stream,
        text,
      });
    });
  }

  /** Starts the main process. */
  start(): void {
    const pid = PID_BASE + Atomics.add(this.heap.i32, H.nextProc, 1);
    Atomics.add(this.heap.i32, H.live, 1);
    initRecord(this.heap, pid, SUPERVISOR_PID, 0, pid);
    void this.spawn(SUPERVISOR_PID, {
      pid,
      name: 'MainProcess',
      identity: [],
      kind: 'process',
      daemon: false,
      startMethod: 'fork',
      job: null,
      sites: {},
      process: { pid, ppid: SUPERVISOR_PID, name: 'MainProcess' },
    });
  }

  /** Ends every Worker of the run at once (Stop button, runner timeout). */
  stop(reason: EndReason = 'stopped'): void {
    this.end(null, reason);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Each process's trace so far (state changes: running, blocked on an object or a join,
   * sleeping, timed out, done), for the timeline; `objectNames` labels the object ids.
   */
  traces(): Record<number, TraceEvent[]> {
    const traces: Record<number, TraceEvent[]> = {};
    for (const pid of this.processes.keys()) traces[pid] = readTrace(this.heap, pid, 0)[0];
    return traces;
  }

  get objectNames(): ReadonlyMap<number, string> {
    return this.names;
  }

  /** pids of every process of the run so far. */
  pids(): number[] {
    return [...this.processes.keys()];
  }

  /** `pid`'s trace events from index `from`, and the index to read from next. */
  traceFrom(pid: number, from: number): [TraceEvent[], number] {
    return readTrace(this.heap, pid, from);
  }

  /** What a process waiting on `obj` waits for: a shared object, or (obj < 0) a process to end. */
  waitLabel(obj: number): string {
    if (obj >= 0) return objectLabel(this.heap, this.names, obj);
    return `${this.processes.get(-obj)?.name ?? `process ${-obj}`} to end (join)`;
  }

  private async spawn(ppid: number, req: ProcessRequest): Promise<void> {
    const parent = this.processes.get(ppid);
    this.processes.set(req.pid, {
      pid: req.pid,
      ppid,
      name: req.name,
      kind: req.kind,
      daemon: req.daemon,
      startedAt: this.now(),
      endedAt: null,
      exitCode: null,
    });
    this.emit({ type: 'process', info: this.processes.get(req.pid)! });
    const [worker, kernels] = await Promise.all([this.options.pool.take(), kernelsModule()]);
    if (this.ended || lifeOf(this.heap, req.pid) !== Life.Ready) {
      worker.terminate(); // stopped, or killed before it got a Worker
      return;
    }
    this.workers.set(req.pid, worker);
    worker.onNotice = (notice) => this.handle(req.pid, notice);
    worker.onCrash = (message) => this.crashed(req.pid, message);
    const assignment: Assignment = {
      ...req,
      memory: this.heap.memory,
      kernels,
      program: {
        fileName: this.program.fileName,
        source: this.program.source,
        url: this.programUrl,
        sites: this.program.sites,
      },
      ppid,
      parentName: parent?.name ?? 'page',
      isMain: ppid === SUPERVISOR_PID,
    };
    void worker.api.assign(assignment);
  }

  private handle(pid: number, notice: WorkerNotice): void {
    if (this.ended) return;
    switch (notice.t) {
      case 'out':
        this.lines.write(`${pid}:${notice.stream}`, notice.text, notice.at);
        return;
      case 'display':
        this.emit({
          type: 'display',
          t: notice.at - this.heap.startedAt,
          pid,
          name: this.processes.get(pid)!.name,
          item: notice.item,
        });
        return;
      case 'spawn':
        void this.spawn(notice.from, notice.req);
        return;
      case 'kill':
        void this.kill(notice.pid, notice.signal);
        return;
      case 'exit':
        this.exited(pid);
        return;
      case 'object':
        this.names.set(notice.id, notice.name);
        return;
    }
  }

  /**
   * Kills without landing inside a shared-structure update: sets KILL_FLAG on the process's
   * guard word, and if it was inside a critical section waits for it to leave (see kill-guard.ts).
   */
  private async kill(pid: number, signal: number): Promise<void> {
    const i = slot(pid, W.guard);
    if (Atomics.or(this.heap.i32, i, KILL_FLAG) & KILL_FLAG) return;
    for (
      let v = Atomics.load(this.heap.i32, i);
      v & DEPTH_MASK;
      v = Atomics.load(this.heap.i32, i)
    ) {
      await Atomics.waitAsync(this.heap.i32, i, v, 1000).value;
    }
    this.workers.get(pid)?.terminate();
    this.workers.delete(pid);
    if (finishLife(this.heap, pid, -signal)) this.processEnded(pid);
  }

  private exited(pid: number): void {
    this.workers.get(pid)?.terminate();
    this.workers.delete(pid);
    this.processEnded(pid);
  }

  private crashed(pid: number, message: string): void {
    this.lines.write(`${pid}:stderr`, `internal error: ${message}\n`);
    this.workers.get(pid)?.terminate();
    this.workers.delete(pid);
    if (finishLife(this.heap, pid, 1)) this.processEnded(pid);
  }

  /** A process's record is Done: flush its output, update the table, end the run after main. */
  private processEnded(pid: number): void {
    const info = this.recordEnd(pid);
    if (info && info.exitCode !== 0) releaseDeadOwner(this.heap, pid, [...this.workers.keys()]);
    if (pid === PID_BASE) this.end(info?.exitCode ?? null, 'exit');
  }

  /** Notes in the table that `pid` ended (once) and flushes its last partial line. */
  private recordEnd(pid: number): ProcessInfo | undefined {
    this.lines.flush((key) => key.startsWith(`${pid}:`));
    const info = this.processes.get(pid);
    if (info && info.endedAt === null) {
      info.endedAt = this.now();
      info.exitCode = Atomics.load(this.heap.i32, slot(pid, W.exitCode));
      this.emit({ type: 'process', info: { ...info } });
    }
    return info;
  }

  /** Ends the run with a report when every live process is blocked for good. */
  private watch(): void {
    const report = this.deadlocks.check([...this.processes.values()]);
    if (!report) return;
    this.emit({ type: 'deadlock', report });
    this.end(null, 'deadlock');
  }

  private end(exitCode: number | null, reason: EndReason): void {
    if (this.ended) return;
    // A child that ended just before main may not have said so yet (main woke from join first).
    for (const pid of this.processes.keys()) {
      if (lifeOf(this.heap, pid) === Life.Done) this.recordEnd(pid);
    }
    this.lines.flush();
    this.ended = true;
    clearInterval(this.watchTimer);
    for (const worker of this.workers.values()) worker.terminate();
    this.workers.clear();
    URL.revokeObjectURL(this.programUrl);
    this.options.onEvent({ type: 'end', exitCode, durationMs: this.now(), reason });
  }

  private emit(event: RunEvent): void {
    if (!this.ended) this.options.onEvent(event);
  }

  /** ms since the run started. */
  now(): number {
    return performance.timeOrigin + performance.now() - this.heap.startedAt;
  }
}
