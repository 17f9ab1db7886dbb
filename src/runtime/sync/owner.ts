import { ctx } from '../context';
import { RuntimeError } from '../errors';
import { processName } from '../proc-record';

/**
 * Lock ownership words, shared by Lock and RLock (Int32 words from `base`):
 *
 *   word 0  owner      pid holding the lock, 0 when free (written by the holder, plain)
 *   word 1  deadOwner  pid of an owner that died holding it (written by the page), 0 otherwise
 *
 * A process that ends abnormally (uncaught error, terminate, kill) while holding a lock would
 * leave its waiters hanging forever in Python; here the page sets deadOwner and wakes them,
 * and they fail with this error instead.
 */
export const OWNER = 0;
export const DEAD_OWNER = 1;

export function deadOwnerError(i32: Int32Array, base: number, what: string): RuntimeError | null {
  const dead = Atomics.load(i32, base + DEAD_OWNER);
  if (dead === 0) return null;
  const owner = processName(ctx().heap, dead) ?? 'process';
  return new RuntimeError(
    `${what} is held by ${owner} (pid ${dead}), which ended without releasing it. In Python this ` +
      'wait would hang forever; release locks in a finally block (or use withLock / using hold()).',
  );
}
