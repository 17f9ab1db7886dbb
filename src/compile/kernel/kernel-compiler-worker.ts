/**
 * The kernel compiler's Worker: AssemblyScript's compiler (asc, with Binaryen: about 15 MB of
 * script) runs here, never on the page thread, and is loaded only when a program has a kernel
 * file. A module Worker: Binaryen's module awaits at its top level.
 */
import * as Comlink from 'comlink';
import { compileKernelFiles, type KernelCompileResult, type SourceFile } from './compile-kernels';

/** What the page can ask of this Worker. */
export interface KernelCompilerApi {
  compile(files: SourceFile[]): Promise<KernelCompileResult>;
}

const api: KernelCompilerApi = {
  async compile(files) {
    const result = await compileKernelFiles(files);
    return result.ok ? Comlink.transfer(result, [result.kernels.wasm.buffer]) : result;
  },
};

Comlink.expose(api);
