import { test as base, expect, type Page } from '@playwright/test';
import type { OutputEvent, RunnerOptions, RunnerResult } from '../../src/runner/runner';

/** A finished run, in the shapes tests assert on. */
export class RunResult {
  constructor(readonly raw: RunnerResult) {}

  get outputs(): OutputEvent[] {
    return this.raw.events.filter((e): e is OutputEvent => e.type === 'output');
  }
  /** Output text lines, in arrival order. */
  get lines(): string[] {
    return this.outputs.map((e) => e.text);
  }
  get stdout(): string[] {
    return this.outputs.filter((e) => e.stream === 'stdout').map((e) => e.text);
  }
  get stderr(): string {
    return this.outputs
      .filter((e) => e.stream === 'stderr')
      .map((e) => e.text)
      .join('\n');
  }
  get end() {
    const end = this.raw.events.at(-1);
    if (end?.type !== 'end') throw new Error(`run did not end: ${JSON.stringify(this.raw)}`);
    return end;
  }
  get exitCode(): number | null {
    return this.end.exitCode;
  }
  get durationMs(): number {
    return this.end.durationMs;
  }
  /** The stdout lines of one process or thread, by pid or by name. */
  stdoutOf(who: number | string): string[] {
    return this.outputs
      .filter((e) => (typeof who === 'number' ? e.pid : e.name) === who && e.stream === 'stdout')
      .map((e) => e.text);
  }
  /** The text of the runtime's deadlock report ('' if the run had none). */
  get deadlockText(): string {
    const report = this.raw.events.find((e) => e.type === 'deadlock');
    return report?.type === 'deadlock' ? report.report.text : '';
  }
  /** Time (ms since start) of the first line matching `pattern`. */
  timeOf(pattern: string | RegExp): number {
    const hit = this.outputs.find((e) => matches(e.text, pattern));
    if (!hit) throw new Error(`no line matches ${String(pattern)}:\n${this.lines.join('\n')}`);
    return hit.t;
  }
  /** Index of the first line matching `pattern` (-1 if none). */
  indexOf(pattern: string | RegExp): number {
    return this.lines.findIndex((l) => matches(l, pattern));
  }
  count(pattern: string | RegExp): number {
    return this.lines.filter((l) => matches(l, pattern)).length;
  }
  processes() {
    const byPid = new Map<
      number,
      Extract<RunnerResult['events'][number], { type: 'process' }>['info']
    >();
    for (const e of this.raw.events) if (e.type === 'process') byPid.set(e.info.pid, e.info);
    return [...byPid.values()];
  }
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text === pattern : pattern.test(text);
}

/** Runs a program in the headless runner page (same compile step and supervisor as the playground). */
export async function runProgram(
  page: Page,
  source: string,
  options: RunnerOptions = {},
): Promise<RunResult> {
  if (!page.url().endsWith('/run.html')) {
    await page.goto('/run.html');
    await page.waitForFunction(() => typeof window.runProgram === 'function');
  }
  // Every run starts with a full pool of loaded Workers: a Worker loading during a run would
  // skew its timings (most of all from the dev server, which serves the runtime module by module).
  await page.evaluate(() => window.runnerWarm());
  const raw = await page.evaluate(([s, o]) => window.runProgram(s, o), [
    source,
    { timeoutMs: 45_000, ...options },
  ] as const);
  return new RunResult(raw);
}

/**
 * For a real race that usually goes one way: runs `attempt` (which asserts what must hold every
 * time) up to `tries` times, until it reports the usual outcome; whether it ever did.
 */
export async function usualWithin(
  tries: number,
  attempt: () => Promise<boolean>,
): Promise<boolean> {
  for (let k = 0; k < tries; k++) if (await attempt()) return true;
  return false;
}

export const test = base;
export { expect };
