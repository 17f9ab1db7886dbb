import { expect, it } from 'vitest';
import { LineBuffer } from './line-buffer';

it('joins partial writes into lines per key and flushes what is left', () => {
  const out: string[] = [];
  const lines = new LineBuffer<string>((key, line) => out.push(`${key}|${line}`));
  lines.write('a', 'x');
  lines.write('b', 'one\ntw');
  lines.write('a', 'y\nz\n');
  lines.flush((key) => key === 'b');
  expect(out).toEqual(['b|one', 'a|xy', 'a|z', 'b|tw']);
  lines.flush();
  expect(out).toHaveLength(4);
});
