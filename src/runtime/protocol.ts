/**
 * Messages between the page (supervisor) and a process's Worker. Page -> Worker calls go
 * through comlink (`WorkerApi`). Worker -> page traffic is one-way notices on the Worker's own
 * port (`WorkerNotice`), so that output and control notices from every Worker arrive at the
 * page in the order they were sent.
 */
import type { DisplayItem } from './display-item';
import type { UserKernels } from './kernels/user';
import type { Encoded } from './transfer';

export type StartMethod = 'fork' | 'spawn';
export type ProcessKind = 'process' | 'thread';
export type Stream = 'stdout' | 'stderr';

/** The compiled program as a Worker needs it. */
export interface ProgramInfo {
  fileName: string;
  source: string;
  /** Blob URL of the compiled module; every process imports it afresh. */
  url: string;
  sites: Record<string, string>;
}

/** What a child runs: its own object rebuilt from its fields, or a target found by name. */
export interface ChildJob {
  /** A class to rebuild the object as: the program's (by name) or, if `runtime`, the runtime's (Timer). */
  className: string | null;
  runtime: boolean;
  fields: Encoded;
  targetName: string | null;
  /** A callable object target (process.ts, Callable), encoded. */
  targetObject: Encoded | null;
  args: Encoded;
  kwargs: Encoded;
}

/** A process asks the page to start a child it has already given a pid and a record. */
export interface SpawnRequest {
  pid: number;
  name: string;
  identity: number[];
  kind: ProcessKind;
  daemon: boolean;
  startMethod: StartMethod;
  job: ChildJob;
  /** Module-level objects by creation site, shared with the child as if forked (objects.ts). */
  sites: Record<string, number>;
  /** The process a thread belongs to (for a process: itself): what getpid() and currentProcess() tell. */
  process: OwningProcess;
}

export interface OwningProcess {
  pid: number;
  ppid: number;
  name: string;
}

/** Everything a pooled Worker needs to become one process of a run. */
export interface Assignment extends Omit<SpawnRequest, 'job'> {
  memory: WebAssembly.Memory;
  kernels: WebAssembly.Module | null;
  /** The program's own kernels (`*.as.ts`), compiled by the page; absent when it has none. */
  userKernels?: UserKernels | null;
  program: ProgramInfo;
  ppid: number;
  parentName: string;
  isMain: boolean;
  job: ChildJob | null;
}

export interface WorkerApi {
  assign(assignment: Assignment): void;
}

export type WorkerNotice =
  | { t: 'ready' }
  | { t: 'out'; pid: number; stream: Stream; text: string; at: number }
  /** display.image / display.chart: an image names its pixels in the heap, a chart is a copy. */
  | { t: 'display'; pid: number; item: DisplayItem; at: number }
  | { t: 'spawn'; from: number; req: SpawnRequest }
  | { t: 'object'; id: number; kind: number; name: string }
  | { t: 'kill'; pid: number; signal: number }
  | { t: 'exit'; pid: number };
