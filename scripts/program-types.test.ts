import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelSignatures } from '../src/compile/kernel/signatures';
import { kernelTypings } from '../src/compile/kernel/typings';
import { programTypes, TYPES_ROOT } from './program-types';

const PROGRAMS = 'src/examples/programs';
const KERNELS = 'src/examples/kernels';

/** Diagnostics of `sources` checked as the editor checks a program, the typings on disk. */
function check(sources: Record<string, string>, dir: string, options: ts.CompilerOptions) {
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => sources[file] ?? read(file);
  host.fileExists = (file) => file in sources || ts.sys.fileExists(file);
  const roots = [...Object.keys(sources), path.join(dir, 'runtime/program-globals.d.ts')];
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('the typings the editor gets', () => {
  let dir = '';
  let options: ts.CompilerOptions = {};

  beforeAll(() => {
    const types = programTypes();
    expect(types.compilerOptions.baseUrl).toBe(TYPES_ROOT.replace(/\/$/, ''));
    dir = mkdtempSync(path.join(tmpdir(), 'program-types-'));
    for (const [file, text] of Object.entries(types.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    options = { ...types.compilerOptions, baseUrl: dir };
  }, 60_000);

  it('type-check every gallery program without an error', () => {
    const sources = Object.fromEntries(
      readdirSync(PROGRAMS)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => [path.resolve(PROGRAMS, f), readFileSync(path.join(PROGRAMS, f), 'utf8')]),
    );
    // Lessons' kernel files, as the editor shows them to the program: as typings beside it.
    for (const f of readdirSync(KERNELS)) {
      const { functions } = kernelSignatures(readFileSync(path.join(KERNELS, f), 'utf8'));
      sources[path.resolve(PROGRAMS, f.replace(/\.ts$/, '.d.ts'))] = kernelTypings(f, functions);
    }
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(check(sources, dir, options)).toEqual([]);
  }, 60_000);

  it('catch a wrong call into a playground module', () => {
    const program = [
      "import { Process } from 'multiprocessing';",
      "import { sleep } from 'time';",
      "sleep('one');",
      'new Process({ target: 42 });',
      "print(__name__ === '__main__');",
    ].join('\n');
    const errors = check({ '/main.ts': program }, dir, options);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/'string' is not assignable to parameter of type 'number'/);
    expect(errors[1]).toMatch(/'number' is not assignable/);
  }, 60_000);

  it('accept correct code with shared values (a Value of a number typecode holds any number)', () => {
    const program = [
      "import { Value, SharedArray, RawArray } from 'multiprocessing';",
      'const SIZE = 3;',
      "const a = new Value('i', 0);",
      'a.value = 5;',
      'if (a.value === SIZE) a.value += 1;',
      "const q = new Value('q', 2n ** 40n);",
      'q.value += 1n;',
      "const c = new Value('c', 'a');",
      "c.value = 'z';",
      "const arr = new SharedArray('i', [1, 2, 3]);",
      'arr[0] = 99;',
      "const raw = new RawArray('d', 4);",
      'raw[1] = 2.5;',
      'const sum: number = arr.toArray().reduce((x, y) => x + y, 0);',
      'print(sum);',
    ].join('\n');
    expect(check({ '/main.ts': program }, dir, options)).toEqual([]);
  }, 60_000);

  it("see a kernel file's exports with their types, and catch a wrong argument", () => {
    const kernel =
      'export function sumSquares(data: usize, n: i32): f64 { return 0; }\n' +
      'export function seed(x: u64, fast?: bool): u64 { return x; }';
    const typings = kernelTypings('kernel.as.ts', kernelSignatures(kernel).functions);
    const program = [
      "import { SharedArray, RawArray, Value } from 'multiprocessing';",
      "import { sumSquares, seed } from './kernel.as';",
      "const data = new RawArray('d', 8);",
      'const total: number = sumSquares(data, data.length);',
      "sumSquares(new SharedArray('i', 4), 4);",
      "sumSquares(new Value('d', 1), 1);",
      'const s: bigint = seed(1n) + seed(2n, true);',
      'print(total, s);',
      'sumSquares([1, 2, 3], 3);',
    ].join('\n');
    const errors = check({ '/main.ts': program, '/kernel.as.d.ts': typings }, dir, options);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /'number\[\]' is not assignable to parameter of type 'KernelAddress'/,
    );
  }, 60_000);
});
