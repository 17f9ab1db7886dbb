import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAP_PAGES, KERNEL_RESERVED, USER_KERNEL_DATA } from '../../runtime/layout';
import { compileKernelFiles, type CompiledKernels } from './compile-kernels';

const SUM = `// the sum of squares of n doubles at ptr
export function sumSquares(ptr: usize, n: i32): f64 {
  let s: f64 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(ptr + (<usize>i << 3));
    s += v * v;
  }
  return s;
}
`;

/** Instantiates the kernels as a process does: static data written first, its own arenas. */
function instantiate(kernels: CompiledKernels, memory: WebAssembly.Memory, arenaAt: number) {
  const bytes = new Uint8Array(memory.buffer);
  for (const s of kernels.segments) bytes.set(s.bytes, s.offset);
  let next = arenaAt;
  const arena = (size: number) => {
    const at = next;
    next += size;
    return at;
  };
  const module = new WebAssembly.Module(kernels.wasm as Uint8Array<ArrayBuffer>);
  return new WebAssembly.Instance(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('abort');
      },
    },
    playground: { arena },
  }).exports as Record<string, (...args: unknown[]) => unknown>;
}

function sharedMemory() {
  return new WebAssembly.Memory({ initial: HEAP_PAGES, maximum: HEAP_PAGES, shared: true });
}

describe('compileKernelFiles', () => {
  it('compiles a kernel that reads shared memory, and says what it exports', async () => {
    const result = await compileKernelFiles([{ name: 'kernel.as.ts', text: SUM }]);
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    if (!result.ok) return;
    expect(result.kernels.exports['kernel.as.ts'].map((f) => f.name)).toEqual(['sumSquares']);
    const memory = sharedMemory();
    new Float64Array(memory.buffer, 4 << 20, 3).set([1, 2, 3]);
    expect(instantiate(result.kernels, memory, 8 << 20).sumSquares(4 << 20, 3)).toBe(14);
  }, 60_000);

  it('places static data above the built-in kernels, and every process shares it', async () => {
    const text = `const TABLE: StaticArray<i32> = [10, 20, 30];
export function get(i: i32): i32 { return TABLE[i]; }
export function set(i: i32, v: i32): void { TABLE[i] = v; }`;
    const result = await compileKernelFiles([{ name: 'table.as.ts', text }]);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    for (const s of result.kernels.segments) {
      expect(s.offset).toBeGreaterThanOrEqual(USER_KERNEL_DATA);
      expect(s.offset + s.bytes.length).toBeLessThanOrEqual(KERNEL_RESERVED);
    }
    const memory = sharedMemory();
    const first = instantiate(result.kernels, memory, 8 << 20);
    first.set(1, 99);
    // A second process instantiates later: the data written by the first stays.
    const module = new WebAssembly.Module(result.kernels.wasm as Uint8Array<ArrayBuffer>);
    const second = new WebAssembly.Instance(module, {
      env: { memory, abort: () => {} },
      playground: { arena: () => 0 },
    }).exports as Record<string, (i: number) => number>;
    expect(second.get(1)).toBe(99);
  }, 60_000);

  it("allocates from each process's own arena, never from a shared base", async () => {
    const text = `export function pair(a: i32, b: i32): usize {
  const arr = new StaticArray<i32>(2);
  arr[0] = a; arr[1] = b;
  return changetype<usize>(arr);
}`;
    const result = await compileKernelFiles([{ name: 'alloc.as.ts', text }]);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const memory = sharedMemory();
    const one = instantiate(result.kernels, memory, 8 << 20);
    const two = instantiate(result.kernels, memory, 9 << 20);
    const a = one.pair(1, 2) as number;
    const b = two.pair(3, 4) as number;
    expect(a).toBeGreaterThanOrEqual(8 << 20);
    expect(a).toBeLessThan(9 << 20);
    expect(b).toBeGreaterThanOrEqual(9 << 20);
    const i32 = new Int32Array(memory.buffer);
    expect([i32[a / 4], i32[a / 4 + 1], i32[b / 4], i32[b / 4 + 1]]).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it("gives each error its file, line and column, and asc's message", async () => {
    const text = `export function f(x: i32): i32 {
  return x + missing;
}`;
    const result = await compileKernelFiles([{ name: 'bad.as.ts', text }]);
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.severity === 'error')!;
    expect(error).toMatchObject({ file: 'bad.as.ts', line: 2, column: 14 });
    expect(error.message).toMatch(/Cannot find name 'missing'/);
  }, 60_000);

  it('refuses an export that cannot cross to the program, naming it', async () => {
    const text = `export function hello(name: string): string { return 'hi ' + name; }`;
    const result = await compileKernelFiles([{ name: 's.as.ts', text }]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: 's.as.ts', line: 1 });
    expect(result.diagnostics[0].message).toMatch(/'hello' takes name: string/);
  }, 60_000);

  it('refuses a kernel that imports JavaScript', async () => {
    const text = `declare function log(x: i32): void;
export function f(x: i32): void { log(x); }`;
    const result = await compileKernelFiles([{ name: 'imp.as.ts', text }]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/imports .*log/);
  }, 60_000);

  it("compiles the lessons' kernels", async () => {
    const dir = 'src/examples/kernels';
    const files = readdirSync(dir).map((name) => ({
      name,
      text: readFileSync(`${dir}/${name}`, 'utf8'),
    }));
    const result = await compileKernelFiles(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  }, 60_000);
});
