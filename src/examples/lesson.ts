/** A lesson of the gallery: one program from the tutorials, and what to watch for. */
import { MAIN_FILE, type ProgramFile } from '../compile/program-files';

export interface Text {
  zh: string;
  en: string;
}

export type GroupId =
  | 'processes'
  | 'join'
  | 'isolation'
  | 'locks'
  | 'queues'
  | 'threads'
  | 'pools'
  | 'speedup'
  | 'kernels'
  | 'network';

export interface Lesson {
  /** Stable id from LESSONS.md (`p01`...), used in URLs. */
  id: string;
  group: GroupId;
  title: Text;
  /** What the program shows and what to watch for when it runs. */
  explain: Text;
  /** Where the browser honestly differs from CPython, if it does. */
  browserNote?: Text;
  /** The program (main.ts), as the editor shows it. */
  source: string;
  /** Its AssemblyScript kernel files, in the editor's tabs beside main.ts. */
  kernels?: ProgramFile[];
  /** Opens with race detection on: its explanation reads the race report the run prints. */
  detectRaces?: boolean;
}

/** A lesson's files as the editor shows them: main.ts, then its kernel files. */
export function lessonFiles(lesson: Lesson): ProgramFile[] {
  return [{ name: MAIN_FILE, text: lesson.source }, ...(lesson.kernels ?? [])];
}

export const GROUPS: Record<GroupId, Text> = {
  processes: { zh: '进程:启动、参数与 pid', en: 'Processes: start, args, pid' },
  join: { zh: 'join 与进程控制', en: 'Join and process control' },
  isolation: { zh: '数据隔离与守护进程', en: 'Isolation and daemons' },
  locks: { zh: '锁', en: 'Locks' },
  queues: { zh: '队列与生产者消费者', en: 'Queues and producer/consumer' },
  threads: { zh: '线程', en: 'Threads' },
  pools: { zh: '线程队列与池', en: 'Thread queues and pools' },
  speedup: { zh: 'GIL 与并行加速', en: 'GIL and speed-up' },
  kernels: { zh: '自己写 WebAssembly 内核', en: 'Your own WebAssembly kernels' },
  network: { zh: '网络', en: 'Network' },
};
