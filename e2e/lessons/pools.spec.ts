import type { Page } from '@playwright/test';
import type { OutputEvent } from '../../src/runner/runner';
import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';
import type { RunResult } from '../support/runner';

const SEED = ['a', 'b', 'c', 'e', 'f', 'g', 'h'];
const LL = "['a', 'b', 'c', 'e', 'f', 'g', 'h']";

/** The output lines matching `pattern`, in the order they were printed (by timestamp). */
function linesOf(run: RunResult, pattern: RegExp): OutputEvent[] {
  return run.outputs.filter((e) => pattern.test(e.text)).sort((x, y) => x.t - y.t);
}

/** The number printed after `prefix` (a `time: 2.003` line). */
function secondsAfter(run: RunResult, prefix: string): number {
  const line = run.stdout.find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`no ${prefix} line:\n${run.lines.join('\n')}`);
  return Number(line.slice(prefix.length));
}

/**
 * A fresh page loads its pool of eight process Workers (hundreds of module requests to the dev
 * server) for seconds, and a run started meanwhile gets each thread only when its Worker has
 * loaded: on a busy machine they start up to seconds apart. A person's page has long finished
 * loading; so does this one before a timed run (the pool's requests count for networkidle).
 */
async function loaded(page: Page) {
  await page.goto('/run.html');
  await page.waitForLoadState('networkidle');
}

/** The run's output with timestamps, for the message of a timing assertion that fails. */
const timeline = (run: RunResult) =>
  run.outputs.map((e) => `${e.t.toFixed(0).padStart(6)} ${e.name}: ${e.text}`).join('\n');

const texts = (events: OutputEvent[]) => events.map((e) => e.text).sort();
const spread = (events: OutputEvent[]) => events.at(-1)!.t - events[0].t;

test('p51: the pool runs the three hellos together, about 2 s; serially they take about 6 s', async ({
  page,
}) => {
  await loaded(page);
  const scale = 0.5;
  const run = await runLesson(page, 'p51', { timeScale: scale });
  const at = timeline(run);
  expect(run.stderr).toBe('');
  expect(run.stdout).toHaveLength(8);
  expect([...run.stdout.slice(0, 3)].sort()).toEqual(['hello: a', 'hello: b', 'hello: c']);
  expect(run.stdout[3]).toMatch(/^time: \d/);
  expect(run.stdout.slice(4, 7)).toEqual(['hello: a', 'hello: b', 'hello: c']);
  expect(run.stdout[7]).toMatch(/^time1: \d/);
  const hellos = run.outputs.filter((e) => e.text.startsWith('hello: '));
  const pooled = hellos.slice(0, 3).sort((x, y) => x.t - y.t);
  const serial = hellos.slice(3);
  // Serially the hellos come 2 s apart (scaled); on the pool all three within a fraction of that.
  for (let k = 1; k < 3; k++) {
    expect(serial[k].t - serial[k - 1].t, at).toBeGreaterThan(2000 * scale * 0.95);
    expect(serial[k].t - serial[k - 1].t, at).toBeLessThan(2000 * scale * 1.3);
  }
  expect(spread(pooled), at).toBeLessThan(2000 * scale * 0.4);
  const time = secondsAfter(run, 'time: ');
  const time1 = secondsAfter(run, 'time1: ');
  expect(time, at).toBeGreaterThan(2 * scale * 0.95);
  expect(time1, at).toBeGreaterThan(6 * scale * 0.95);
  expect(time1, at).toBeLessThan(6 * scale * 1.2);
  // About 2 s against 6 s: the pool ran the three sleeps at once (threads start unscaled).
  expect(time1 / time, at).toBeGreaterThan(2);
  expect(time1 / time, at).toBeLessThan(3.2);
});

test('p52: seven 0.8 s tasks take about 5.6 s serially and 3.2 s on two threads', async ({
  page,
}) => {
  await loaded(page);
  const scale = 0.5;
  const run = await runLesson(page, 'p52', { timeScale: scale });
  const at = timeline(run);
  expect(run.stderr).toBe('');
  expect(run.stdout).toHaveLength(16);
  expect(run.stdout.slice(0, 7)).toEqual(SEED.map((a) => `hello: ${a}`));
  expect(run.stdout[7]).toMatch(/^time1: \d/);
  expect([...run.stdout.slice(8, 15)].sort()).toEqual(SEED.map((a) => `hello: ${a}`));
  // time2 is printed after the using block: its shutdown waited for every task.
  expect(run.stdout[15]).toMatch(/^time2: \d/);
  const time1 = secondsAfter(run, 'time1: ');
  const time2 = secondsAfter(run, 'time2: ');
  expect(time1, at).toBeGreaterThan(7 * 0.8 * scale * 0.95);
  expect(time1, at).toBeLessThan(7 * 0.8 * scale * 1.2);
  expect(time2, at).toBeGreaterThan(4 * 0.8 * scale * 0.95);
  // 5.6 / 3.2 = 1.75
  expect(time1 / time2, at).toBeGreaterThan(1.3);
  expect(time1 / time2, at).toBeLessThan(2.3);
});

test('p53: the seven hellos come together, about 0.8 s later all seven letters, then the end line', async ({
  page,
}) => {
  await loaded(page);
  const run = await runLesson(page, 'p53');
  const at = timeline(run);
  expect(run.stderr).toBe('');
  expect(run.stdout).toHaveLength(9);
  const hellos = linesOf(run, /^hello: /);
  expect(texts(hellos)).toEqual(SEED.map((a) => `hello: ${a}`));
  expect(run.stdout.slice(7)).toEqual([LL, '主线程结束']);
  expect(spread(hellos), at).toBeLessThan(400);
  // wait() returned once every task had slept its 0.8 s, all seven at once.
  const listed = run.timeOf(LL);
  expect(listed - hellos.at(-1)!.t, at).toBeGreaterThan(800 * 0.95);
  expect(listed - hellos[0].t, at).toBeLessThan(800 + 600);
  expect(run.exitCode).toBe(0);

  // The browser note: the threads append to their own ll, so without the results main prints [].
  const bare = await runLesson(page, 'p53', {
    change: (s) => {
      const loop = /for \(const future of fList\) \{\s*ll\.push\(future\.result\(\)\);\s*\}/;
      if (!loop.test(s)) throw new Error('the loop that collects the results was not found');
      return s.replace(loop, '');
    },
  });
  expect(bare.stdout.slice(7)).toEqual(['[]', '主线程结束']);
});

test('p54: two threads print the hellos in pairs every 0.8 s, then all seven letters', async ({
  page,
}) => {
  await loaded(page);
  const run = await runLesson(page, 'p54');
  const at = timeline(run);
  expect(run.stderr).toBe('');
  expect(run.stdout).toHaveLength(9);
  expect(run.stdout.slice(7)).toEqual([LL, '主线程结束']);
  const hellos = linesOf(run, /^hello: /);
  const pairs = [0, 2, 4, 6].map((k) => hellos.slice(k, k + 2));
  expect(pairs.map(texts), at).toEqual([
    ['hello: a', 'hello: b'],
    ['hello: c', 'hello: e'],
    ['hello: f', 'hello: g'],
    ['hello: h'],
  ]);
  // Inside a pair the two threads print within a moment; between pairs they sleep 0.8 s.
  const inside = Math.max(...pairs.slice(0, 3).map(spread));
  const between = [1, 2, 3].map((k) => pairs[k][0].t - pairs[k - 1].at(-1)!.t);
  expect(inside, at).toBeLessThan(Math.min(...between) / 2);
  for (let k = 1; k < 4; k++) {
    const round = pairs[k][0].t - pairs[k - 1][0].t;
    expect(round, at).toBeGreaterThan(800 * 0.95);
    expect(round, at).toBeLessThan(800 * 1.4);
  }
  // Four rounds: the list comes about 3.2 s after the first hello.
  const total = run.timeOf(LL) - hellos[0].t;
  expect(total, at).toBeGreaterThan(4 * 800 * 0.95);
  expect(total, at).toBeLessThan(4 * 800 + 800);
});

test('p55: pool_1 prints two bursts of five, pool_2 two lines a second, about 3 s in all', async ({
  page,
}) => {
  await loaded(page);
  const run = await runLesson(page, 'p55');
  const at = timeline(run);
  expect(run.stderr).toBe('');
  expect(run.stdout).toHaveLength(16);
  const fool1 = linesOf(run, /^foolstring1, /);
  const bursts = [fool1.slice(0, 5), fool1.slice(5)];
  expect(bursts.map(texts), at).toEqual([
    [0, 1, 2, 3, 4].map((n) => `foolstring1, test3 foolnumb1:${n}`),
    [5, 6, 7, 8, 9].map((n) => `foolstring1, test3 foolnumb1:${n}`),
  ]);
  for (const burst of bursts) expect(spread(burst), at).toBeLessThan(400);
  const second = bursts[1][0].t - bursts[0][0].t;
  expect(second, at).toBeGreaterThan(1000 * 0.95);
  expect(second, at).toBeLessThan(1000 * 1.4);
  expect(bursts[1][0].t - bursts[0].at(-1)!.t, at).toBeGreaterThan(500);

  // pool_2: six tasks on two threads, foolfunc2's four first, then foolfunc3's two.
  const fool23 = linesOf(run, /^foolstring[23], /);
  const rounds = [0, 2, 4].map((k) => fool23.slice(k, k + 2));
  expect(rounds.map(texts), at).toEqual([
    ['foolstring2, test3 foolnumb2:0', 'foolstring2, test3 foolnumb2:1'],
    ['foolstring2, test3 foolnumb2:2', 'foolstring2, test3 foolnumb2:3'],
    ['foolstring3, test3 foolnumb3:0', 'foolstring3, test3 foolnumb3:1'],
  ]);
  for (const round of rounds) expect(spread(round), at).toBeLessThan(400);
  for (let k = 1; k < 3; k++) {
    const gap = rounds[k][0].t - rounds[k - 1][0].t;
    expect(gap, at).toBeGreaterThan(1000 * 0.95);
    expect(gap, at).toBeLessThan(1000 * 1.4);
  }
  // The pools work side by side: their first lines come together, about 1 s in; the last
  // line comes about 2 s after the first (about 3 s of sleeping in all).
  expect(Math.abs(rounds[0][0].t - bursts[0][0].t), at).toBeLessThan(400);
  expect(bursts[0][0].t, at).toBeGreaterThan(1000 * 0.95);
  expect(bursts[0][0].t, at).toBeLessThan(1000 + 600);
  const all = run.outputs.map((e) => e.t);
  const last = Math.max(...all) - Math.min(...all);
  expect(last, at).toBeGreaterThan(2000 * 0.95);
  expect(last, at).toBeLessThan(2000 + 700);
  expect(run.exitCode).toBe(0);
});
