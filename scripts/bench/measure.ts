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

const CEILING_TURNS = 3;

/**
 * A speed-up judged against the machine (#20). On a shared machine a speed-up swings with the
 * load, and so does `ceiling`, the machine's own speed-up for a like job on bare Workers; so
 * both are measured in turns (speed-up, ceiling, speed-up, ceiling...), CEILING_TURNS of each.
 * Gives two figures: the speed-up, the median of its turns, with its own target; and
 * `<name>_of_ceiling`, the median of each turn's speed-up over the ceiling measured right
 * after it: how much of what the machine gave just then the product reached. The turns are
 * measured once for both (they share a page in a bench run), by whichever is asked first.
 */
export function againstCeiling(speedup: Measure, ceiling: Measure): [Measure, Measure] {
  const turns = new WeakMap<Page, Promise<{ speedups: number[]; shares: number[] }>>();
  async function inTurns(page: Page) {
    const speedups: number[] = [];
    const shares: number[] = [];
    for (let t = 0; t < CEILING_TURNS; t++) {
      const value = await speedup.run(page);
      const machine = await ceiling.run(page);
      if (!(machine > 0)) throw new Error(`${ceiling.name} read ${machine}: nothing to judge by`);
      speedups.push(value);
      shares.push(value / machine);
    }
    return { speedups, shares };
  }
  const measured = (page: Page) => {
    if (!turns.has(page)) turns.set(page, inTurns(page));
    return turns.get(page)!;
  };
  return [
    { ...speedup, run: async (page) => median((await measured(page)).speedups) },
    {
      name: `${speedup.name}_of_ceiling`,
      unit: 'share',
      target: '>= 0.9',
      ok: (v) => v >= 0.9,
      run: async (page) => median((await measured(page)).shares),
    },
  ];
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
