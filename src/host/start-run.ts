import type { ProgramFile } from '../compile/program-files';
import { compileProgram } from '../compile/program-compiler';
import { exportedNames, readyKernels } from '../compile/kernel/kernel-compiler';
import { Run, type RunOptions } from './supervisor';

export interface StartOptions extends Omit<RunOptions, 'kernels'> {
  /** Aborted while the program compiles (Run pressed again, Stop): it never starts. */
  signal?: AbortSignal;
}

/**
 * Compiles (in the compilers' Workers, off the page thread) and starts a program: the one path
 * the playground page and the headless runner share. `files` is the program, then its kernel
 * files: the kernels compile first (the program's imports are checked against their exports).
 * Rejects with CompileError (with the file, line and column) before any Worker of the run
 * starts; resolves undefined when `signal` was aborted during the compile.
 */
export async function startRun(
  files: ProgramFile[],
  options: StartOptions,
): Promise<Run | undefined> {
  const [program, ...kernelFiles] = files;
  const kernels = await readyKernels(kernelFiles);
  if (options.signal?.aborted) return undefined;
  const compiled = await compileProgram(program.text, program.name, exportedNames(kernels), {
    // Race reports and step mode name the program's lines.
    lineMarks: (options.races ?? false) || options.schedule !== undefined,
  });
  if (options.signal?.aborted) return undefined;
  const run = new Run(compiled, { ...options, kernels });
  run.start();
  return run;
}
