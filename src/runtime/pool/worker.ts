import { ctx, definedByName } from '../context';
import { print } from '../globals';
import { Process, registerRuntimeClass } from '../process';
import type { Queue } from '../queue/mp-queue';
import { Thread } from '../thread';
import { formatTraceback } from '../traceback';
import { PicklingError } from '../transfer';
import { describeError, type SentError } from './remote-error';
import { TaskState, type TaskTable } from './task-table';

/**
 * A task as it travels through the tasks queue: the function by name and plain-data arguments,
 * for one call (`args`), or for each call of a chunk of a Pool's map (`calls`; Python's
 * chunksize), whose value is then the list of their values. A chunk is one hand-off each way
 * however many items it holds; `first` is its first item's place in the map, for messages.
 */
export type Task = { id: number; fn: string } & (
  { args: unknown[] } | { calls: unknown[][]; first: number }
);

/** What a worker puts in the results queue for a task. */
export type Outcome =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };

/** How an executor breaks when an initializer fails: the error every task then gets. */
export interface Breakage {
  className: 'BrokenThreadPool' | 'BrokenProcessPool';
  message: string;
}

/** What every pool worker carries (its own fields travel to its Worker, like a subclass's). */
interface PoolWorkerFields {
  tasks: Queue<Task | null>;
  results: Queue<Outcome>;
  table: TaskTable;
  initializer: string | null;
  initargs: unknown[];
  /** Tasks before this worker exits (Pool's maxtasksperchild); 0 for no limit. */
  maxTasks: number;
  /**
   * An executor's: a failed initializer breaks it (every task fails with this). A Pool's is
   * null: the worker dies of the error, as CPython's Pool workers do.
   */
  breakage: Breakage | null;
}

/**
 * The loop of a pool worker, thread or process: takes a task, runs the function it names,
 * puts the outcome. A `null` task (shutdown) ends it; so does reaching maxTasks.
 */
async function serve(fields: PoolWorkerFields): Promise<void> {
  const { tasks, results, table, maxTasks, breakage } = fields;
  if (!(await initialize(fields))) table.breakDown();
  for (let served = 0; maxTasks === 0 || served < maxTasks; served++) {
    const task = tasks.get();
    if (task === null) return;
    if (!table.move(task.id, TaskState.Pending, TaskState.Running)) continue; // cancelled
    const outcome =
      breakage && table.broken()
        ? ({ id: task.id, ok: false, error: brokenError(breakage) } as const)
        : await outcomeOf(task);
    // Published before the task is marked done: a future is settled by its outcome, and a
    // settled future is never running() whatever the table says.
    try {
      results.put(outcome);
    } catch (error) {
      results.put(sendable(outcome, (error as Error).message, task));
    }
    table.move(task.id, TaskState.Running, TaskState.Done);
  }
}

/** Runs the initializer; false if it failed and the executor is broken (reported on stderr). */
async function initialize(fields: PoolWorkerFields): Promise<boolean> {
  const { initializer, initargs, breakage } = fields;
  if (!initializer) return true;
  try {
    await (definedByName(initializer) as (...a: unknown[]) => unknown)(...initargs);
    return true;
  } catch (error) {
    if (!breakage) throw error;
    print(`Exception in initializer:\n${formatTraceback(error, ctx().program)}`, {
      file: 'stderr',
    });
    return false;
  }
}

function brokenError(breakage: Breakage): SentError {
  const { className, message } = breakage;
  return { kind: 'runtime', className, name: className, message, traceback: '', fields: {} };
}

/**
 * The task's outcome: its value, or its error described for the trip back. A chunk's calls run
 * in turn; the first that throws fails the chunk with its own error and traceback (the calls
 * after it do not run), as CPython's mapstar does.
 */
async function outcomeOf(task: Task): Promise<Outcome> {
  try {
    const fn = definedByName(task.fn) as (...a: unknown[]) => unknown;
    if ('args' in task) return { id: task.id, ok: true, value: await fn(...task.args) };
    const values: unknown[] = [];
    for (const args of task.calls) values.push(await fn(...args));
    return { id: task.id, ok: true, value: values };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: task.id, ok: false, error: describeError(e, formatTraceback(e, ctx().program)) };
  }
}

/**
 * What is sent instead of an outcome the results queue refused (`refusal`, its reason): an
 * error without its own fields, or for a value that cannot travel (a function, a class
 * instance) a PicklingError naming the task, as Python's pool fails to pickle a result. For a
 * chunk, whose value is the list of its calls' values, it names the map's item.
 */
function sendable(outcome: Outcome, refusal: string, task: Task): Outcome {
  if (!outcome.ok) return { ...outcome, error: { ...outcome.error, fields: {} } };
  const m = /^cannot put an? (.+?) \(item\.value([^)]*)\) into a queue(.*)$/s.exec(refusal);
  let [why, item] = [refusal, ''];
  if (m) {
    const [, kind, path, rest] = m;
    // A chunk's value is the list of its calls' values: its element k is item first + k.
    const inChunk = 'calls' in task ? /^\[(\d+)\](.*)$/s.exec(path) : null;
    if (inChunk && 'calls' in task) item = ` for item ${task.first + Number(inChunk[1])}`;
    why = `result${inChunk ? inChunk[2] : path} is a ${kind}${rest.replace(': items are', '; a result is')}`;
  }
  const message =
    `the result of task ${task.fn}()${item} cannot be sent back to the process that asked for ` +
    `it (results travel between Workers as data): ${why}`;
  return { id: task.id, ok: false, error: describeError(new PicklingError(message), '') };
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
