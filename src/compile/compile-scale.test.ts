import { parse } from 'acorn';
import type * as estree from 'estree';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { namedConstructionSites } from './sites';

/**
 * A program of about `bytes` bytes of short statements, in blocks: a function of ten
 * statements, then ten top-level statements (each of which the compiler guards) that call it.
 */
function manyShortStatements(bytes: number): string {
  const lines = ['let total = 0;'];
  let size = 0;
  for (let block = 0; size < bytes; block++) {
    const text = [`function add${block}(n: number): void {`];
    for (let i = 0; i < 10; i++) text.push(`  total += n + ${i};`);
    text.push('}');
    for (let i = 0; i < 10; i++) text.push(`add${block}(${i});`);
    lines.push(...text);
    size += text.join('\n').length + 1;
  }
  lines.push('print(total);');
  return lines.join('\n');
}

/**
 * CPU time per compile of `source`, in ms: the mean of a batch of `runs`, so that each compile
 * pays for the garbage it leaves (a single small compile often ends before any collection),
 * and the least of three batches, the one least disturbed by other work. CPU time, not wall
 * time: on a loaded machine the test's thread waits for a core, and that wait is not the
 * compiler's.
 */
function compileTime(source: string, runs: number): number {
  let least = Infinity;
  for (let batch = 0; batch < 3; batch++) {
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) compile(source);
    const { user, system } = process.cpuUsage(before);
    least = Math.min(least, (user + system) / 1000 / runs);
  }
  return least;
}

describe('compile on large programs', () => {
  it('takes time linear in the program size (64 KB against 16 KB)', { timeout: 30_000 }, () => {
    const small = manyShortStatements(16 * 1024);
    const large = manyShortStatements(64 * 1024);
    compileTime(large, 1); // warms the JIT and grows the heap for both sizes
    // Linear measured 4.9 to 6.3 here (a large program's syntax tree lives long enough to be
    // collected as old objects), and 8.9 once beside the whole suite on a loaded machine; the
    // quadratic compile this replaced measured 22.
    expect(compileTime(large, 4) / compileTime(small, 16)).toBeLessThan(12);
  });

  it('keeps every line of a 64 KB program where it was', () => {
    const source = manyShortStatements(64 * 1024);
    const { code } = compile(source);
    const sourceLines = source.split('\n');
    const codeLines = code.split('\n');
    expect(codeLines).toHaveLength(sourceLines.length + 1); // the last closes the function
    for (const [i, line] of sourceLines.entries()) {
      // The same statement on the same line, its types stripped, guarded if top-level.
      expect(codeLines[i]).toContain(line.replace(/: (number|void)/g, '').trim());
    }
  });

  it('finds each named construction where it is in the compiled code', () => {
    const blocks = Array.from({ length: 500 }, (_, i) =>
      [
        `const a${i} = new Lock(); held = new Lock(); if (i) { b = new Event(); }`,
        `export const c${i}: Lock = new Lock();`,
      ].join('\n'),
    );
    const source = [
      'let b = new Event(); let held; let i = 0;',
      "import {\n  Lock,\n  Event,\n} from 'threading'; const d = new Lock();",
      ...blocks,
    ].join('\n');
    const { code, sites } = compile(source);
    // What parsing the compiled code again finds, which compile no longer does.
    const reparsed = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    expect(sites).toEqual(namedConstructionSites(reparsed as unknown as estree.Program));
    expect(Object.values(sites)).toHaveLength(2 + 4 * 500);
    expect(Object.keys(sites).at(-1)).toMatch(new RegExp(`^${1 + 4 + 2 * 500}:`));
  });
});
