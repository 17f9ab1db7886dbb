/** Globals every process of a program has (installed by the runtime's bootstrap). */
import type { PrintOptions } from './globals';
import type * as errors from './errors';
import type { MemoryError as MemoryErrorClass } from './alloc';

declare global {
  /**
   * Python's print: values joined by `sep` (default ' ') and followed by `end` (default '\n').
   * Keyword options go in a last object: `print('a', 'b', { sep: '-', end: '' })`.
   */
  function print(...values: [...unknown[], PrintOptions] | unknown[]): void;
  /** `'__main__'` in the main process, `'__mp_main__'` in a child process. */
  const __name__: '__main__' | '__mp_main__';
  /** Python's built-in exceptions that the playground raises, for `instanceof` and `throw`. */
  const ValueError: typeof errors.ValueError;
  type ValueError = errors.ValueError;
  const IndexError: typeof errors.IndexError;
  type IndexError = errors.IndexError;
  const RuntimeError: typeof errors.RuntimeError;
  type RuntimeError = errors.RuntimeError;
  const MemoryError: typeof MemoryErrorClass;
  type MemoryError = MemoryErrorClass;
}
