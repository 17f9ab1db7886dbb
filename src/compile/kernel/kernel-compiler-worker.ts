/**
 * The kernel compiler's Worker: AssemblyScript's compiler (asc, with Binaryen: about 15 MB of
 * script) runs here, never on the page thread, and is loaded only when a program has a kernel
 * file. A module Worker: Binaryen's module awaits at its top level. So the compiler is imported
 * dynamically, after comlink listens: messages that reach a module Worker while its imports
 * still await are dispatched to no listener, and the first request would be lost.
 */
import * as Comlink from 'comlink';
import type { KernelCompileResult, SourceFile } from './compile-kernels';

/** What the page can ask of this Worker. */
export interface KernelCompilerApi {
  compile(files: SourceFile[]): Promise<KernelCompileResult>;
}

const compiler = import('./compile-kernels');

const api: KernelCompilerApi = {
  async compile(files) {
    const result = await (await compiler).compileKernelFiles(files);
    return result.ok ? Comlink.transfer(result, [result.kernels.wasm.buffer]) : result;
  },
};

Comlink.expose(api);
