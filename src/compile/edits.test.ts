import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits';

describe('applyEdits', () => {
  it('applies edits given in any order, inserts at one place in the order given', () => {
    const edited = applyEdits('a = 1;\nb = 2;', [
      { start: 7, end: 7, text: '{ ' },
      { start: 13, end: 13, text: ' }' },
      { start: 0, end: 0, text: '[' },
      { start: 0, end: 0, text: ']' },
    ]);
    expect(edited.text).toBe('[]a = 1;\n{ b = 2; }');
  });

  it('keeps line breaks a replacement removes, so lines keep their numbers', () => {
    const code = "import {\n  x,\n} from 'm'; y(x);";
    const end = code.indexOf(';') + 1;
    const edited = applyEdits(code, [{ start: 0, end, text: 'const { x } = m();' }]);
    expect(edited.text).toBe('const { x } = m();\n\n y(x);');
    expect(() => applyEdits('ab', [{ start: 0, end: 1, text: '\n' }])).toThrow(/move lines/);
  });

  it('refuses overlapping edits', () => {
    const edits = [
      { start: 0, end: 3, text: '' },
      { start: 2, end: 4, text: '' },
    ];
    expect(() => applyEdits('abcdef', edits)).toThrow(/overlap/);
  });

  it('says where each character of the original went', () => {
    const code = 'f();\nexport const a = new A();';
    const edited = applyEdits(code, [
      { start: 0, end: 0, text: 'if (t) { ' },
      { start: 4, end: 4, text: ' }' },
      { start: 5, end: 12, text: '' },
    ]);
    expect(edited.text).toBe('if (t) { f(); }\nconst a = new A();');
    for (const needle of ['f()', 'const', 'new A']) {
      expect(edited.text.slice(edited.offsetOf(code.indexOf(needle)))).toMatch(
        new RegExp(`^${needle.replace(/[()]/g, '\\$&')}`),
      );
    }
  });
});
