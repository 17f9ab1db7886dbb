import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { RunnerOptions } from '../../src/runner/runner';
import { runProgram, type RunResult } from './runner';

/** A gallery lesson's program, as the editor shows it. */
export function lessonSource(id: string): string {
  return readFileSync(new URL(`../../src/examples/programs/${id}.ts`, import.meta.url), 'utf8');
}

/** Runs a lesson exactly as written (optionally edited by `change`, for a variant the article describes). */
export function runLesson(
  page: Page,
  id: string,
  options: RunnerOptions & { change?: (source: string) => string } = {},
): Promise<RunResult> {
  const { change = (s: string) => s, ...runOptions } = options;
  return runProgram(page, change(lessonSource(id)), { fileName: `${id}.ts`, ...runOptions });
}
