/**
 * The kernels in plain JavaScript, with the same arithmetic as assembly/index.ts, so a lesson
 * can compare the two and the tests can check they agree. They work on typed arrays.
 */
export function countPrimes(from: number, to: number): number {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

export function mandelbrotRows(
  image: Int32Array,
  width: number,
  height: number,
  y0: number,
  y1: number,
  maxIter: number,
): void {
  for (let y = y0; y < y1; y++) {
    const ci = (y / height) * 2.4 - 1.2;
    for (let x = 0; x < width; x++) {
      const cr = (x / width) * 3.5 - 2.5;
      let zr = 0;
      let zi = 0;
      let n = 0;
      while (n < maxIter && zr * zr + zi * zi <= 4) {
        const t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        n++;
      }
      image[y * width + x] = n;
    }
  }
}

export function sumSquares(data: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i] * data[i];
  return sum;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += a[i] * b[i];
  return sum;
}

export function matMul(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  r0 = 0,
  r1 = n,
): void {
  for (let i = r0; i < r1; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
}

export function hashNonce(seed: number, nonce: number): number {
  let h = 2166136261;
  for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((seed >>> (k * 8)) & 0xff), 16777619) >>> 0;
  for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((nonce >>> (k * 8)) & 0xff), 16777619) >>> 0;
  return h;
}

export function findNonce(seed: number, start: number, end: number, zeroBits: number): number {
  for (let nonce = start; nonce < end; nonce++)
    if (Math.clz32(hashNonce(seed, nonce)) >= zeroBits) return nonce;
  return -1;
}
