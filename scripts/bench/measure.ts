import type { Page } from '@playwright/test';
import type { RunEvent } from '../../src/host/run-events';

/** One figure the issues name: how to measure it, its unit, and the target it must meet. */
export interface Measure {
  name: string;
  unit: string;
  /** The target as people read it, e.g. "< 150". */
  target: string;
  ok(value: number): boolean;
  run(page: Page): Promise<number>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a program in the runner page, returning its events and, per event, the page's clock
 * (ms since the call) when it arrived.
 */
export async function runTimed(
  page: Page,
  source: string,
  timeScale = 1,
): Promise<{ event: RunEvent; arrived: number }[]> {
  return page.evaluate(
    async ([source, timeScale]) => {
      const seen: { event: RunEvent; arrived: number }[] = [];
      const t0 = performance.now();
      window.__emit = (event) => seen.push({ event, arrived: performance.now() - t0 });
      const result = await window.runProgram(source, { timeScale, timeoutMs: 60_000 });
      window.__emit = undefined;
      if (result.compileError) throw new Error(result.compileError.report);
      return seen;
    },
    [source, timeScale] as const,
  );
}
