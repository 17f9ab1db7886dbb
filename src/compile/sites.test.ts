import { parse } from 'acorn';
import type * as estree from 'estree';
import { describe, expect, it } from 'vitest';
import { namedConstructionSites } from './sites';

/** The names by the text of each `new` expression's line, for readable expectations. */
function namesOf(code: string): Record<string, string> {
  const program = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    locations: true,
  }) as unknown as estree.Program;
  const lines = code.split('\n');
  return Object.fromEntries(
    Object.entries(namedConstructionSites(program)).map(([place, name]) => {
      const [line, column] = place.split(':').map(Number);
      return [lines[line - 1].slice(column - 1).match(/^new \w+\([^)]*\)/)![0] + `@${line}`, name];
    }),
  );
}

describe('namedConstructionSites', () => {
  it('names a variable, a field, a property and an assignment', () => {
    expect(
      namesOf(
        [
          'const lockA = new Lock();',
          'class P { lock = new Lock(); constructor() { this.queue = new Queue(); } }',
          'let x; x = new Event();',
        ].join('\n'),
      ),
    ).toEqual({
      'new Lock()@1': 'lockA',
      'new Lock()@2': 'lock',
      'new Queue()@2': 'queue',
      'new Event()@3': 'x',
    });
  });

  it('names the elements of an array literal by index', () => {
    expect(namesOf('const locks = [new Lock(), 1, new RLock()];')).toEqual({
      'new Lock()@1': 'locks[0]',
      'new RLock()@1': 'locks[2]',
    });
  });

  it('names objects made in a loop or by a mapping function after their array', () => {
    expect(
      namesOf(
        [
          'const forks = [];',
          'for (let i = 0; i < 5; i++) forks.push(new Lock());',
          'const chairs = Array.from({ length: 3 }, () => new Semaphore(1));',
          'const seats = [1, 2].map(() => new Event());',
          'this.items.push(new Queue());',
        ].join('\n'),
      ),
    ).toEqual({
      'new Lock()@2': 'forks[]',
      'new Semaphore(1)@3': 'chairs[]',
      'new Event()@4': 'seats[]',
      'new Queue()@5': 'items[]',
    });
  });

  it('leaves an unnamed construction out', () => {
    expect(namesOf('print(new Lock()); run([new Lock()]);')).toEqual({});
  });
});
