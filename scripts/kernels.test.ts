import { expect, it } from 'vitest';
import * as twin from '../src/runtime/kernels/twins';
import { splitDataSegments } from '../src/compile/kernel/wasm-data';
import { USER_KERNEL_DATA } from '../src/runtime/layout';
import { compileKernels, instantiateKernels } from './kernels';

/** The kernels over a shared memory like a run's (64 MiB), arrays placed above the first MiB. */
async function instantiate() {
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 1024, shared: true });
  const wasm = await instantiateKernels(memory);
  let next = 1 << 20;
  const place = <T extends Int32Array | Float64Array>(
    Kind: new (b: ArrayBufferLike, o: number, n: number) => T,
    n: number,
  ) => {
    const view = new Kind(memory.buffer, next, n);
    next += n * 8;
    return view;
  };
  return { wasm, place };
}

it(
  'the AssemblyScript kernels agree with their JavaScript twins and known values',
  { timeout: 60_000 },
  async () => {
    const { wasm, place } = await instantiate();
    expect(wasm.countPrimes(0, 1_000_000)).toBe(78_498);
    expect(twin.countPrimes(0, 1_000_000)).toBe(78_498);

    const [w, h] = [64, 48];
    const image = place(Int32Array, w * h);
    wasm.mandelbrotRows(image.byteOffset, w, h, 0, h, 200);
    const expected = new Int32Array(w * h);
    twin.mandelbrotRows(expected, w, h, 0, h, 200);
    expect([...image]).toEqual([...expected]);
    expect(new Set(image).size).toBeGreaterThan(10);

    const data = place(Float64Array, 1001);
    data.forEach((_, i) => (data[i] = Math.sin(i)));
    const squares = twin.sumSquares(data);
    expect(wasm.sumSquares(data.byteOffset, data.length)).toBeCloseTo(squares, 9);
    expect(wasm.sumSquaresSimd(data.byteOffset, data.length)).toBeCloseTo(squares, 9);
    const other = place(Float64Array, 1001);
    other.forEach((_, i) => (other[i] = Math.cos(i)));
    expect(wasm.dot(data.byteOffset, other.byteOffset, 1001)).toBeCloseTo(twin.dot(data, other), 9);

    const n = 40;
    const [a, b, c] = [
      place(Float64Array, n * n),
      place(Float64Array, n * n),
      place(Float64Array, n * n),
    ];
    a.forEach((_, i) => (a[i] = (i % 7) - 3));
    b.forEach((_, i) => (b[i] = (i % 5) - 2));
    wasm.matMul(a.byteOffset, b.byteOffset, c.byteOffset, n, 0, n);
    const expectedC = new Float64Array(n * n);
    twin.matMul(a, b, expectedC, n);
    expect([...c]).toEqual([...expectedC]);

    for (const [seed, nonce] of [
      [0, 0],
      [1, 2],
      [0xdeadbeef, 123456],
    ]) {
      expect(wasm.hashNonce(seed, nonce) >>> 0).toBe(twin.hashNonce(seed, nonce));
    }
    const nonce = twin.findNonce(42, 0, 1_000_000, 16);
    expect(nonce).toBeGreaterThanOrEqual(0);
    expect(Number(wasm.findNonce(42, 0, 1_000_000, 16))).toBe(nonce);
  },
);

it(
  "keeps the built-in kernels' static data below the user kernels' region",
  { timeout: 60_000 },
  async () => {
    const { segments } = splitDataSegments(await compileKernels());
    for (const s of segments)
      expect(s.offset + s.bytes.length).toBeLessThanOrEqual(USER_KERNEL_DATA);
  },
);
