/**
 * The program compiler's Worker: compiles the playground's TypeScript programs off the page
 * thread, so a large program never freezes the page. The page reaches it through
 * program-compiler.ts; a compiler for other languages (AssemblyScript kernels) gets a Worker
 * of its own beside this one.
 */
import * as Comlink from 'comlink';
import { compile, type CompiledProgram, type CompileOptions } from './compile';
import { CompileError, type CompileErrorData } from './compile-error';
import type { KernelExportNames } from './kernel-imports';

/**
 * A compile's result. A CompileError is returned, not thrown: comlink would carry only its
 * message across, and the page needs its line and column.
 */
export type CompileOutcome = { program: CompiledProgram } | { error: CompileErrorData };

/** What the page can ask of this Worker. */
export interface ProgramCompilerApi {
  compile(
    source: string,
    fileName: string,
    kernels: KernelExportNames,
    options: CompileOptions,
  ): CompileOutcome;
}

const api: ProgramCompilerApi = {
  compile(source, fileName, kernels, options) {
    try {
      return { program: compile(source, fileName, kernels, options) };
    } catch (error) {
      if (error instanceof CompileError) return { error: error.toData() };
      throw error; // a defect of the compiler: the page's call rejects with its message
    }
  },
};

Comlink.expose(api);
