import type { CompiledProgram } from '../compile/compile';
import { Heap } from '../runtime/heap';
import { DEPTH_MASK, KILL_FLAG } from '../runtime/kill-guard';
import { H, MAX_PROCS, PID_BASE } from '../runtime/layout';
import { Life, W, finishLife, lifeOf, slot } from '../runtime/proc-record';
import {
  LIMITS,
  checkNotice,
  type Assignment,
  type ChildJob,
  type SenderView,
  type SpawnRequest,
  type WorkerNotice,
} from '../runtime/protocol';
import { initRecord } from '../runtime/spawn';
import { readTrace, type TraceEvent } from '../runtime/trace';
import { DeadlockWatch } from './deadlock';
import { Scheduler, type Chooser } from './scheduler';
import type { ReadyKernels } from '../compile/kernel/kernel-compiler';
import { kernelsModule } from './kernels';
import { objectLabel } from './object-label';
import { OutputGate } from './output-gate';
import { releaseDeadOwner } from './owner-death';
import { PictureGate } from './picture-gate';
import type { ProcessWorker } from './process-worker';
import type { RaceAccess } from '../runtime/race/race-notice';
import type { EndReason, ProcessInfo, RaceAccessSeen, RunEvent } from './run-events';
import { stopReport } from './stop-report';
import { RunReuse } from './run-reuse';
import type { WorkerPool } from './worker-pool';

/** A spawn request; the main process's has no job (it runs the whole program). */
type ProcessRequest = Omit<SpawnRequest, 'job'> & { job: ChildJob | null };

/** How often the page looks for a deadlock; two identical looks in a row confirm one. */
const DEADLOCK_CHECK_MS = 150;

/** A kill waits this long at most for its target to leave a critical section (kill-guard.ts). */
const KILL_GRACE_MS = 2000;

/** The page's own pid: the main process's parent. */
export const SUPERVISOR_PID = 1;

export interface RunOptions {
  pool: WorkerPool;
  /**
   * Workers an exploration's runs share (each run of one program); absent, the run recycles
   * its own Workers among its processes and terminates them at its end.
   */
  reuse?: RunReuse;
  onEvent: (event: RunEvent) => void;
  /** The program's own kernels (`*.as.ts`), compiled; absent when it has none. */
  kernels?: ReadyKernels | null;
  /** Multiplies every sleep and timeout (e.g. 0.1 to test an 18 s lesson in 1.8 s). */
  timeScale?: number;
  /**
   * Detect data races (src/runtime/race): shared reads and writes are checked and race
   * reports come as 'race' events. The program must have been compiled with line marks.
   */
  races?: boolean;
  /** The memory of the run's heap, reused from an earlier run (an exploration's); absent: a new one. */
  memory?: WebAssembly.Memory;
  /**
   * Run one process at a time, in the turns `chooser` picks (src/host/scheduler.ts), with
   * virtual time and `random` seeded by `seed`; `fine` makes shared reads and writes points.
   */
  schedule?: { chooser: Chooser; seed: number; fine: boolean };
}

/** What the page itself knows of a process: the shared heap's copy is the program's to write. */
interface Lineage {
  /** The pid whose Worker asked for it (SUPERVISOR_PID for main). */
  spawner: number;
  /** The process it belongs to: itself, or a thread's process. */
  process: number;
}

/**
 * Supervises one run: owns its shared heap and every Worker in it, starts the processes the
 * program asks for, kills on request without tearing shared structures (kill guard), turns
 * output into tagged lines, and ends the run when the main process ends or on Stop.
 *
 * Every message from a Worker is checked before it is acted on (protocol.ts); one that fails
 * ends its sender with an error in its console. The run's caps (live processes, output,
 * pictures) are counted here, never in the heap, and the page's work per task stays small
 * (output-gate.ts, picture-gate.ts), so no program can stop Stop from working.
 */
export class Run {
  readonly heap: Heap;
  /** Every Worker the run has taken from the pool: Stop terminates each one. */
  private readonly taken = new Set<ProcessWorker>();
  /** Where the run's processes get Workers, and Workers of ended processes go. */
  private readonly reuse: RunReuse;
  private readonly workers = new Map<number, ProcessWorker>();
  private readonly processes = new Map<number, ProcessInfo>();
  private readonly lineage = new Map<number, Lineage>();
  /** Spawns past LIMITS.liveProcesses wait here for a process to end. */
  private readonly waitingSpawns: [number, ProcessRequest][] = [];
  /** Processes given a Worker (or getting one) that have not ended: the live-process cap. */
  private launched = 0;
  private readonly output: OutputGate;
  private readonly pictures: PictureGate;
  /** Names of the program's shared objects by id, for reports. */
  private readonly names = new Map<number, string>();
  /** Notices received from each process's Worker (a scheduled run waits for them all). */
  private readonly noticesFrom = new Map<number, number>();
  /** Gives the turns of a scheduled run; null when it runs freely. */
  private readonly scheduler: Scheduler | null;
  private readonly deadlocks: DeadlockWatch;
  private readonly watchTimer: ReturnType<typeof setInterval>;
  private deadline = Infinity;
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;
  /** The end event has been sent: nothing more is. */
  private closed = false;

  constructor(
    private readonly program: CompiledProgram,
    private readonly options: RunOptions,
  ) {
    this.reuse = options.reuse ?? new RunReuse(options.pool);
    this.heap = Heap.create(
      options.timeScale ?? 1,
      {
        races: options.races,
        schedule: options.schedule && { seed: options.schedule.seed, fine: options.schedule.fine },
      },
      options.memory,
    );
    // The kernels' static data, written once, before any process starts (wasm-data.ts).
    for (const segment of options.kernels?.segments ?? [])
      this.heap.u8.set(segment.bytes, segment.offset);
    this.deadlocks = new DeadlockWatch(this.heap, this.names);
    this.scheduler = options.schedule
      ? new Scheduler(
          this.heap,
          () => this.processes.keys(),
          (pid) => this.noticesFrom.get(pid) ?? 0,
          options.schedule.chooser,
        )
      : null;
    this.watchTimer = setInterval(() => this.watch(), DEADLOCK_CHECK_MS);
    this.output = new OutputGate(
      { bytes: LIMITS.outputBytes, liveLines: LIMITS.liveLines, tailLines: LIMITS.tailLines },
      ({ pid, stream, text, at }) => {
        const t = at === undefined ? this.now() : at - this.heap.startedAt;
        const name = this.processes.get(pid)?.name ?? `process ${pid}`;
        this.emit({ type: 'output', t, pid, name, stream, text });
      },
    );
    this.pictures = new PictureGate(
      { pictures: LIMITS.pictures, pixels: LIMITS.picturePixels },
      ({ pid, at, item }) => {
        const name = this.processes.get(pid)?.name ?? `process ${pid}`;
        this.emit({ type: 'display', t: at - this.heap.startedAt, pid, name, item });
      },
      (pid, why) => this.output.write(pid, 'stderr', `[display: ${why}; it is not shown]\n`),
    );
  }

  /** Starts the main process. */
  start(): void {
    const pid = PID_BASE + Atomics.add(this.heap.i32, H.nextProc, 1);
    Atomics.add(this.heap.i32, H.live, 1);
    initRecord(this.heap, pid, SUPERVISOR_PID, 0, pid);
    this.admit(SUPERVISOR_PID, {
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
    this.scheduler?.run().catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      this.output.write(pid, 'stderr', `the scheduler failed: ${why}\n`);
      this.stop();
    });
  }

  /** The pids given the turn so far, in order (a scheduled run); empty when it runs freely. */
  get turns(): readonly number[] {
    return this.scheduler?.turns ?? [];
  }

  /** Ends every Worker of the run at once (Stop button, runner timeout). Never throws. */
  stop(reason: EndReason = 'stopped'): void {
    this.end(null, reason);
  }

  /**
   * Stops the run with reason 'timeout' `ms` from now. Checked on every message too: a Worker
   * flooding the page with messages would otherwise keep the timer's task waiting behind them.
   */
  stopAfter(ms: number): void {
    this.deadline = performance.now() + ms;
    this.deadlineTimer = setTimeout(() => this.stop('timeout'), ms);
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

  /** Enters a process in the page's table, and starts it now or when there is room. */
  private admit(spawner: number, req: ProcessRequest): void {
    const process = req.kind === 'thread' ? this.lineage.get(spawner)!.process : req.pid;
    this.lineage.set(req.pid, { spawner, process });
    this.processes.set(req.pid, {
      pid: req.pid,
      ppid: spawner,
      name: req.name,
      kind: req.kind,
      daemon: req.daemon,
      startedAt: this.now(),
      endedAt: null,
      exitCode: null,
    });
    this.emit({ type: 'process', info: this.processes.get(req.pid)! });
    this.waitingSpawns.push([spawner, req]);
    this.launchWaiting();
  }

  /** Starts waiting processes while fewer than LIMITS.liveProcesses have a Worker or are getting one. */
  private launchWaiting(): void {
    while (!this.ended && this.waitingSpawns.length && this.launched < LIMITS.liveProcesses) {
      const [ppid, req] = this.waitingSpawns.shift()!;
      if (this.processes.get(req.pid)?.endedAt !== null) continue; // killed while it waited
      this.launched++;
      void this.launch(ppid, req);
    }
  }

  /** Gives a process a Worker. */
  private async launch(ppid: number, req: ProcessRequest): Promise<void> {
    let worker: ProcessWorker;
    let kernels: WebAssembly.Module | null;
    try {
      [worker, kernels] = await Promise.all([this.reuse.take(), kernelsModule()]);
    } catch (error) {
      return this.crashed(req.pid, error instanceof Error ? error.message : String(error));
    }
    this.taken.add(worker);
    if (this.ended || lifeOf(this.heap, req.pid) !== Life.Ready) {
      worker.terminate(); // stopped, or killed before it got a Worker
      if (!this.ended) this.endProcess(req.pid, null);
      return;
    }
    this.workers.set(req.pid, worker);
    worker.onMessage = (data) => {
      if (this.workers.get(req.pid) === worker) this.received(req.pid, data);
    };
    worker.onCrash = (message) => this.crashed(req.pid, message);
    worker.assign({
      ...req,
      memory: this.heap.memory,
      kernels,
      userKernels: this.options.kernels
        ? { module: this.options.kernels.module, exports: this.options.kernels.exports }
        : null,
      program: {
        fileName: this.program.fileName,
        source: this.program.source,
        code: this.program.code,
        sites: this.program.sites,
      },
      ppid,
      parentName: this.processes.get(ppid)?.name ?? 'page',
      isMain: ppid === SUPERVISOR_PID,
    } satisfies Assignment);
  }

  /** A message from `pid`'s Worker: acted on if it passes the check, else the sender ends. */
  private received(pid: number, data: unknown): void {
    if (this.ended) return;
    this.noticesFrom.set(pid, (this.noticesFrom.get(pid) ?? 0) + 1);
    if (performance.now() >= this.deadline) return this.stop('timeout');
    try {
      const checked = checkNotice(data, this.senderView(pid));
      if (checked.ok) this.handle(pid, checked.notice);
      else this.refuse(pid, checked.why);
    } catch (error) {
      this.refuse(pid, `the page failed on it: ${error instanceof Error ? error.message : error}`);
    }
  }

  private senderView(pid: number): SenderView {
    const lineage = this.lineage;
    return {
      pid,
      process: lineage.get(pid)!.process,
      memoryBytes: this.heap.memory.buffer.byteLength,
      isFreshPid: (child) => !this.processes.has(child) && child < PID_BASE + MAX_PROCS,
      maySignal(target) {
        const spawner = lineage.get(target)?.spawner;
        const own = lineage.get(pid)!.process;
        return target === pid || (spawner !== undefined && lineage.get(spawner)?.process === own);
      },
    };
  }

  private handle(pid: number, notice: WorkerNotice): void {
    switch (notice.t) {
      case 'out':
        this.output.write(pid, notice.stream, notice.text, notice.at);
        return;
      case 'display':
        this.pictures.show({ pid, at: notice.at, item: notice.item });
        return;
      case 'spawn':
        this.admit(pid, notice.req);
        return;
      case 'kill':
        void this.kill(notice.pid, notice.signal);
        return;
      case 'exit':
        this.endProcess(pid, null, this.giveBack(pid));
        return;
      case 'object':
        this.names.set(notice.id, notice.name);
        return;
      case 'race':
        this.output.write(pid, 'stderr', notice.text + '\n');
        this.emit({
          type: 'race',
          t: notice.current.at,
          current: this.seen(notice.current),
          previous: this.seen(notice.previous),
          text: notice.text,
        });
        return;
    }
  }

  /** An access a race report names, with its process's name as the page knows it. */
  private seen(access: RaceAccess): RaceAccessSeen {
    const { pid, line, write, at } = access;
    const name = this.processes.get(pid)?.name ?? `process ${pid}`;
    return { pid, name, line, write, t: at };
  }

  /** Ends a process that sent a message it may not send, saying so in its console. */
  private refuse(pid: number, why: string): void {
    const name = this.processes.get(pid)?.name ?? `process ${pid}`;
    this.output.write(
      pid,
      'stderr',
      `PermissionError: ${name} sent the page a message it may not send (${why}), so it was ended. ` +
        'A program talks to the page only through the runtime’s modules.\n',
    );
    this.endProcess(pid, 1);
  }

  /**
   * Kills without landing inside a shared-structure update: sets KILL_FLAG on the process's
   * guard word, and if it was inside a critical section waits for it to leave (see
   * kill-guard.ts), for KILL_GRACE_MS at most: the word is the program's to write.
   */
  private async kill(pid: number, signal: number): Promise<void> {
    const i = slot(pid, W.guard);
    if (Atomics.or(this.heap.i32, i, KILL_FLAG) & KILL_FLAG) return;
    const until = performance.now() + KILL_GRACE_MS;
    for (
      let v = Atomics.load(this.heap.i32, i);
      v & DEPTH_MASK && performance.now() < until;
      v = Atomics.load(this.heap.i32, i)
    ) {
      await Atomics.waitAsync(this.heap.i32, i, v, until - performance.now()).value;
    }
    if (!this.ended) this.endProcess(pid, -signal);
  }

  private crashed(pid: number, message: string): void {
    if (this.ended) return;
    this.output.write(pid, 'stderr', `internal error: ${message}\n`);
    this.endProcess(pid, 1);
  }

  /**
   * A process ended by itself: its Worker may serve another process (run-reuse.ts). Resolves
   * when the Worker is ready for one or terminated: until then the process's code may still
   * run (its exit notice can be forged), so it still counts against the live-process cap.
   */
  private giveBack(pid: number): Promise<void> | undefined {
    const worker = this.workers.get(pid);
    if (!worker) return undefined;
    this.workers.delete(pid);
    this.taken.delete(worker);
    return this.reuse.recycle(worker);
  }

  /**
   * A process's Worker is done with: terminated (or, when `recycled` is given, being
   * recycled: the process's place under the cap is free when it resolves), its record finished
   * (with `exitCode`, unless it ended by itself: null), its end noted in the table; the run
   * ends after main.
   */
  private endProcess(pid: number, exitCode: number | null, recycled?: Promise<void>): void {
    this.workers.get(pid)?.terminate();
    this.workers.delete(pid);
    if (exitCode !== null) finishLife(this.heap, pid, exitCode);
    const wasLive = this.processes.get(pid)?.endedAt === null;
    const info = this.recordEnd(pid);
    if (wasLive && !this.waitingSpawns.some(([, req]) => req.pid === pid)) {
      if (recycled)
        void recycled.then(() => {
          this.launched--;
          this.launchWaiting();
        });
      else this.launched--;
    }
    if (info && info.exitCode !== 0) releaseDeadOwner(this.heap, pid, [...this.workers.keys()]);
    if (pid === PID_BASE) this.end(info?.exitCode ?? null, 'exit');
    else this.launchWaiting();
  }

  /** Notes in the table that `pid` ended (once) and hands on its last partial line. */
  private recordEnd(pid: number): ProcessInfo | undefined {
    const info = this.processes.get(pid);
    if (info && info.endedAt === null) {
      this.output.endOf(pid);
      info.endedAt = this.now();
      info.exitCode = Atomics.load(this.heap.i32, slot(pid, W.exitCode));
      this.emit({ type: 'process', info: { ...info } });
    }
    return info;
  }

  /** Ends the run with a report when every live process is blocked for good. */
  private watch(): void {
    try {
      const report = this.deadlocks.check([...this.processes.values()]);
      if (!report) return;
      this.emit({ type: 'deadlock', report });
      this.end(null, 'deadlock');
    } catch {
      // The heap words the watch reads are the program's to write; nonsense is no deadlock.
    }
  }

  /**
   * Terminates every Worker the run ever took first, whatever happens after; then notes the
   * processes that ended, and sends the last output and the end event (after the output gate
   * has handed on what it holds, in slices).
   */
  private end(exitCode: number | null, reason: EndReason): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.watchTimer);
    clearTimeout(this.deadlineTimer);
    this.scheduler?.stop();
    for (const worker of this.taken) worker.terminate();
    this.taken.clear();
    if (!this.options.reuse) this.reuse.close();
    this.workers.clear();
    let report: string | undefined;
    try {
      if (reason !== 'exit')
        report = stopReport(this.heap, this.processes.values(), (obj) => this.waitLabel(obj));
      // A child that ended just before main may not have said so yet (main woke from join first).
      for (const pid of this.processes.keys())
        if (lifeOf(this.heap, pid) === Life.Done) this.recordEnd(pid);
    } finally {
      this.pictures.flush();
      const durationMs = this.now();
      this.output.finish(() => {
        this.emit({ type: 'end', exitCode, durationMs, reason, ...(report && { report }) });
        this.closed = true;
      });
    }
  }

  /** Hands an event on; a handler that throws is reported, and the run goes on. */
  private emit(event: RunEvent): void {
    if (this.closed) return;
    try {
      this.options.onEvent(event);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  /** ms since the run started. */
  now(): number {
    return performance.timeOrigin + performance.now() - this.heap.startedAt;
  }
}
