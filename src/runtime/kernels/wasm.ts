import { ctx } from '../context';
import { perProcess } from '../process-state';

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
  // The runtime's fused atomic steps (assembly/guarded-lock.ts, used by sync/guarded-lock.ts).
  enterAndLock(guard: number, lock: number): number;
  unlockAndLeave(lock: number, guard: number, look: number): number;
  publishAndLeave(word: number, value: number, lock: number, guard: number, look: number): number;
}

let exports: KernelExports | null | undefined;
perProcess(() => (exports = undefined));

/**
 * This Worker's instance of the kernels, over the run's heap; null when kernels.wasm did not
 * load. The page compiled the module once and sent it with the assignment; instantiating is
 * cheap (about a millisecond).
 */
export function kernelExports(): KernelExports | null {
  if (exports !== undefined) return exports;
  const { kernels, heap } = ctx();
  exports = kernels
    ? (new WebAssembly.Instance(kernels, { env: { memory: heap.memory } })
        .exports as unknown as KernelExports)
    : null;
  return exports;
}

/** The kernels, for a program that calls one. */
export function wasmKernels(): KernelExports {
  const found = kernelExports();
  if (!found)
    throw new Error(
      'the AssemblyScript kernels are not available in this page (kernels.wasm did not load)',
    );
  return found;
}
