import { compile } from '../compile/compile';
import { Run, type RunOptions } from './supervisor';

/**
 * Compiles and starts a program: the one path the playground page and the headless runner
 * share. Throws CompileError (with the program's line and column) before any Worker starts.
 */
export function startRun(source: string, options: RunOptions & { fileName?: string }): Run {
  const run = new Run(compile(source, options.fileName), options);
  run.start();
  return run;
}
