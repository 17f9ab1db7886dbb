/**
 * CPU-heavy kernels compiled from AssemblyScript (assembly/), run in place on the run's shared
 * memory, and their plain-JavaScript twins (`...Js`) with the same arithmetic, to compare.
 * Arrays are `SharedArray`s ('i' for images, 'd' for vectors and matrices): several processes
 * can work on one array at once, each on its own rows.
 */
import { ValueError } from '../errors';
import { storageOf, type SharedArray } from '../shared-value';
import * as twin from '../kernels/twins';
import { wasmKernels } from '../kernels/wasm';

function storage(array: SharedArray, typecode: 'i' | 'd', what: string) {
  const found = storageOf(array);
  if (found.typecode !== typecode) {
    throw new ValueError(
      `${what} must be a SharedArray('${typecode}', ...), not '${found.typecode}'`,
    );
  }
  return found;
}

/** How many primes p satisfy from <= p < to. */
export function countPrimes(from: number, to: number): number {
  return wasmKernels().countPrimes(from, to);
}
export const countPrimesJs = twin.countPrimes;

/** Mandelbrot iteration counts for rows [y0, y1) of `image`, a SharedArray('i', width * height). */
export function mandelbrotRows(
  image: SharedArray,
  width: number,
  height: number,
  y0: number,
  y1: number,
  maxIter: number,
): void {
  const { address, view } = storage(image, 'i', 'image');
  if (view.length < width * height) throw new ValueError('image is smaller than width * height');
  wasmKernels().mandelbrotRows(address, width, height, y0, y1, maxIter);
}
export function mandelbrotRowsJs(
  image: SharedArray,
  width: number,
  height: number,
  y0: number,
  y1: number,
  maxIter: number,
): void {
  twin.mandelbrotRows(
    storage(image, 'i', 'image').view as Int32Array,
    width,
    height,
    y0,
    y1,
    maxIter,
  );
}

/** Sum of squares of a SharedArray('d'). */
export function sumSquares(data: SharedArray): number {
  const { address, view } = storage(data, 'd', 'data');
  return wasmKernels().sumSquares(address, view.length);
}
/** The same with WebAssembly SIMD (two f64x2 accumulators). */
export function sumSquaresSimd(data: SharedArray): number {
  const { address, view } = storage(data, 'd', 'data');
  return wasmKernels().sumSquaresSimd(address, view.length);
}
export function sumSquaresJs(data: SharedArray): number {
  return twin.sumSquares(storage(data, 'd', 'data').view as Float64Array);
}

/** Dot product of two SharedArray('d') of the same length. */
export function dot(a: SharedArray, b: SharedArray): number {
  const [x, y] = [storage(a, 'd', 'a'), storage(b, 'd', 'b')];
  return wasmKernels().dot(x.address, y.address, Math.min(x.view.length, y.view.length));
}
export function dotJs(a: SharedArray, b: SharedArray): number {
  return twin.dot(
    storage(a, 'd', 'a').view as Float64Array,
    storage(b, 'd', 'b').view as Float64Array,
  );
}

/** c = a x b for n x n matrices (SharedArray('d', n * n)), rows [r0, r1) of c only. */
export function matMul(
  a: SharedArray,
  b: SharedArray,
  c: SharedArray,
  n: number,
  r0 = 0,
  r1 = n,
): void {
  const [x, y, z] = [storage(a, 'd', 'a'), storage(b, 'd', 'b'), storage(c, 'd', 'c')];
  wasmKernels().matMul(x.address, y.address, z.address, n, r0, r1);
}
export function matMulJs(
  a: SharedArray,
  b: SharedArray,
  c: SharedArray,
  n: number,
  r0 = 0,
  r1 = n,
): void {
  const [x, y, z] = [a, b, c].map((m) => storage(m, 'd', 'matrix').view as Float64Array);
  twin.matMul(x, y, z, n, r0, r1);
}

/** FNV-1a hash of (seed, nonce), for a proof-of-work race. */
export function hashNonce(seed: number, nonce: number): number {
  return wasmKernels().hashNonce(seed, nonce) >>> 0;
}
export const hashNonceJs = twin.hashNonce;

/** The first nonce in [start, end) whose hash has `zeroBits` leading zero bits, or -1. */
export function findNonce(seed: number, start: number, end: number, zeroBits: number): number {
  return Number(wasmKernels().findNonce(seed, start, end, zeroBits));
}
export const findNonceJs = twin.findNonce;
