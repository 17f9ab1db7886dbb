import type { Page } from '@playwright/test';
import { LIMITS } from '../../src/runtime/protocol';
import { median, type Measure } from './measure';

/** The hostile print loop of issue 18: it prints until the output cap, then spins. */
const FLOOD = 'for (let i = 0; ; i++) print(i);\n';
const ROUNDS = 5;

/** What one flood round measured in the playground page. */
interface FloodRound {
  longestTaskMs: number;
  stopToEndMs: number;
}

/**
 * Opens the playground in a fresh context with the flood as its program, once its Workers
 * are ready and Monaco has loaded (its own start-up is one long task, before any run).
 */
async function openFlood(page: Page): Promise<Page> {
  const context = await page.context().browser()!.newContext();
  const playground = await context.newPage();
  await playground.goto(new URL('./', page.url()).href);
  await playground.evaluate(
    (text) => localStorage.setItem('playground:program:welcome', text),
    FLOOD,
  );
  await playground.reload();
  await playground.waitForSelector('body[data-workers=ready]', { state: 'attached' });
  await playground.waitForSelector('.editor-pane[data-editor=monaco]', { timeout: 60_000 });
  return playground;
}

/**
 * One round, all inside the page: Run; once the console shows the last line the page hands
 * on live (the flood has filled it: past that a run keeps only its newest lines for the
 * end), Stop, as a click would; then the time until the run is shown ended (its summary line
 * drawn, Stop disabled again), and the page's longest task from Run to a moment after that.
 */
function floodRound(page: Page): Promise<FloodRound> {
  return page.evaluate(async (lastLive) => {
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const stop = document.querySelector<HTMLButtonElement>('#stop')!;
    const rows = document.querySelector('.console-rows')!;
    // Looked at whenever the DOM changes (the console draws its rows, the page marks the run).
    let stopped = 0;
    const ended = new Promise<number>((resolve, reject) => {
      setTimeout(() => reject(new Error(`no end in 60 s (stopped: ${stopped > 0})`)), 60_000);
      new MutationObserver((_, watch) => {
        if (
          !stopped &&
          Number(rows.lastElementChild?.querySelector('.text')?.textContent) >= lastLive
        ) {
          stopped = performance.now();
          stop.click();
        } else if (
          stopped &&
          stop.disabled &&
          /stopped/.test(rows.lastElementChild?.textContent ?? '')
        ) {
          watch.disconnect();
          resolve(performance.now());
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    document.querySelector<HTMLButtonElement>('#run')!.click();
    const stopToEndMs = (await ended) - stopped;
    // Long tasks are reported late: a few frames on, the last one is in.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
    observer.disconnect();
    return { longestTaskMs: longest, stopToEndMs };
  }, LIMITS.liveLines - 1);
}

let measured: { page: Page; rounds: Promise<FloodRound[]> } | undefined;

/** The rounds, run once for both figures. */
function floodRounds(page: Page): Promise<FloodRound[]> {
  if (measured?.page !== page) {
    const rounds = (async () => {
      const playground = await openFlood(page);
      try {
        const all: FloodRound[] = [];
        for (let k = 0; k < ROUNDS; k++) all.push(await floodRound(playground));
        return all;
      } finally {
        await playground.context().close();
      }
    })();
    measured = { page, rounds };
  }
  return measured.rounds;
}

/** The playground's longest task while the print loop floods the console and is stopped (#18). */
const floodLongestTask: Measure = {
  name: 'flood_longest_task_ms',
  unit: 'ms',
  target: '< 200',
  ok: (v) => v < 200,
  async run(page) {
    return median((await floodRounds(page)).map((r) => r.longestTaskMs));
  },
};

/** From Stop, clicked during the flood, to the run shown ended in the playground (#18). */
const floodStopToEnd: Measure = {
  name: 'flood_stop_to_end_ms',
  unit: 'ms',
  target: '< 1000',
  ok: (v) => v < 1000,
  async run(page) {
    return median((await floodRounds(page)).map((r) => r.stopToEndMs));
  },
};

export const floodMeasures: Measure[] = [floodLongestTask, floodStopToEnd];
