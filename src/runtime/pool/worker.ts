import { definedByName } from '../context';
import { Process, registerRuntimeClass } from '../process';
import type { Queue } from '../queue/mp-queue';
import { Thread } from '../thread';
import { formatTraceback } from '../traceback';
import { ctx } from '../context';
import { TaskState, type TaskTable } from './task-table';

/** A task as it travels through the tasks queue: the function by name, plain-data arguments. */
export interface Task {
  id: number;
  fn: string;
  args: unknown[];
}

/** What a worker puts in the results queue for a task. */
export type Outcome =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; traceback: string } };

/** What every pool worker carries (its own fields travel to its Worker, like a subclass's). */
interface PoolWorkerFields {
  tasks: Queue<Task | null>;
  results: Queue<Outcome>;
  table: TaskTable;
  initializer: string | null;
  initargs: unknown[];
  /** Tasks before this worker exits (Pool's maxtasksperchild); 0 for no limit. */
  maxTasks: number;
}

/**
 * The loop of a pool worker, thread or process: takes a task, runs the function it names,
 * puts the outcome. A `null` task (shutdown) ends it; so does reaching maxTasks.
 */
async function serve(fields: PoolWorkerFields): Promise<void> {
  const { tasks, results, table, initializer, initargs, maxTasks } = fields;
  if (initializer) (definedByName(initializer) as (...a: unknown[]) => unknown)(...initargs);
  for (let served = 0; maxTasks === 0 || served < maxTasks; served++) {
    const task = tasks.get();
    if (task === null) return;
    if (!table.move(task.id, TaskState.Pending, TaskState.Running)) continue; // cancelled
    let outcome: Outcome;
    try {
      const fn = definedByName(task.fn) as (...a: unknown[]) => unknown;
      outcome = { id: task.id, ok: true, value: await fn(...task.args) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const traceback = formatTraceback(e, ctx().program);
      outcome = { id: task.id, ok: false, error: { name: e.name, message: e.message, traceback } };
    }
    try {
      results.put(outcome);
    } catch (error) {
      // The value cannot travel (a class instance, a function): the task fails with that.
      const message = (error as Error).message;
      results.put({ id: task.id, ok: false, error: { name: 'TypeError', message, traceback: '' } });
    }
    table.move(task.id, TaskState.Running, TaskState.Done);
  }
}

/** A ThreadPoolExecutor's thread. */
export class PoolThread extends Thread {
  constructor(
    name: string,
    readonly fields: PoolWorkerFields,
  ) {
    super({ name, daemon: false });
  }
  override run(): Promise<void> {
    return serve(this.fields);
  }
}

/** A ProcessPoolExecutor's or Pool's process. */
export class PoolProcess extends Process {
  constructor(
    name: string,
    readonly fields: PoolWorkerFields,
    daemon: boolean,
  ) {
    super({ name, daemon });
  }
  override run(): Promise<void> {
    return serve(this.fields);
  }
}

registerRuntimeClass('PoolThread', PoolThread);
registerRuntimeClass('PoolProcess', PoolProcess);

export type { PoolWorkerFields };
