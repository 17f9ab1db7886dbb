/**
 * The bridge between the page (supervisor) and a process's Worker: the messages of both
 * directions, and the page's check of every Worker -> page notice.
 *
 * Page -> Worker are two messages (`PageMessage`): the assignment that makes a pooled Worker a
 * process, and the recycling of a Worker whose process ended (host/run-reuse.ts). Worker -> page
 * traffic is one-way notices on the Worker's own port (`WorkerNotice`), so that output and
 * control notices from every Worker arrive at the page in the order they were sent.
 *
 * A program runs in the Worker and can call its global `postMessage` itself, so a notice is
 * untrusted data until `checkNotice` has passed it: its shape, the sender's right to speak of
 * the pids it names, its stream, its sizes. Nothing here trusts the shared heap either (the
 * program can write it): the page's own table says which pids exist and who started them.
 */
import type { DisplayItem, HeapRegion } from './display-item';
import { MAX_POINTS, MAX_SERIES, MAX_SIDE, VIEWS } from './display-item';
import { MAX_LIVE, MAX_OBJECTS, MAX_PROCS, OUTPUT_CAP, PID_BASE } from './layout';
import type { UserKernels } from './kernels/user';
import type { RaceAccess, RaceNotice } from './race/race-notice';
import type { Encoded } from './transfer';

export type StartMethod = 'fork' | 'spawn';
export type ProcessKind = 'process' | 'thread';
export type Stream = 'stdout' | 'stderr';

/** The compiled program as a Worker needs it. */
export interface ProgramInfo {
  fileName: string;
  source: string;
  /** The compiled program (compile.ts): every process evaluates it afresh. */
  code: string;
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

/** Page -> Worker: sent once, to a Worker that has said it is ready. */
export type PageMessage =
  | { t: 'assign'; assignment: Assignment }
  /** The Worker's process ended by itself: make the Worker ready for another (process-state.ts). */
  | { t: 'recycle' };

/**
 * Worker -> page before an assignment: loaded, or recycled and ready for another process; or
 * spoiled by its last process, which left what a fresh Worker would not have (realm-watch.ts).
 */
export type IdleNotice = { t: 'ready' } | { t: 'spoiled'; why: string };

/** Worker -> page, from its process. */
export type WorkerNotice =
  | { t: 'out'; pid: number; stream: Stream; text: string; at: number }
  /** display.image / display.chart: an image names its pixels in the heap, a chart is a copy. */
  | { t: 'display'; pid: number; item: DisplayItem; at: number }
  | { t: 'spawn'; from: number; req: SpawnRequest }
  | { t: 'object'; id: number; kind: number; name: string }
  | { t: 'kill'; pid: number; signal: number }
  | RaceNotice
  | { t: 'exit'; pid: number };

/** What the page holds a run to, counted on the page. */
export const LIMITS = {
  liveProcesses: MAX_LIVE,
  outputBytes: OUTPUT_CAP,
  /**
   * Lines shown as they come; past them the console gets only the newest `tailLines`, at the
   * end. The console is a virtual list: e2e/console-load.solo.spec.ts shows 100,000 lines
   * with no task over 200 ms.
   */
  liveLines: 100_000,
  tailLines: 5_000,
  /** Pictures (images and charts) per run, and all images' pixels together. */
  pictures: 32,
  picturePixels: MAX_SIDE * MAX_SIDE,
  /** Characters kept of a process's or an object's name, a title, a label. */
  nameChars: 200,
  titleChars: 500,
  labelChars: 100,
  /** Characters kept of a race report (race-notice.ts). */
  raceReportChars: 2_000,
} as const;

/** A long name or title keeps its start and ends with this mark. */
export const CLIPPED = '…';

/** `text` cut to `max` characters, the cut marked; short text unchanged. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + CLIPPED;
}

/** What the page knows about the sender of a notice when it checks it. */
export interface SenderView {
  /** The pid whose Worker sent the notice (the page's own record, not the notice's word). */
  pid: number;
  /** The process the sender belongs to (itself, or a thread's process). */
  process: number;
  /** Whether `pid` is a free pid of the run that a spawn may claim. */
  isFreshPid(pid: number): boolean;
  /** Whether the sender may terminate or kill `pid`: a process it, or its process, started. */
  maySignal(pid: number): boolean;
  /** Size of the run's shared memory, which an image's region must lie in. */
  memoryBytes: number;
}

export type CheckedNotice = { ok: true; notice: WorkerNotice } | { ok: false; why: string };

/** Thrown by the checks below; becomes the `why` of a refusal. */
class Refused extends Error {}

/**
 * The page's check of a notice from a Worker: a well-formed notice the sender may send, with
 * every name and title cut to LIMITS (so the page can show it), or why it is refused.
 */
export function checkNotice(data: unknown, sender: SenderView): CheckedNotice {
  try {
    return { ok: true, notice: checked(record(data, 'the message'), sender) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, why: error.message };
    throw error;
  }
}

function checked(data: Record<string, unknown>, sender: SenderView): WorkerNotice {
  switch (data.t) {
    case 'out':
      own(data.pid, sender);
      return {
        t: 'out',
        pid: sender.pid,
        stream: oneOf(data.stream, ['stdout', 'stderr'] as const, 'stream'),
        // More than the run's whole output cap is never shown: the rest need not cross.
        text: string(data.text, 'text').slice(0, LIMITS.outputBytes + 1),
        at: finite(data.at, 'at'),
      };
    case 'display':
      own(data.pid, sender);
      return {
        t: 'display',
        pid: sender.pid,
        item: displayItem(record(data.item, 'item'), sender.memoryBytes),
        at: finite(data.at, 'at'),
      };
    case 'spawn':
      own(data.from, sender, "'from'");
      return { t: 'spawn', from: sender.pid, req: spawnRequest(record(data.req, 'req'), sender) };
    case 'object':
      return {
        t: 'object',
        id: int(data.id, 'object id', 0, MAX_OBJECTS - 1),
        kind: int(data.kind, 'object kind', 0, 255),
        name: clip(string(data.name, 'object name'), LIMITS.nameChars),
      };
    case 'kill': {
      const pid = int(data.pid, 'pid', PID_BASE, PID_BASE + MAX_PROCS - 1);
      if (!sender.maySignal(pid)) throw new Refused(`a signal to pid ${pid}, not its child`);
      return { t: 'kill', pid, signal: oneOf(data.signal, [9, 15] as const, 'signal') };
    }
    case 'exit':
      own(data.pid, sender);
      return { t: 'exit', pid: sender.pid };
    case 'race':
      own(data.pid, sender);
      return {
        t: 'race',
        pid: sender.pid,
        current: raceAccess(record(data.current, 'current'), 'current'),
        previous: raceAccess(record(data.previous, 'previous'), 'previous'),
        text: clip(string(data.text, 'text'), LIMITS.raceReportChars),
      };
    default:
      throw new Refused(`an unknown notice ${JSON.stringify(clip(String(data.t), 40))}`);
  }
}

/**
 * About how many bytes a checked notice is when copied to the page (its strings and numbers):
 * what the Worker's send limit counts (channel.ts). The page copies every message it is sent,
 * whatever it does with it, so a Worker must not send more than the page can copy.
 */
export function noticeBytes(notice: WorkerNotice): number {
  switch (notice.t) {
    case 'out':
      return notice.text.length;
    case 'display': {
      const item = notice.item;
      if (item.kind === 'image') return item.title.length + 8 * item.palette.length;
      let bytes = item.title.length + item.xLabel.length + item.yLabel.length;
      for (const label of item.labels) bytes += label.length;
      for (const s of item.series) bytes += s.name.length + 8 * s.data.length;
      return bytes;
    }
    case 'spawn':
      return notice.req.name.length + JSON.stringify(notice.req.job).length;
    case 'object':
      return notice.name.length;
    case 'race':
      return notice.text.length;
    default:
      return 0;
  }
}

function spawnRequest(req: Record<string, unknown>, sender: SenderView): SpawnRequest {
  const pid = int(req.pid, 'pid', PID_BASE, PID_BASE + MAX_PROCS - 1);
  if (!sender.isFreshPid(pid)) throw new Refused(`a spawn of pid ${pid}, which is taken`);
  const kind = oneOf(req.kind, ['process', 'thread'] as const, 'kind');
  const owner = record(req.process, 'process');
  const ownerPid = int(owner.pid, 'process pid', PID_BASE, PID_BASE + MAX_PROCS - 1);
  // A thread belongs to the sender's process; a process to itself, with the sender as parent.
  const expected = kind === 'thread' ? sender.process : pid;
  if (ownerPid !== expected) throw new Refused(`a ${kind} that belongs to pid ${ownerPid}`);
  const identity = array(req.identity, 'identity', MAX_PROCS);
  const sites = record(req.sites, 'sites');
  for (const id of Object.values(sites)) int(id, 'site object id', 0, MAX_OBJECTS - 1);
  return {
    pid,
    name: clip(string(req.name, 'name'), LIMITS.nameChars),
    identity: identity.map((n) => int(n, 'identity', 0, 2 ** 31 - 1)),
    kind,
    daemon: boolean(req.daemon, 'daemon'),
    startMethod: oneOf(req.startMethod, ['fork', 'spawn'] as const, 'startMethod'),
    // The job is Worker-to-Worker data: the child rebuilds and checks it; the page passes it on.
    job: record(req.job, 'job') as unknown as ChildJob,
    sites: sites as Record<string, number>,
    process: {
      pid: ownerPid,
      ppid: int(owner.ppid, 'process ppid', 0, PID_BASE + MAX_PROCS - 1),
      name: clip(string(owner.name, 'process name'), LIMITS.nameChars),
    },
  };
}

/** A picture re-checked on the page: the Worker's checks (display-item.ts) ran in its memory. */
function displayItem(item: Record<string, unknown>, memoryBytes: number): DisplayItem {
  const title = clip(string(item.title, 'title'), LIMITS.titleChars);
  if (item.kind === 'chart') {
    const labels = array(item.labels, 'labels', MAX_POINTS).map((l) =>
      clip(string(l, 'label'), LIMITS.labelChars),
    );
    const series = array(item.series, 'series', MAX_SERIES).map((s) => {
      const { name, data } = record(s, 'series');
      const values = array(data, 'series data', MAX_POINTS);
      if (values.length !== labels.length)
        throw new Refused('a chart series without one label per value');
      return {
        name: clip(string(name, 'series name'), LIMITS.labelChars),
        data: values.map((v) => finite(v, 'chart value')),
      };
    });
    if (series.length === 0) throw new Refused('a chart with no series');
    return {
      kind: 'chart',
      title,
      type: oneOf(item.type, ['bar', 'line'] as const, 'chart type'),
      labels,
      series,
      xLabel: clip(string(item.xLabel, 'xLabel'), LIMITS.labelChars),
      yLabel: clip(string(item.yLabel, 'yLabel'), LIMITS.labelChars),
    };
  }
  if (item.kind !== 'image') throw new Refused('a picture that is neither an image nor a chart');
  const width = int(item.width, 'width', 1, MAX_SIDE);
  const height = int(item.height, 'height', 1, MAX_SIDE);
  const format = oneOf(item.format, ['values', 'rgba'] as const, 'format');
  const pixels = region(item.pixels, 'pixels', memoryBytes);
  if (pixels.length < width * height * (format === 'rgba' ? 4 : 1))
    throw new Refused('an image larger than its pixel array');
  if (format === 'rgba' && pixels.view !== 'Uint8Array')
    throw new Refused("'rgba' pixels that are not bytes");
  const tintRows = item.tintRows === null ? null : region(item.tintRows, 'tintRows', memoryBytes);
  if (tintRows && tintRows.length < height) throw new Refused('tintRows shorter than the image');
  const max = finite(item.max, 'max');
  if (!(max > 0)) throw new Refused('an image whose max is not above 0');
  const palette = array(item.palette, 'palette', 256).map((c) => int(c, 'colour', 0, 0xffffff));
  if (palette.length < 2) throw new Refused('a palette of fewer than 2 colours');
  return {
    kind: 'image',
    key: int(item.key, 'image key', 0, MAX_OBJECTS - 1),
    title,
    width,
    height,
    format,
    pixels,
    max,
    palette,
    tintRows,
  };
}

/** A typed-array region that lies inside the run's memory, aligned for its view. */
function region(value: unknown, what: string, memoryBytes: number): HeapRegion {
  const r = record(value, what);
  const view = oneOf(r.view, Object.keys(VIEWS) as (keyof typeof VIEWS)[], `${what} view`);
  const size = VIEWS[view].BYTES_PER_ELEMENT;
  const offset = int(r.offset, `${what} offset`, 0, memoryBytes);
  const length = int(r.length, `${what} length`, 0, memoryBytes);
  if (offset % size !== 0 || offset + length * size > memoryBytes)
    throw new Refused(`${what} outside the run's shared memory`);
  return { offset, length, view };
}

/** One access a race report names: any pid of the run, a line of the program. */
function raceAccess(access: Record<string, unknown>, what: string): RaceAccess {
  return {
    pid: int(access.pid, `${what} pid`, PID_BASE, PID_BASE + MAX_PROCS - 1),
    line: int(access.line, `${what} line`, 0, 2 ** 31 - 1),
    write: boolean(access.write, `${what} write`),
    at: finite(access.at, `${what} at`),
  };
}

/** The notice's pid word must be the sender's own. */
function own(value: unknown, sender: SenderView, what = 'pid'): void {
  if (value !== sender.pid)
    throw new Refused(`${what} ${clip(String(value), 40)}, not its own pid`);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Refused(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new Refused(`${what} is not an array`);
  if (value.length > max) throw new Refused(`${what} longer than ${max}`);
  return value;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Refused(`${what} is not a string`);
  return value;
}

function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new Refused(`${what} is not true or false`);
  return value;
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Refused(`${what} is not a finite number`);
  return value;
}

function int(value: unknown, what: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw new Refused(`${what} ${clip(String(value), 40)} is not an integer from ${min} to ${max}`);
  return value as number;
}

function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T))
    throw new Refused(`${what} ${clip(String(value), 40)} is not one of ${allowed.join(', ')}`);
  return value as T;
}
