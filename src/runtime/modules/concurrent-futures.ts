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
} from '../pool/executor';
export { Future, CancelledError } from '../pool/future';
export { TimeoutError } from '../errors';
