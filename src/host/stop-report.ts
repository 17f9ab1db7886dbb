import type { Heap } from '../runtime/heap';
import { Activity, Life, W, lifeOf, slot } from '../runtime/proc-record';
import type { ProcessInfo } from './run-events';

/**
 * What each live process was doing when a run was stopped (the runner's --timeout prints it):
 * `  Process-1 (pid 1001) blocked on lockA (Lock)`. Read from the processes' own words in the
 * heap, which a program can write: a word that makes no sense reads as 'in an unknown state'.
 */
export function stopReport(
  heap: Heap,
  processes: Iterable<ProcessInfo>,
  waitLabel: (obj: number) => string,
): string {
  const lines: string[] = [];
  for (const p of processes) {
    if (p.endedAt !== null) continue;
    lines.push(`  ${p.name} (pid ${p.pid}) ${doing(heap, p.pid, waitLabel)}`);
  }
  return lines.length ? lines.join('\n') : '  (no process was still running)';
}

function doing(heap: Heap, pid: number, waitLabel: (obj: number) => string): string {
  try {
    const life = lifeOf(heap, pid);
    if (life === Life.Ready) return 'was starting';
    if (life === Life.Done || life === Life.Exiting) return 'was ending';
    const activity = Atomics.load(heap.i32, slot(pid, W.activity));
    const on = () => waitLabel(Atomics.load(heap.i32, slot(pid, W.waitObj)));
    switch (activity) {
      case Activity.Running:
        return 'was running';
      case Activity.Blocked:
        return `was blocked on ${on()}`;
      case Activity.BlockedTimed:
        return `was waiting (with a timeout) on ${on()}`;
      case Activity.Sleeping:
        return 'was sleeping';
    }
  } catch {
    // a word pointing outside the heap's tables
  }
  return 'was in an unknown state';
}
