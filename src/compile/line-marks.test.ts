import { describe, expect, it } from 'vitest';
import { compile } from './compile';

/**
 * Runs a compiled program (no imports) with a line register, and returns the line the register
 * held at each call of `seen()`: the line a shared access there would be reported at.
 */
function linesSeen(source: string): number[] {
  const { code } = compile(source, 'main.ts', {}, { lineMarks: true });
  const register = {
    line: 0,
    back<T>(value: T, line: number): T {
      this.line = line;
      return value;
    },
  };
  const lines: number[] = [];
  const pg = { at: register, define: () => {}, topLevel: true };
  new Function('__pg', 'seen', code)(pg, () => lines.push(register.line));
  return lines;
}

describe('line marks', () => {
  it('keep every line where the source has it (one more ends the function it runs in)', () => {
    const source = 'const a = 1;\nfunction f() {\n  return a;\n}\nf();\n';
    const { code } = compile(source, 'main.ts', {}, { lineMarks: true });
    expect(code.split('\n').length).toBe(source.split('\n').length + 1);
  });

  it('name the line of an access after a call returns, in loop tests and arrow bodies', () => {
    const source = [
      'function helper() {', // 1
      '  return 2;', // 2
      '}', // 3
      'let n = helper() + seen();', // 4: seen() runs after helper's line 2
      'for (let i = 0; i < 2 && seen(); i++) helper();', // 5
      'const f = () => seen();', // 6
      'if (n) seen(); else helper();', // 7
      'f();', // 8
      'n = (helper(), helper()) ? (seen(), 0) : 1;', // 9
    ].join('\n');
    expect(linesSeen(source)).toEqual([4, 5, 5, 7, 6, 9]);
  });

  it('leave optional chains and their short cuts working', () => {
    const source = 'const o = null;\nconst v = o?.f().g ?? seen();\n';
    expect(linesSeen(source)).toEqual([2]);
  });
});
