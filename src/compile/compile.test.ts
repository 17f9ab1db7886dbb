import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { CompileError } from './compile-error';
import { MODULE_NAMES } from '../runtime/module-names';

const lineOf = (code: string, needle: string) =>
  code.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('compile', () => {
  const source = [
    "import { Process, type Lock } from 'multiprocessing';",
    "import * as time from 'time';",
    'interface Job { n: number }',
    'function task(job: Job): void {',
    '  print(job.n);',
    '}',
    'class Worker2 extends Process { private n: number = 1; override run(): void { print(this.n); } }',
    'enum Color { Red, Green }',
    'const lock = new Lock();',
    "if (__name__ === '__main__') { const p = new Process({ target: task }); p.start(); }",
    'for (let i = 0; i < 3; i++) print(i);',
    'export function helper() {}',
  ].join('\n');

  it('keeps every line where the source had it (one more ends the function it runs in)', () => {
    const { code } = compile(source);
    expect(code.split('\n')).toHaveLength(source.split('\n').length + 1);
    expect(lineOf(code, 'print(job.n)')).toBe(5);
    expect(lineOf(code, "if (__name__ === '__main__')")).toBe(10);
  });

  it('binds playground imports to the runtime and drops type-only ones', () => {
    const { code } = compile(source);
    expect(code).toContain('const { Process } = __pg.import("multiprocessing");');
    expect(code).toContain('const time = __pg.import("time");');
    expect(code.split('\n')[0]).not.toMatch(/Lock/);
  });

  it('guards top-level statements and leaves declarations alone', () => {
    const { code } = compile(source);
    const lines = code.split('\n');
    expect(lines[9]).toMatch(/^if \(__pg\.topLevel\) \{ if \(__name__/);
    expect(lines[10]).toMatch(/^if \(__pg\.topLevel\) \{ for/);
    expect(lines[8]).toBe('const lock = new Lock();');
    expect(lines[7]).not.toContain('__pg.topLevel'); // the enum's initialiser is a declaration
  });

  it('registers top-level functions and classes for targets by name', () => {
    const { topLevelNames, code } = compile(source);
    expect(topLevelNames).toEqual(['task', 'Worker2', 'helper']);
    expect(code.split('\n')[0]).toMatch(
      /^"use strict"; \(async function __pgProgram\(\) \{ __pg\.define\(\{ get task\(\)/,
    );
    expect(code).not.toMatch(/export /);
  });

  it('maps named constructions to their names by line and column', () => {
    const { sites, code } = compile(source);
    const line9 = code.split('\n')[8];
    expect(sites[`9:${line9.indexOf('new') + 1}`]).toBe('lock');
    expect(Object.values(sites)).toContain('p');
  });

  it('reports a syntax error at the program line and column', () => {
    const bad = 'const a = 1;\nconst b = ;\n';
    try {
      compile(bad, 'prog.ts');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError);
      const err = e as CompileError;
      expect([err.line, err.column]).toEqual([2, 11]);
      expect(err.format()).toContain('File "prog.ts", line 2, column 11');
      expect(err.format()).toContain('const b = ;');
    }
  });

  it('names the modules that exist when an import is unknown', () => {
    expect(() => compile("\nimport numpy from 'numpy';")).toThrow(
      `No module named 'numpy'. A program can import: ${MODULE_NAMES.join(', ')}.`,
    );
    try {
      compile("\nimport numpy from 'numpy';");
    } catch (e) {
      expect((e as CompileError).line).toBe(2);
      expect((e as CompileError).name).toBe('ImportError');
    }
  });

  it('sends a CompileError across as data and rebuilds it with its line and report', () => {
    const bad = "const b = 1;\nimport numpy from 'numpy';\n";
    let error: CompileError | undefined;
    try {
      compile(bad, 'prog.ts');
    } catch (e) {
      error = e as CompileError;
    }
    const data = structuredClone(error!.toData()); // what crosses from the compiler's Worker
    const rebuilt = CompileError.fromData(data, bad);
    expect(rebuilt).toBeInstanceOf(CompileError);
    expect([rebuilt.name, rebuilt.line, rebuilt.column]).toEqual(['ImportError', 2, 19]);
    expect(rebuilt.format()).toBe(error!.format());
  });
});
