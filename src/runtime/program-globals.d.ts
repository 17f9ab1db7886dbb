/** Globals every process of a program has (installed by the runtime's bootstrap). */
import type { PrintOptions } from './globals';

declare global {
  /**
   * Python's print: values joined by `sep` (default ' ') and followed by `end` (default '\n').
   * Keyword options go in a last object: `print('a', 'b', { sep: '-', end: '' })`.
   */
  function print(...values: [...unknown[], PrintOptions] | unknown[]): void;
  /** `'__main__'` in the main process, `'__mp_main__'` in a child process. */
  const __name__: '__main__' | '__mp_main__';
}
