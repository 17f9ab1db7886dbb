import { expect, runProgram, test } from './support/runner';

test('kernels: two processes render halves of one image in shared memory, equal to the JS twin', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, SharedArray } from 'multiprocessing';
import { mandelbrotRows, mandelbrotRowsJs, countPrimes, countPrimesJs, sumSquares, sumSquaresSimd, sumSquaresJs } from 'kernels';
const W = 200, H = 120, MAX = 300;
function render(image: SharedArray, y0: number, y1: number) { mandelbrotRows(image, W, H, y0, y1, MAX); }
if (__name__ === '__main__') {
  const image = new SharedArray('i', W * H, { lock: false });
  const ps = [[0, H / 2], [H / 2, H]].map(([a, b]) => new Process({ target: render, args: [image, a, b] }));
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  const twin = new SharedArray('i', W * H, { lock: false });
  mandelbrotRowsJs(twin, W, H, 0, H, MAX);
  print('image equal', image.slice().every((v, i) => v === twin[i]), 'filled', image.slice().some((v) => v === MAX));
  print('primes', countPrimes(0, 100000), countPrimesJs(0, 100000));
  const data = new SharedArray('d', Array.from({ length: 1000 }, (_, i) => i / 10));
  print('squares', sumSquares(data) === sumSquaresJs(data), Math.abs(sumSquaresSimd(data) - sumSquaresJs(data)) < 1e-6);
  try { sumSquares(new SharedArray('i', 3)); } catch (e) { print((e as Error).message); }
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    'image equal true filled true',
    'primes 9592 9592',
    'squares true true',
    "data must be a SharedArray('d', ...), not 'i'",
  ]);
});
