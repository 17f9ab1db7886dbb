import type { Page } from '@playwright/test';
import type { RunEvent } from '../../src/host/run-events';
import type { RunnerOptions } from '../../src/runner/runner';

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
 * How a bench program runs: its time scale, whether races are detected (off by default), and
 * its kernel files (`name.as.ts`, imported as `./name.as`).
 */
export type BenchRunOptions = Pick<RunnerOptions, 'timeScale' | 'races' | 'kernelFiles'>;

/**
 * Runs a program in the runner page, returning its events and, per event, the page's clock
 * (ms since the call) when it arrived.
 */
export async function runTimed(
  page: Page,
  source: string,
  options: BenchRunOptions = {},
): Promise<{ event: RunEvent; arrived: number }[]> {
  return page.evaluate(
    async ([source, options]) => {
      const seen: { event: RunEvent; arrived: number }[] = [];
      const t0 = performance.now();
      window.__emit = (event) => seen.push({ event, arrived: performance.now() - t0 });
      const result = await window.runProgram(source, { ...options, timeoutMs: 60_000 });
      window.__emit = undefined;
      if (result.compileError) throw new Error(result.compileError.report);
      return seen;
    },
    [source, options] as const,
  );
}

let baselineScripts = 0;

/**
 * A baseline outside the runtime: `code` runs in two plain Workers joined by a MessageChannel;
 * each gets `{ role, port }` with the roles given, and the first Worker's first message is the
 * result. The script is served from the page's own origin, as its CSP allows no blob: Workers.
 */
export async function twoWorkers(
  page: Page,
  code: string,
  roles: readonly [string, string],
): Promise<number> {
  const path = `/__bench/baseline-${++baselineScripts}.js`;
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      headers: {
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
      body: code,
    }),
  );
  try {
    return await page.evaluate(
      async ([path, roles]) => {
        const [a, b] = [new Worker(path), new Worker(path)];
        const channel = new MessageChannel();
        const result = new Promise<number>((resolve, reject) => {
          a.onmessage = (e) => resolve(e.data as number);
          a.onerror = b.onerror = () => reject(new Error(`baseline Worker ${path} failed`));
        });
        b.postMessage({ role: roles[1], port: channel.port2 }, [channel.port2]);
        a.postMessage({ role: roles[0], port: channel.port1 }, [channel.port1]);
        try {
          return await result;
        } finally {
          a.terminate();
          b.terminate();
        }
      },
      [path, roles] as const,
    );
  } finally {
    await page.unroute(`**${path}`);
  }
}
