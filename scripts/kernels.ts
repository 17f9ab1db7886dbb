/**
 * Compiles assembly/ with AssemblyScript's compiler; used by the Vite plugin (build and dev
 * server) and the unit tests that use the kernels. Throws with asc's own messages when it does
 * not compile.
 */
import asc from 'assemblyscript/asc';
import type { KernelExports } from '../src/runtime/kernels/wasm';

export const KERNELS_ENTRY = 'assembly/index.ts';

/**
 * One memory shared by every Worker of a run (the run's heap, 64 MiB = 1024 pages, sized up
 * front so views never go stale), imported rather than owned; threads and SIMD enabled.
 */
export const KERNEL_FLAGS = [
  '-O3',
  '--runtime',
  'stub',
  '--importMemory',
  '--sharedMemory',
  '--initialMemory',
  '1024',
  '--maximumMemory',
  '1024',
  '--enable',
  'threads,simd',
];

export async function compileKernels(): Promise<Uint8Array<ArrayBuffer>> {
  let binary: Uint8Array<ArrayBuffer> | undefined;
  let errors = '';
  const { error } = await asc.main([KERNELS_ENTRY, '--outFile', 'kernels.wasm', ...KERNEL_FLAGS], {
    writeFile(name: string, contents: Uint8Array | string) {
      if (name.endsWith('.wasm')) binary = contents as Uint8Array<ArrayBuffer>;
    },
    stderr: { write: (text: string) => ((errors += text), true) } as unknown as never,
  });
  if (error || !binary)
    throw new Error(`AssemblyScript did not compile ${KERNELS_ENTRY}:\n${errors || error}`);
  return binary;
}

/** The kernels compiled and instantiated over `memory` (unit tests: a heap like a run's). */
export async function instantiateKernels(memory: WebAssembly.Memory): Promise<KernelExports> {
  const module = new WebAssembly.Module(await compileKernels());
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
}
