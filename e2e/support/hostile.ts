import { expect, type Page } from '@playwright/test';
import type { RunnerResult } from '../../src/runner/runner';

/** What a hostile run did, measured in the runner page (summaries: a flood's events stay there). */
export interface HostileOutcome {
  reason: string;
  exitCode: number | null;
  /** Wall-clock ms from the moment the timeout was due (its run's first event + timeout) to the end event. */
  stopToEndMs: number;
  /** The page's longest task during the run (PerformanceObserver 'longtask'; 0: none over 50 ms). */
  longestTaskMs: number;
  /** Most Workers the run held at once (alive on the page and not idle in the pool). */
  peakRunWorkers: number;
  outputLines: number;
  outputChars: number;
  /** stderr lines (each cut to 300 characters). */
  stderr: string[];
  /** The last stdout lines (each cut to 300 characters). */
  lastStdout: string[];
  /** Longest process name, picture title and object name the page was handed. */
  longestName: number;
  longestTitle: number;
  longestObjectName: number;
  pictures: number;
  displayEvents: number;
  processes: number;
  report: string;
}

/**
 * Runs `source` in the runner page with a `timeoutMs` timeout, watching the page's long tasks
 * and the Workers the run holds; returns what the assertions need.
 */
export async function runHostile(
  page: Page,
  source: string,
  timeoutMs: number,
): Promise<HostileOutcome> {
  if (!page.url().endsWith('/run.html')) {
    await page.goto('/run.html');
    await page.waitForFunction(() => typeof window.runProgram === 'function');
  }
  await page.evaluate(() => window.runnerWarm());
  return page.evaluate(
    async ([source, timeoutMs]) => {
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      let peak = 0;
      const sample = () => {
        const { live, pooled } = window.runnerWorkers();
        peak = Math.max(peak, live - pooled);
      };
      const sampler = setInterval(sample, 10);
      // The timeout starts with the run (after the compile): its first event says when.
      let started = 0;
      window.__emit = () => {
        started ||= performance.now();
      };
      const result: RunnerResult = await window.runProgram(source, { timeoutMs });
      const stopToEndMs = performance.now() - started - timeoutMs;
      window.__emit = undefined;
      clearInterval(sampler);
      await new Promise((resolve) => setTimeout(resolve, 100)); // long tasks are reported late
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      const cut = (s: string) => s.slice(0, 300);
      let outputLines = 0;
      let outputChars = 0;
      const stderr: string[] = [];
      const stdout: string[] = [];
      let longestName = 0;
      let longestTitle = 0;
      let displayEvents = 0;
      const pictures = new Set<string>();
      let processes = 0;
      let end: Extract<RunnerResult['events'][number], { type: 'end' }> | undefined;
      for (const e of result.events) {
        if (e.type === 'output') {
          outputLines++;
          outputChars += e.text.length;
          longestName = Math.max(longestName, e.name.length);
          if (e.stream === 'stderr') stderr.push(cut(e.text));
          else if (stdout.push(cut(e.text)) > 10) stdout.shift();
        } else if (e.type === 'process') {
          processes++;
          longestName = Math.max(longestName, e.info.name.length);
        } else if (e.type === 'display') {
          displayEvents++;
          longestTitle = Math.max(longestTitle, e.item.title.length);
          pictures.add(e.item.kind === 'image' ? `i${e.item.key}` : `c${e.item.title}`);
        } else if (e.type === 'end') end = e;
      }
      return {
        reason: end!.reason,
        exitCode: end!.exitCode,
        report: end!.report ?? '',
        stopToEndMs,
        longestTaskMs: longest,
        peakRunWorkers: peak,
        outputLines,
        outputChars,
        stderr,
        lastStdout: stdout,
        longestName,
        longestTitle,
        longestObjectName: Math.max(
          0,
          ...Object.values(result.objectNames ?? {}).map((n) => n.length),
        ),
        pictures: pictures.size,
        displayEvents,
        processes,
      };
    },
    [source, timeoutMs] as const,
  );
}

/** The runner page runs an ordinary program afterwards, with the right output. */
export async function runsNormally(page: Page): Promise<void> {
  const result = await page.evaluate(() =>
    window.runProgram(
      `import { Process } from 'multiprocessing';
function f(n: number) { print('child', n); }
if (__name__ === '__main__') { const p = new Process({ target: f, args: [7] }); p.start(); p.join(); print('done', p.exitCode); }`,
      { timeoutMs: 30_000 },
    ),
  );
  const lines = result.events.flatMap((e) => (e.type === 'output' ? [e.text] : []));
  expect(lines).toEqual(['child 7', 'done 0']);
}

/** No Worker a run took is alive: every process Worker on the page idles in the pool. */
export async function noWorkerLeft(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const { live, pooled } = window.runnerWorkers();
          return live - pooled;
        }),
      { timeout: 5_000 },
    )
    .toBe(0);
}
