import { MemoryError } from './alloc';
import { nameExports } from './class-names';
import { IndexError, RuntimeError, ValueError } from './errors';
import { formatArgs } from './format';
import { write } from './output';
import type { Stream } from './protocol';

/** Options Python's print takes by keyword, given here as a last argument object. */
export interface PrintOptions {
  sep?: string;
  end?: string;
  file?: Stream;
  flush?: boolean;
}

const PRINT_KEYS = new Set(['sep', 'end', 'file', 'flush']);

function isPrintOptions(value: unknown): value is PrintOptions {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => PRINT_KEYS.has(k));
}

/** Python's print: values joined by `sep` (' '), then `end` ('\n'). */
export function print(...values: unknown[]): void {
  const options = isPrintOptions(values.at(-1)) ? (values.pop() as PrintOptions) : {};
  const { sep = ' ', end = '\n', file = 'stdout' } = options;
  write(file, formatArgs(values, sep) + end);
}

const builtins = { ValueError, IndexError, RuntimeError, MemoryError };
nameExports(builtins); // named as the program writes them (the build minifies class names)

/** print, console.* and __name__ for the program, in this Worker's global scope. */
export function installGlobals(name: '__main__' | '__mp_main__'): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.print = print;
  g.__name__ = name;
  Object.assign(g, builtins);
  const out =
    (stream: Stream) =>
    (...values: unknown[]) =>
      write(stream, formatArgs(values) + '\n');
  for (const method of ['log', 'info', 'debug', 'trace'] as const) console[method] = out('stdout');
  for (const method of ['error', 'warn'] as const) console[method] = out('stderr');
}
