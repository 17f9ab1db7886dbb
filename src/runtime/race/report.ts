import { ctx } from '../context';
import type { Heap } from '../heap';
import { processName } from '../proc-record';
import {
  ObjectKind,
  kindName,
  objectKind,
  objectLabel,
  objectName,
  objectOffset,
} from '../sync/objects';

/** One access a report names. */
export interface ReportedAccess {
  pid: number;
  line: number;
  write: boolean;
  /** ms since the run started */
  at: number;
  /** Ids of the locks the process held. */
  locks: number[];
}

/**
 * A race report as Go's race detector words one: what was raced on, named as the program
 * names it; both accesses with their line, process and the locks each held.
 *
 *   DATA RACE on counter.value (Value 'i')
 *     write at main.ts:14 by Process-2 (pid 1002), holding no lock
 *     previous write at main.ts:14 by Process-1 (pid 1001), holding no lock
 *     nothing orders them: no lock held by both, no queue, join, event or barrier between them
 */
export function raceReport(
  heap: Heap,
  id: number,
  index: number,
  current: ReportedAccess,
  previous: ReportedAccess,
): string {
  const lines = [
    `DATA RACE on ${target(heap, id, index)}`,
    `  ${describe(heap, current)}`,
    `  previous ${describe(heap, previous)}`,
    '  nothing orders them: no lock held by both, no queue, join, event or barrier between them',
  ];
  if (ctx().userKernels) {
    lines.push('  (reads and writes inside WebAssembly kernels are not checked)');
  }
  return lines.join('\n');
}

/** `counter.value (Value 'i')`, `tickets[3] (Array 'i')`. */
function target(heap: Heap, id: number, index: number): string {
  const kind = objectKind(heap, id);
  const name = objectName(id) ?? `${kindName(kind)} #${id}`;
  const typecode = String.fromCharCode(heap.i32[objectOffset(heap, id) / 4 + 1]);
  const element = kind === ObjectKind.Array ? `${name}[${index}]` : `${name}.value`;
  return `${element} (${kindName(kind)} '${typecode}')`;
}

function describe(heap: Heap, access: ReportedAccess): string {
  const what = access.write ? 'write' : 'read';
  const who = `${processName(heap, access.pid) ?? 'a process'} (pid ${access.pid})`;
  const locks =
    access.locks.length === 0
      ? 'holding no lock'
      : `holding ${access.locks.map((lock) => objectLabel(lock)).join(', ')}`;
  return `${what} at ${ctx().program.fileName}:${access.line} by ${who}, ${locks}`;
}
