import type { Page } from '@playwright/test';
import type { Exploration } from '../../src/runner/exploration';
import type { ExploreOptions, RunnerOptions, RunnerResult } from '../../src/runner/runner';

/** Two processes add 1 three times to an unlocked Value; main throws when an update is lost. */
export const LOST_UPDATE = `import { Process, Value } from 'multiprocessing';
const c = new Value('i', 0, { lock: false });
function work() {
  for (let i = 0; i < 3; i++) c.value = c.value + 1;
}
if (__name__ === '__main__') {
  const ps = [new Process({ target: work }), new Process({ target: work })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print('total', c.value);
  if (c.value !== 6) throw new Error('lost an update');
}
`;

/** Explores `source` in the runner page (window.exploreProgram), 30 s at most per schedule. */
export async function explore(
  page: Page,
  source: string,
  options: ExploreOptions,
): Promise<Exploration> {
  await page.goto('/run.html');
  await page.waitForFunction(() => typeof window.exploreProgram === 'function');
  await page.evaluate(() => window.runnerWarm());
  return page.evaluate(([s, o]) => window.exploreProgram(s, o), [
    source,
    { timeoutMs: 30_000, ...options },
  ] as const);
}

/** Runs `source` under `schedule` in the runner page (already open). */
export function replay(
  page: Page,
  source: string,
  schedule: string,
  options: RunnerOptions = {},
): Promise<RunnerResult> {
  return page.evaluate(([s, o]) => window.runProgram(s, o), [
    source,
    { timeoutMs: 30_000, ...options, replay: schedule },
  ] as const);
}

/** What a run showed: every output line with its process and stream, and how it ended. */
export function transcript(result: RunnerResult): string {
  const lines = result.events.flatMap((e) =>
    e.type === 'output' ? [`${e.name} ${e.stream}: ${e.text}`] : [],
  );
  const end = result.events.at(-1);
  return [...lines, end?.type === 'end' ? `end ${end.reason} ${end.exitCode}` : 'no end'].join(
    '\n',
  );
}
