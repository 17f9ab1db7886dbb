/**
 * Python's `concurrent.futures`. Tasks and results travel through shared-heap queues; the
 * function of a task travels by name (a top-level function), as Python pickles it for
 * processes. Threads are Web Workers here, so the same rule holds for ThreadPoolExecutor.
 */
export {
  ThreadPoolExecutor,
  ProcessPoolExecutor,
  Executor,
  wait,
  asCompleted,
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ExecutorOptions,
  type ThreadPoolOptions,
} from '../pool/executor';
export { Future } from '../pool/future';
export {
  CancelledError,
  BrokenExecutor,
  BrokenThreadPool,
  BrokenProcessPool,
} from '../pool/errors';
export { TimeoutError } from '../errors';
