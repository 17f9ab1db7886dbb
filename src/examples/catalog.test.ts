import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compile } from '../compile/compile';
import { kernelSignatures } from '../compile/kernel/signatures';
import { LESSONS } from './catalog';

it('lesson ids are unique and every lesson has an end-to-end test of its claim', () => {
  const ids = LESSONS.map((l) => l.id);
  expect(new Set(ids).size).toBe(ids.length);
  const specs = readdirSync('e2e/lessons')
    .map((f) => `e2e/lessons/${f}`)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const id of ids)
    expect(specs, `no e2e test for ${id}`).toMatch(new RegExp(`test\\('${id}[: ]`));
});

it('every lesson compiles and has both languages', () => {
  for (const lesson of LESSONS) {
    const kernels = Object.fromEntries(
      (lesson.kernels ?? []).map((k) => [
        k.name,
        kernelSignatures(k.text).functions.map((f) => f.name),
      ]),
    );
    expect(() => compile(lesson.source, `${lesson.id}.ts`, kernels)).not.toThrow();
    for (const text of [lesson.title, lesson.explain, lesson.browserNote]) {
      if (text) expect(text.zh && text.en, lesson.id).toBeTruthy();
    }
  }
});
