import { ctx } from '../context';
import { RuntimeError } from '../errors';
import {
  ObjectKind,
  attach,
  handleOf,
  registerShared,
  sharedObject,
  type SharedRef,
} from '../sync/objects';
import { toHandle } from '../transfer';

/**
 * The state of every task of one executor or pool, one Int32 word per task id, changed only by
 * compare-and-swap, so the submitting process and the workers agree without messages:
 *
 *   PENDING -> RUNNING (a worker takes it) -> DONE (its result is in the result queue)
 *   PENDING -> CANCELLED (the submitter cancels it; a worker that later takes it skips it)
 *
 * Word 0 counts the ids handed out; word 1 is BROKEN (0 or 1): set once by a worker whose
 * initializer failed, read by every worker before each task and by the submitter before each
 * submit. Task `id` (from 1) is word 1 + id.
 */
export const TaskState = { Pending: 0, Running: 1, Done: 2, Cancelled: 3 } as const;
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

const CAPACITY = 1 << 16;

export class TaskTable {
  id!: number;
  private i32!: Int32Array;
  private base!: number;

  constructor() {
    this[attach](sharedObject(ObjectKind.TaskTable, (CAPACITY + 2) * 4, () => {}));
  }

  [attach](ref: SharedRef): void {
    this.id = ref.id;
    this.i32 = ctx().heap.i32;
    this.base = ref.offset / 4;
  }

  /** A new task id, PENDING. */
  next(): number {
    const id = Atomics.add(this.i32, this.base, 1) + 1;
    if (id > CAPACITY) throw new RuntimeError(`too many tasks for one pool (limit ${CAPACITY})`);
    return id;
  }

  state(task: number): TaskState {
    return Atomics.load(this.i32, this.base + 1 + task) as TaskState;
  }

  /** Moves `task` from `from` to `to`; false if it was not in `from`. */
  move(task: number, from: TaskState, to: TaskState): boolean {
    return Atomics.compareExchange(this.i32, this.base + 1 + task, from, to) === from;
  }

  /** The executor cannot run tasks any more: a worker's initializer failed. */
  breakDown(): void {
    Atomics.store(this.i32, this.base + 1, 1);
  }

  broken(): boolean {
    return Atomics.load(this.i32, this.base + 1) === 1;
  }

  [toHandle]() {
    return handleOf(this);
  }
}

registerShared(ObjectKind.TaskTable, TaskTable);
