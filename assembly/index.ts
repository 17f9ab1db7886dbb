// AssemblyScript kernels, compiled by `asc` in `npm run build` and when the dev server starts
// (scripts/kernels.ts). Every Worker of a run instantiates them over the run's one shared
// memory, so they keep no static data and never allocate: they work on the blocks the
// JavaScript side passes by address (SharedArray data, above the first MiB). Each has a
// plain-JavaScript twin with the same arithmetic (src/runtime/kernels/twins.ts). The module
// also carries the runtime's fused lock steps for the queues (guarded-lock.ts, exported below).

// The lessons' own kernel files (p57, p58), which the page compiles when a reader edits them:
// one source for both.
export { countPrimes } from '../src/examples/kernels/primes.as';
export { mandelbrotRows } from '../src/examples/kernels/mandelbrot.as';

/** Sum of squares of n float64 at `data`. */
export function sumSquares(data: usize, n: i32): f64 {
  let sum = 0.0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(data + ((<usize>i) << 3));
    sum += v * v;
  }
  return sum;
}

/** The same with SIMD: two f64x2 accumulators (n even; the tail is added plainly). */
export function sumSquaresSimd(data: usize, n: i32): f64 {
  let a = f64x2.splat(0);
  let b = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = data + ((<usize>i) << 3);
    const x = v128.load(p);
    const y = v128.load(p, 16);
    a = f64x2.add(a, f64x2.mul(x, x));
    b = f64x2.add(b, f64x2.mul(y, y));
  }
  const s = f64x2.add(a, b);
  let sum = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) {
    const v = load<f64>(data + ((<usize>i) << 3));
    sum += v * v;
  }
  return sum;
}

/** Dot product of two float64 vectors of length n. */
export function dot(a: usize, b: usize, n: i32): f64 {
  let sum = 0.0;
  for (let i = 0; i < n; i++)
    sum += load<f64>(a + ((<usize>i) << 3)) * load<f64>(b + ((<usize>i) << 3));
  return sum;
}

/** c = a x b for n x n float64 matrices, rows [r0, r1) of c, in 32 x 32 blocks. */
export function matMul(a: usize, b: usize, c: usize, n: i32, r0: i32, r1: i32): void {
  const B = 32;
  for (let i = r0; i < r1; i++)
    for (let j = 0; j < n; j++) store<f64>(c + ((<usize>(i * n + j)) << 3), 0);
  for (let ii = r0; ii < r1; ii += B) {
    for (let kk = 0; kk < n; kk += B) {
      for (let jj = 0; jj < n; jj += B) {
        for (let i = ii; i < min(ii + B, r1); i++) {
          for (let k = kk; k < min(kk + B, n); k++) {
            const aik = load<f64>(a + ((<usize>(i * n + k)) << 3));
            for (let j = jj; j < min(jj + B, n); j++) {
              const at = c + ((<usize>(i * n + j)) << 3);
              store<f64>(at, load<f64>(at) + aik * load<f64>(b + ((<usize>(k * n + j)) << 3)));
            }
          }
        }
      }
    }
  }
}

/** FNV-1a of the 8 bytes of (seed, nonce), little-endian. */
export function hashNonce(seed: u32, nonce: u32): u32 {
  let h: u32 = 2166136261;
  for (let k = 0; k < 4; k++) h = (h ^ ((seed >> (k * 8)) & 0xff)) * 16777619;
  for (let k = 0; k < 4; k++) h = (h ^ ((nonce >> (k * 8)) & 0xff)) * 16777619;
  return h;
}

/** Proof of work: the first nonce in [start, end) whose hash has `zeroBits` leading zero bits, or -1. */
export function findNonce(seed: u32, start: u32, end: u32, zeroBits: i32): i64 {
  for (let nonce = start; nonce < end; nonce++) {
    if (<i32>clz(hashNonce(seed, nonce)) >= zeroBits) return <i64>nonce;
  }
  return -1;
}

export * from './guarded-lock';
