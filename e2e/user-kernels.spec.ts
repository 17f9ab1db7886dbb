import { expect, runProgram, test } from './support/runner';

// Kernels a user writes in AssemblyScript beside the program (`*.as.ts`), compiled in the
// page and run by every process on the run's shared memory.

const SQUARES = `// the sum of squares of the f64 elements [from, to) at data
export function sumSquares(data: usize, from: i32, to: i32): f64 {
  let s: f64 = 0;
  for (let i = from; i < to; i++) {
    const x = load<f64>(data + (<usize>i << 3));
    s += x * x;
  }
  return s;
}
export function twice(x: i64): i64 { return x * 2; }
export function isEven(n: i32): bool { return n % 2 == 0; }
export function check(n: i32): i32 {
  assert(n >= 0, 'n must not be negative');
  return n;
}
`;

test('a kernel runs in every process on one shared array, with the right result', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, RawArray } from 'multiprocessing';
import { sumSquares, twice, isEven } from './squares.as';
function half(k: number, data: RawArray, sums: RawArray) {
  sums[k] = sumSquares(data, k * 500, (k + 1) * 500);
}
if (__name__ === '__main__') {
  const data = new RawArray('d', 1000);
  for (let i = 0; i < 1000; i++) data[i] = i / 10;
  const sums = new RawArray('d', 2);
  const ps = [0, 1].map((k) => new Process({ target: half, args: [k, data, sums] }));
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  let expected = 0;
  for (let i = 0; i < 1000; i++) expected += (i / 10) ** 2;
  print('total', (sums[0] + sums[1]).toFixed(6), expected.toFixed(6));
  print('alone', sumSquares(data, 0, 1000).toFixed(6));
  print('i64', twice(21n), typeof twice(1n), 'bool', isEven(4), isEven(3));
}`,
    { kernelFiles: [{ name: 'squares.as.ts', text: SQUARES }] },
  );
  expect(run.stderr).toBe('');
  const [total, expected] = run.stdout[0].split(' ').slice(1);
  expect(total).toBe(expected);
  expect(run.stdout.slice(1)).toEqual([`alone ${expected}`, 'i64 42 bigint bool true false']);
});

test("a kernel's globals are per process, its static data shared, its allocations apart", async ({
  page,
}) => {
  const kernel = `let calls = 0;
const SHARED: StaticArray<i32> = [0, 0, 0, 0];
export function bump(): i32 { calls++; return calls; }
export function mark(slot: i32, value: i32): void { SHARED[slot] = value; }
export function seen(slot: i32): i32 { return SHARED[slot]; }
/** Builds n arrays of 1000 ints (allocating), returns the sum of their first elements. */
export function build(n: i32, tag: i32): i32 {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const a = new StaticArray<i32>(1000);
    a[0] = tag; a[999] = tag;
    sum += a[0] + a[999];
  }
  return sum;
}`;
  const run = await runProgram(
    page,
    `import { Process, Event } from 'multiprocessing';
import { bump, mark, seen, build } from './state.as';
function child(marked: Event) {
  print('child calls', bump(), bump());
  mark(1, 7);
  marked.set();
  print('child built', build(200, 3));
}
if (__name__ === '__main__') {
  print('main calls', bump(), bump(), bump());
  mark(0, 5);
  const marked = new Event();
  const p = new Process({ target: child, args: [marked] });
  p.start();
  marked.wait(10);
  print('main built', build(200, 1));
  p.join();
  print('main sees', seen(0), seen(1), 'calls', bump());
}`,
    { kernelFiles: [{ name: 'state.as.ts', text: kernel }] },
  );
  expect(run.stderr).toBe('');
  expect(run.stdoutOf('MainProcess')).toEqual([
    'main calls 1 2 3',
    'main built 400',
    'main sees 5 7 calls 4',
  ]);
  expect(run.stdoutOf('Process-1')).toEqual(['child calls 1 2', 'child built 1200']);
});

test('a wrong argument is a TypeError naming the parameter, before the kernel runs', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { sumSquares, check } from './squares.as';
function attempt(fn: () => unknown) {
  try { print(fn()); } catch (e) { print((e as Error).name + ': ' + (e as Error).message); }
}
attempt(() => sumSquares([1, 2, 3] as never, 0, 3));
attempt(() => sumSquares({} as never, 0, 3));
attempt(() => (sumSquares as (...a: unknown[]) => number)(0));
attempt(() => check(-1));`,
    { kernelFiles: [{ name: 'squares.as.ts', text: SQUARES }] },
  );
  expect(run.stdout).toEqual([
    'TypeError: sumSquares(data, from, to): data is usize, so it takes a SharedArray, RawArray or Value (its address in shared memory); got a plain JavaScript array (not in shared memory)',
    'TypeError: sumSquares(data, from, to): data is usize, so it takes a SharedArray, RawArray or Value (its address in shared memory); got an object (not in shared memory)',
    'TypeError: sumSquares(data, from, to) takes 3 arguments, got 1',
    'RuntimeError: kernel aborted: n must not be negative (squares.as.ts:13:3)',
  ]);
});

test('a kernel that does not compile names its file, line and column; nothing runs', async ({
  page,
}) => {
  const run = await runProgram(page, `import { f } from './bad.as';\nprint('ran', f(1));`, {
    kernelFiles: [
      { name: 'bad.as.ts', text: 'export function f(x: i32): i32 {\n  return x + missing;\n}\n' },
    ],
  });
  expect(run.raw.compileError).toMatchObject({ fileName: 'bad.as.ts', line: 2, column: 14 });
  expect(run.raw.compileError!.message).toMatch(/Cannot find name 'missing'/);
  expect(run.raw.events.filter((e) => e.type === 'process')).toEqual([]);
});

test('importing a name a kernel does not export, or a file that is not there, is a compile error', async ({
  page,
}) => {
  const files = { kernelFiles: [{ name: 'squares.as.ts', text: SQUARES }] };
  const missingName = await runProgram(
    page,
    `import { cube } from './squares.as';\nprint(cube);`,
    files,
  );
  expect(missingName.raw.compileError).toMatchObject({ name: 'ImportError', line: 1 });
  expect(missingName.raw.compileError!.message).toMatch(/'cube'.*squares\.as\.ts.*sumSquares/);
  const missingFile = await runProgram(page, `import { f } from './nowhere.as';\nprint(f);`, files);
  expect(missingFile.raw.compileError).toMatchObject({ name: 'ImportError', line: 1 });
  expect(missingFile.raw.compileError!.message).toMatch(/nowhere\.as\.ts/);
});
