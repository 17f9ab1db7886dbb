import { compileProgram } from '../compile/program-compiler';
import { Run, type RunOptions } from './supervisor';

export interface StartOptions extends RunOptions {
  fileName?: string;
  /** Aborted while the program compiles (Run pressed again, Stop): it never starts. */
  signal?: AbortSignal;
}

/**
 * Compiles (in the compiler's Worker, off the page thread) and starts a program: the one path
 * the playground page and the headless runner share. Rejects with CompileError (with the
 * program's line and column) before any Worker of the run starts; resolves undefined when
 * `signal` was aborted during the compile.
 */
export async function startRun(source: string, options: StartOptions): Promise<Run | undefined> {
  const program = await compileProgram(source, options.fileName);
  if (options.signal?.aborted) return undefined;
  const run = new Run(program, options);
  run.start();
  return run;
}
