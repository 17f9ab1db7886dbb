import { ctx } from '../context';

/** The kernels' exports, as AssemblyScript compiled them (addresses are byte offsets in the heap). */
export interface KernelExports {
  countPrimes(from: number, to: number): number;
  mandelbrotRows(
    image: number,
    width: number,
    height: number,
    y0: number,
    y1: number,
    maxIter: number,
  ): void;
  sumSquares(data: number, n: number): number;
  sumSquaresSimd(data: number, n: number): number;
  dot(a: number, b: number, n: number): number;
  matMul(a: number, b: number, c: number, n: number, r0: number, r1: number): void;
  hashNonce(seed: number, nonce: number): number;
  findNonce(seed: number, start: number, end: number, zeroBits: number): bigint;
}

let exports: KernelExports | undefined;

/**
 * This Worker's instance of the kernels, over the run's heap. The page compiled the module
 * once and sent it with the assignment; instantiating is cheap (about a millisecond).
 */
export function wasmKernels(): KernelExports {
  if (exports) return exports;
  const { kernels, heap } = ctx();
  if (!kernels)
    throw new Error(
      'the AssemblyScript kernels are not available in this page (kernels.wasm did not load)',
    );
  const instance = new WebAssembly.Instance(kernels, { env: { memory: heap.memory } });
  exports = instance.exports as unknown as KernelExports;
  return exports;
}
