/**
 * The page's end of the program compiler (program-compiler-worker.ts): programs compile off
 * the page thread, so a large one never freezes the page. The Worker starts at the first
 * request (or `warmProgramCompiler`) and stays for the next ones.
 */
import type { CompiledProgram, CompileOptions } from './compile';
import { CompileError } from './compile-error';
import type { KernelExportNames } from './kernel-imports';
import { lazyWorker } from './lazy-worker';
import type { CompileOutcome, ProgramCompilerApi } from './program-compiler-worker';

const worker = lazyWorker<ProgramCompilerApi>(
  'program compiler',
  () =>
    new Worker(new URL('./program-compiler-worker.ts', import.meta.url), {
      type: 'module',
      name: 'program-compiler',
    }),
);

/**
 * TypeScript program -> runnable module, compiled in the Worker. Throws CompileError (with the
 * program's line and column) for a program that cannot run.
 */
export async function compileProgram(
  source: string,
  fileName = 'main.ts',
  kernels: KernelExportNames = {},
  options: CompileOptions = {},
): Promise<CompiledProgram> {
  const key = JSON.stringify([source, fileName, kernels, options]);
  if (last?.key === key) return last.program;
  const { api, failed } = worker();
  const outcome: CompileOutcome = await Promise.race([
    api.compile(source, fileName, kernels, options),
    failed,
  ]);
  if ('error' in outcome) throw CompileError.fromData(outcome.error, source);
  last = { key, program: outcome.program };
  return outcome.program;
}

/** The last program compiled: Run again, and each schedule an exploration runs, reuse it. */
let last: { key: string; program: CompiledProgram } | null = null;

/** Starts the Worker ahead of the first Run, so that Run does not wait for it to load. */
export function warmProgramCompiler(): void {
  worker();
}
