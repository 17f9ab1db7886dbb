import { describe, expect, it } from 'vitest';
import { kernelSignatures } from './signatures';

describe('kernelSignatures', () => {
  it('reads exported functions, their parameters and results', () => {
    const { functions, problems } = kernelSignatures(`
/** export function commented(x: string): string {} */
const s = "export function inString(): void {}";
export function sumSquares(data: usize, n: i32, scale: f64 = 1.0): f64 { return 0; }
function helper(x: i32): i32 { return x; }
export function hash(seed: u64, flag?: bool): u64 { return seed; }
export function clear(at: usize): void {}
`);
    expect(problems).toEqual([]);
    expect(functions).toEqual([
      {
        name: 'sumSquares',
        params: [
          { name: 'data', written: 'usize', type: 'address', optional: false },
          { name: 'n', written: 'i32', type: 'number', optional: false },
          { name: 'scale', written: 'f64', type: 'number', optional: true },
        ],
        result: { written: 'f64', type: 'number' },
        line: 4,
      },
      {
        name: 'hash',
        params: [
          { name: 'seed', written: 'u64', type: 'bigint', optional: false },
          { name: 'flag', written: 'bool', type: 'boolean', optional: true },
        ],
        result: { written: 'u64', type: 'bigint' },
        line: 6,
      },
      {
        name: 'clear',
        params: [{ name: 'at', written: 'usize', type: 'address', optional: false }],
        result: { written: 'void', type: 'void' },
        line: 7,
      },
    ]);
  });

  it('refuses what cannot cross, with the line and the rule', () => {
    const { functions, problems } = kernelSignatures(
      [
        'export function name(): string { return "x"; }',
        'export function take(items: Array<i32>): i32 { return 0; }',
        'export function pick<T>(x: T): T { return x; }',
      ].join('\n'),
    );
    expect(functions).toEqual([]);
    expect(problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [1, "'name' returns string"],
      [2, "'take' takes items: Array<i32>"],
      [3, "exported function 'pick' is generic: export a concrete one"],
    ]);
  });
});
