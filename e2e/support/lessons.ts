import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ProgramFile } from '../../src/compile/program-files';
import type { RunnerOptions } from '../../src/runner/runner';
import { runProgram, type RunResult } from './runner';

/** A gallery lesson's program, as the editor shows it. */
export function lessonSource(id: string): string {
  return readFileSync(new URL(`../../src/examples/programs/${id}.ts`, import.meta.url), 'utf8');
}

/** The kernel files a lesson's program imports (`./name.as`), as the editor's tabs hold them. */
export function lessonKernels(id: string): ProgramFile[] {
  return [...lessonSource(id).matchAll(/from '\.\/([\w-]+\.as)'/g)].map(([, file]) => ({
    name: `${file}.ts`,
    text: readFileSync(new URL(`../../src/examples/kernels/${file}.ts`, import.meta.url), 'utf8'),
  }));
}

/** Runs a lesson exactly as written (optionally edited by `change`, for a variant the article describes). */
export function runLesson(
  page: Page,
  id: string,
  options: RunnerOptions & { change?: (source: string) => string } = {},
): Promise<RunResult> {
  const { change = (s: string) => s, ...runOptions } = options;
  return runProgram(page, change(lessonSource(id)), {
    fileName: `${id}.ts`,
    kernelFiles: lessonKernels(id),
    ...runOptions,
  });
}
