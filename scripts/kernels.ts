/**
 * Compiles assembly/ with AssemblyScript's compiler; used by the Vite plugin (build and dev
 * server) and the kernels' unit test. Throws with asc's own messages when it does not compile.
 */
import asc from 'assemblyscript/asc';

export const KERNELS_ENTRY = 'assembly/index.ts';

export async function compileKernels(): Promise<Uint8Array<ArrayBuffer>> {
  let binary: Uint8Array<ArrayBuffer> | undefined;
  let errors = '';
  const { error } = await asc.main(
    [KERNELS_ENTRY, '--outFile', 'kernels.wasm', '-O3', '--runtime', 'stub'],
    {
      writeFile(name: string, contents: Uint8Array | string) {
        if (name.endsWith('.wasm')) binary = contents as Uint8Array<ArrayBuffer>;
      },
      stderr: { write: (text: string) => ((errors += text), true) } as unknown as never,
    },
  );
  if (error || !binary)
    throw new Error(`AssemblyScript did not compile ${KERNELS_ENTRY}:\n${errors || error}`);
  return binary;
}
