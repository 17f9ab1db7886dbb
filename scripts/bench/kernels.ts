import { printedNumbers } from './pools';
import type { Measure } from './measure';

/**
 * A program that times `work(part, parts)` split over 1 and then 2 processes, started first and
 * released together by an Event (start-up is not measured), and prints the speed-up.
 */
function speedupProgram(setup: string, work: string): string {
  return `import { Process, Event, Value, SharedArray } from 'multiprocessing';
import * as K from 'kernels';
${setup}
function worker(go: Event, part: number, parts: number) { go.wait(); work(part, parts); }
${work}
function timed(parts: number): number {
  const go = new Event();
  const ps = Array.from({ length: parts }, (_, k) => new Process({ target: worker, args: [go, k, parts] }));
  ps.forEach((p) => p.start());
  for (const t = performance.now(); performance.now() - t < 300;); // let both Workers start
  const t0 = performance.now();
  go.set();
  ps.forEach((p) => p.join());
  return performance.now() - t0;
}
if (__name__ === '__main__') {
  timed(1); // warm-up
  const one = Math.min(timed(1), timed(1));
  const two = Math.min(timed(2), timed(2));
  print('speedup', one / two);
}`;
}

function speedup(name: string, setup: string, work: string): Measure {
  return {
    name: `speedup_2_vs_1_${name}`,
    unit: 'x',
    target: '>= 1.8',
    ok: (v) => v >= 1.8,
    async run(page) {
      return (await printedNumbers(page, speedupProgram(setup, work))).speedup;
    },
  };
}

const primes = speedup(
  'countPrimes',
  'const N = 3_000_000, CHUNK = 100_000;',
  // Chunks dealt in turn: large numbers cost more to test, so two halves would be uneven.
  `function work(part: number, parts: number) {
  for (let from = part * CHUNK; from < N; from += parts * CHUNK) K.countPrimes(from, Math.min(from + CHUNK, N));
}`,
);

const mandelbrot = speedup(
  'mandelbrot',
  `const W = 800, H = 600, MAX = 2000;
const image = new SharedArray('i', W * H, { lock: false });
const nextRow = new Value('i', 0);`,
  `function work(part: number, parts: number) {
  // Rows handed out 8 at a time from a shared counter: fixed bands would be uneven.
  const lock = nextRow.getLock();
  for (;;) {
    const y = lock.withLock(() => { const y = nextRow.value; nextRow.value = y + 8; return y; });
    if (y >= H) return;
    K.mandelbrotRows(image, W, H, y, Math.min(y + 8, H), MAX);
  }
}`,
);

const matMul = speedup(
  'matMul',
  `const n = 512;
const [a, b, c] = [0, 1, 2].map(() => new SharedArray('d', n * n, { lock: false }));
for (let i = 0; i < n * n; i++) { a[i] = i % 7; b[i] = i % 5; }`,
  `function work(part: number, parts: number) {
  for (let r = part * 16; r < n; r += parts * 16) K.matMul(a, b, c, n, r, r + 16);
}`,
);

const proofOfWork = speedup(
  'findNonce',
  'const END = 1 << 25, CHUNK = 1 << 20;',
  // 32 zero bits are never found in this range: every nonce is hashed, as in a race nobody wins.
  `function work(part: number, parts: number) {
  for (let from = part * CHUNK; from < END; from += parts * CHUNK) K.findNonce(7, from, from + CHUNK, 32);
}`,
);

/**
 * Sum of squares over two halves of 256 KiB (each in one core's L2), `passes` over each half in
 * all (about 130 ms of work), each half read in place by its process. Arrays larger than the
 * caches make it memory-bound (8 MiB halves: 1.6x, the cores sharing one memory bus).
 */
function sumOfSquares(kernel: string, passes: number): Measure {
  return speedup(
    kernel,
    `const N = 1 << 15;
const halves = [0, 1].map(() => new SharedArray('d', N, { lock: false }));`,
    `function work(part: number, parts: number) {
  for (let h = part; h < 2; h += parts) for (let r = 0; r < ${passes}; r++) K.${kernel}(halves[h]);
}`,
  );
}

/** AssemblyScript against its JS twin in one process: the twin's time over the kernel's. */
function versusJs(
  name: string,
  target: string,
  ok: (v: number) => boolean,
  setup: string,
  wasm: string,
  js: string,
): Measure {
  return {
    name: `as_vs_js_${name}`,
    unit: 'x',
    target,
    ok,
    async run(page) {
      const { ratio } = await printedNumbers(
        page,
        `import { SharedArray } from 'multiprocessing';
import * as K from 'kernels';
${setup}
function best(fn: () => unknown) { let ms = Infinity; for (let r = 0; r < 5; r++) { const t = performance.now(); fn(); ms = Math.min(ms, performance.now() - t); } return ms; }
print('ratio', best(() => ${js}) / best(() => ${wasm}));`,
      );
      return ratio;
    },
  };
}

const vectors = `const data = new SharedArray('d', 1 << 20, { lock: false });
for (let i = 0; i < data.length; i++) data[i] = i % 100;`;

const callCost: Measure = {
  name: 'kernel_call_cost',
  unit: 'ns',
  target: '< 20',
  ok: (v) => v < 20,
  async run(page) {
    const { ns } = await printedNumbers(
      page,
      `import { hashNonce, hashNonceJs } from 'kernels';
const N = 5_000_000;
let sink = 0;
let best = Infinity;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink ^= hashNonce(i, r);
  const t1 = performance.now();
  for (let i = 0; i < N; i++) sink ^= hashNonceJs(i, r);
  const t2 = performance.now();
  // The call's cost: the kernel's time beyond the same work done inline in JavaScript.
  best = Math.min(best, Math.max(0, (t1 - t0) - (t2 - t1)) * 1e6 / N);
}
print('ns', best, sink === -1 ? '' : '');`,
    );
    return ns;
  },
};

export const kernelMeasures: Measure[] = [
  primes,
  mandelbrot,
  matMul,
  proofOfWork,
  sumOfSquares('sumSquares', 2000),
  sumOfSquares('sumSquaresSimd', 8000),
  versusJs(
    'countPrimes',
    'report',
    () => true,
    '',
    'K.countPrimes(0, 1_000_000)',
    'K.countPrimesJs(0, 1_000_000)',
  ),
  versusJs(
    'mandelbrot',
    'report',
    () => true,
    "const image = new SharedArray('i', 400 * 300, { lock: false });",
    'K.mandelbrotRows(image, 400, 300, 0, 300, 1000)',
    'K.mandelbrotRowsJs(image, 400, 300, 0, 300, 1000)',
  ),
  versusJs(
    'sumSquares',
    'report',
    () => true,
    vectors,
    'K.sumSquares(data)',
    'K.sumSquaresJs(data)',
  ),
  versusJs(
    'sumSquaresSimd',
    '>= 1.6',
    (v) => v >= 1.6,
    vectors,
    'K.sumSquaresSimd(data)',
    'K.sumSquaresJs(data)',
  ),
  callCost,
];
