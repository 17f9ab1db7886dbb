import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ProgramFile } from '../../src/compile/program-files';
import { bareWorkersJs, speedupProgram } from './kernels';
import { againstCeiling, median, runTimed, type Measure } from './measure';
import { printedNumbers } from './pools';

/**
 * Kernels a user writes (#15): how long the page takes to compile one, and how a kernel
 * written as a user would speeds up over two processes.
 *
 * A compile is not observable on its own from the runner page, so it is timed as a user waits
 * for it: Run -> the program's first line with a kernel that must compile, less the same with
 * that kernel's build already kept (the compiler keeps builds by content hash). The program
 * compiles again either way (its compile keeps nothing), so the difference is the kernel's:
 * asc in its Worker, the binary sent back, WebAssembly.compile on the page.
 */

/** Run -> first output, in ms, of `program` with `kernels`. */
async function toFirstLine(page: Page, program: string, kernels: ProgramFile[]): Promise<number> {
  const events = await runTimed(page, program, { kernelFiles: kernels });
  const first = events.find((e) => e.event.type === 'output');
  if (first?.event.type !== 'output') throw new Error('the kernel program printed nothing');
  if (first.event.stream === 'stderr')
    throw new Error(`kernel program failed: ${first.event.text}`);
  return first.arrived;
}

/** The kernel's compile in ms: a run that compiles it, less one that finds its build kept. */
async function compileMs(page: Page, program: string, kernels: ProgramFile[]): Promise<number> {
  const compiling = await toFirstLine(page, program, kernels);
  await page.waitForTimeout(300); // the pool refills between runs, as between two clicks
  const kept = await toFirstLine(page, program, kernels);
  await page.waitForTimeout(300);
  return compiling - kept;
}

const ONE_FUNCTION: ProgramFile[] = [
  {
    name: 'square.as.ts',
    text: 'export function square(x: f64): f64 {\n  return x * x;\n}\n',
  },
];
const CALLS_SQUARE = "import { square } from './square.as';\nprint('square', square(3));";

/**
 * The first compile in a fresh page (its own browser context: nothing cached), loading the
 * compiler's Worker and asc included. The program compiler is warmed by a TypeScript-only run
 * first (the playground page starts it as it loads), which never loads asc.
 */
const compileCold: Measure = {
  name: 'as_compile_cold_ms',
  unit: 'ms',
  target: '< 6000',
  ok: (v) => v < 6000,
  async run(page) {
    const context = await page.context().browser()!.newContext();
    try {
      const fresh = await context.newPage();
      await fresh.goto(page.url());
      await fresh.waitForFunction(() => typeof window.runProgram === 'function');
      await fresh.evaluate(() => window.runnerWarm());
      await runTimed(fresh, "print('warm');");
      await fresh.waitForTimeout(300);
      return await compileMs(fresh, CALLS_SQUARE, ONE_FUNCTION);
    } finally {
      await context.close();
    }
  },
};

/** A kernel file of 50 lines (five functions), `scale` the number a user edits between runs. */
function fiftyLines(scale: number): ProgramFile[] {
  const text = `// Five functions over arrays in shared memory, as a user might collect them.
const SCALE: f64 = ${scale};

export function dot(a: usize, b: usize, n: i32): f64 {
  let acc = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = (<usize>i) << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(a + at), v128.load(b + at)));
  }
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; i < n; i++) sum += load<f64>(a + ((<usize>i) << 3)) * load<f64>(b + ((<usize>i) << 3));
  return sum * SCALE;
}

export function histogram(data: usize, n: i32, bins: usize, count: i32, lo: f64, hi: f64): void {
  const width = (hi - lo) / count;
  for (let i = 0; i < n; i++) {
    let bin = <i32>Math.floor((load<f64>(data + ((<usize>i) << 3)) - lo) / width);
    bin = min(max(bin, 0), count - 1);
    atomic.add<i32>(bins + ((<usize>bin) << 2), 1);
  }
}

export function prefixSum(data: usize, n: i32): f64 {
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const at = data + ((<usize>i) << 3);
    total += load<f64>(at);
    store<f64>(at, total);
  }
  return total;
}

export function mandelbrotRow(image: usize, w: i32, h: i32, y: i32, limit: i32): i32 {
  let inside = 0;
  const ci = (<f64>y / h) * 2.4 - 1.2;
  for (let x = 0; x < w; x++) {
    const cr = (<f64>x / w) * 3.5 - 2.5;
    let zr: f64 = 0, zi: f64 = 0, k = 0;
    for (; k < limit && zr * zr + zi * zi <= 4; k++) {
      const t = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + ci;
      zr = t;
    }
    store<i32>(image + ((<usize>(y * w + x)) << 2), k);
    if (k == limit) inside++;
  }
  return inside;
}

export function countAbove(data: usize, n: i32, limit: f64): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) if (load<f64>(data + ((<usize>i) << 3)) > limit) count++;
  return count;
}
`;
  return [{ name: 'tools.as.ts', text }];
}
const CALLS_TOOLS = `import { SharedArray } from 'multiprocessing';
import { dot } from './tools.as';
const v = new SharedArray('d', 4, { lock: false });
v[0] = 1;
print('dot', dot(v, v, 4));`;

const WARM_ROUNDS = 5;

/**
 * An edited 50-line kernel recompiled with the compiler warm (median of WARM_ROUNDS edits),
 * in the bench's page after two untimed compiles of it.
 */
const compileWarm: Measure = {
  name: 'as_compile_warm_ms',
  unit: 'ms',
  target: '< 500',
  ok: (v) => v < 500,
  async run(page) {
    for (const scale of [0.5, 0.25]) await compileMs(page, CALLS_TOOLS, fiftyLines(scale));
    const times: number[] = [];
    for (let r = 1; r <= WARM_ROUNDS; r++)
      times.push(await compileMs(page, CALLS_TOOLS, fiftyLines(1 + r / 8)));
    return median(times);
  },
};

/**
 * Lesson p60's own kernel (src/examples/kernels/squares.as.ts), written as a user writes one:
 * sumSquares over [from, to) of a SharedArray of 2 x 256 KiB, each process summing its half
 * in place (each half in its own core's cache). Timed as the built-in kernels' speed-ups are
 * (kernels.ts: warm-up, then the best of four turns each). PASSES gives one process about
 * 450 ms of work on a quiet machine (8000 passes took 290 ms, too little to time).
 */
const SQUARES: ProgramFile[] = [
  {
    name: 'squares.as.ts',
    text: readFileSync(
      new URL('../../src/examples/kernels/squares.as.ts', import.meta.url),
      'utf8',
    ),
  },
];
const PASSES = 12_000;

const userKernelSpeedup: Measure = {
  name: 'user_kernel_speedup_2_vs_1',
  unit: 'x',
  target: '>= 1.8',
  ok: (v) => v >= 1.8,
  async run(page) {
    const program = speedupProgram(
      `import { sumSquares } from './squares.as';
const N = 1 << 15;
const data = new SharedArray('d', 2 * N, { lock: false });`,
      `function work(part: number, parts: number) {
  for (let h = part; h < 2; h += parts) for (let r = 0; r < ${PASSES}; r++) sumSquares(data, h * N, (h + 1) * N);
}`,
    );
    const { speedup, ms } = await printedNumbers(page, program, { kernelFiles: SQUARES });
    if (ms < 300) throw new Error(`user kernel: ${ms} ms of work is too little to time`);
    return speedup;
  },
};

/**
 * The user kernel's speed-up, and its share of the machine's own for the same job
 * (user_kernel_speedup_2_vs_1_of_ceiling), measured in turns with it: two bare Workers summing
 * the squares of their own 256 KiB halves in a plain JavaScript loop (scalar, as the kernel is).
 */
export const userKernelMeasures: Measure[] = [
  compileCold,
  compileWarm,
  ...againstCeiling(userKernelSpeedup, bareWorkersJs),
];
