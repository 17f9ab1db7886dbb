/** Python's `multiprocessing` module: processes on Workers. */
import { ctx } from '../context';
import { RuntimeError, ValueError } from '../errors';
import type { StartMethod } from '../protocol';

export { Process, type ProcessOptions } from '../process';
export { currentProcess, parentProcess, activeChildren, ParentProcess } from '../current';
export { cpuCount } from './os';
export { AssertionError, ProcessError, TimeoutError } from '../errors';
export * from './sync-primitives';
export { Queue, JoinableQueue, SimpleQueue } from '../queue/mp-queue';
export { Pipe, Connection } from '../queue/pipe';
export { Pool, AsyncResult } from '../pool/pool';
export { EOFError, BrokenPipeError } from '../queue/errors';
export {
  Value,
  RawValue,
  SharedArray,
  SharedArray as Array,
  RawArray,
  type ValueOptions,
} from '../shared-value';
import { perProcess } from '../process-state';

let methodSet = false;
perProcess(() => (methodSet = false));

/**
 * "fork" (default): a child evaluates the program's declarations only, like a forked Python
 * process. "spawn": a child runs the whole program again, so process-starting code must sit
 * under `if (__name__ === '__main__')`, as on Windows and macOS.
 */
export function setStartMethod(method: StartMethod, force = false): void {
  if (method !== 'fork' && method !== 'spawn') {
    throw new ValueError(`cannot find context for '${String(method)}': use 'fork' or 'spawn'`);
  }
  if (methodSet && !force) throw new RuntimeError('context has already been set');
  ctx().startMethod = method;
  methodSet = true;
}

export function getStartMethod(): StartMethod {
  return ctx().startMethod;
}

export function getAllStartMethods(): StartMethod[] {
  return ['fork', 'spawn'];
}
