/**
 * Every synchronisation edge of the race detector (#16), end to end: a shared datum written
 * before a hand-off and read after it is never reported; the same program with the hand-off
 * removed is reported, once, naming the write's line and the read's (support/race-edges.ts
 * holds the programs).
 */
import type { Page } from '@playwright/test';
import { EDGES, NON_EDGES, type Edge } from './support/race-edges';
import { expect, runProgram, test, type RunResult } from './support/runner';

/** Every sleep of these programs runs ten times shorter. */
const TIME_SCALE = 0.1;

/** The 1-based line of the program that carries `marker`. */
function lineOf(source: string, marker: string): number {
  const at = source.split('\n').findIndex((l) => l.includes(marker));
  if (at < 0) throw new Error(`no line has ${marker}:\n${source}`);
  return at + 1;
}

function races(run: RunResult) {
  return run.raw.events.flatMap((e) => (e.type === 'race' ? [e] : []));
}

/** A report as its two accesses, in line order: "12 write, 15 read". */
function accesses(race: ReturnType<typeof races>[number]): string {
  return [race.current, race.previous]
    .sort((a, b) => a.line - b.line)
    .map((a) => `${a.line} ${a.write ? 'write' : 'read'}`)
    .join(', ');
}

/** Runs every variant of `edge`, asserting softly so one test reports every edge it holds. */
async function checkEdge(page: Page, edge: Edge): Promise<void> {
  for (const [k, source] of edge.clean.entries()) {
    const what = `${edge.name}, with the hand-off${edge.clean.length > 1 ? ` (${k ? 'receiver waits' : 'sender first'})` : ''}`;
    const run = await runProgram(page, source, { races: true, timeScale: TIME_SCALE });
    expect.soft(run.exitCode, `${what}: ${run.stderr}`).toBe(0);
    expect
      .soft(
        races(run).map((r) => r.text),
        what,
      )
      .toEqual([]);
    if (!edge.eitherOrder) expect.soft(run.stdout, what).toContain('read 42');
  }
  const what = `${edge.name}, without the hand-off`;
  const run = await runProgram(page, edge.racy, { races: true, timeScale: TIME_SCALE });
  const write = lineOf(edge.racy, '// write');
  const read = lineOf(edge.racy, '// read');
  expect.soft(run.exitCode, `${what}: ${run.stderr}`).toBe(0);
  const found = races(run);
  const expected = [`${write} write`, `${read} read`];
  expect
    .soft(found.map(accesses), what)
    .toEqual([(write < read ? expected : expected.reverse()).join(', ')]);
  for (const race of found) {
    expect.soft(race.current.pid, `${what}: two processes`).not.toBe(race.previous.pid);
    expect.soft(race.text, what).toContain(`main.ts:${write}`);
    expect.soft(race.text, what).toContain(`main.ts:${read}`);
    expect.soft(run.stderr, `${what}: the report in the reporter's stderr`).toContain(race.text);
  }
}

test.describe.configure({ timeout: 180_000 });

/** A few edges per test: each test loads the runner page once and runs its programs in turn. */
const PER_TEST = 5;
for (const [title, edges] of [
  ['edges', EDGES],
  ['no edge', NON_EDGES],
] as const) {
  for (let k = 0; k < edges.length; k += PER_TEST) {
    const group = edges.slice(k, k + PER_TEST);
    test(`${title}: ${group.map((e) => e.name).join('; ')}`, async ({ page }) => {
      for (const edge of group) await checkEdge(page, edge);
    });
  }
}

test('concurrent reads of one value are no race; a write after them races with the read it is not ordered after', async ({
  page,
}) => {
  const readers = await runProgram(
    page,
    `import { Process, RawArray } from 'multiprocessing';
const data = new RawArray('i', 1);
function reader() { print('read', data[0]); }
if (__name__ === '__main__') {
  data[0] = 42;
  const ps = [new Process({ target: reader }), new Process({ target: reader })];
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  print('main read', data[0]);
}`,
    { races: true, timeScale: TIME_SCALE },
  );
  expect(readers.stdout).toEqual(['read 42', 'read 42', 'main read 42']);
  expect(races(readers)).toEqual([]);

  // Unordered reads are kept together: a later write ordered after one reader (joined) but
  // not the other races with the other's read.
  const sharedSource = `import { Process, RawArray } from 'multiprocessing';
import { sleep } from 'time';
const data = new RawArray('i', 1);
function reader(hold: number) { print('read', data[0]); sleep(hold); }
function writer() { sleep(2); data[0] = 7; }
if (__name__ === '__main__') {
  data[0] = 42;
  const [quick, slow] = [new Process({ target: reader, args: [0] }), new Process({ target: reader, args: [4] })];
  quick.start();
  slow.start();
  quick.join();
  const w = new Process({ target: writer });
  w.start();
  w.join();
  slow.join();
}`;
  const shared = await runProgram(page, sharedSource, { races: true, timeScale: TIME_SCALE });
  expect(shared.exitCode, shared.stderr).toBe(0);
  const [race] = races(shared);
  const [read, write] = [
    lineOf(sharedSource, 'function reader'),
    lineOf(sharedSource, 'function writer'),
  ];
  expect(races(shared).map(accesses)).toEqual([`${read} read, ${write} write`]);
  expect([race.current.pid, race.previous.pid].sort()).toEqual([1002, 1003]);
});

test('a race-free program over many elements: none reported, and one notice once they outgrow the shadow space', async ({
  page,
}) => {
  // Two halves written in parallel, each by its own process, then summed by main after join:
  // 100,000 elements fit the shadow space (all checked); 400,000 do not, and the run goes on
  // with one notice that checking stopped.
  for (const n of [100_000, 400_000]) {
    const many = await runProgram(
      page,
      `import { Process, RawArray } from 'multiprocessing';
const N = ${n};
const data = new RawArray('i', N);
function fill(from: number, to: number) { for (let i = from; i < to; i++) data[i] += i % 7; }
if (__name__ === '__main__') {
  const ps = [new Process({ target: fill, args: [0, N / 2] }), new Process({ target: fill, args: [N / 2, N] })];
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  let sum = 0;
  for (let i = 0; i < N; i++) sum += data[i];
  print('sum', sum);
}`,
      { races: true, timeScale: TIME_SCALE },
    );
    let sum = 0;
    for (let i = 0; i < n; i++) sum += i % 7;
    expect(many.exitCode, many.stderr).toBe(0);
    expect(many.stdout).toEqual([`sum ${sum}`]);
    expect(races(many), `${n} elements`).toEqual([]);
    expect(many.count(/race detection stopped/), `${n} elements: ${many.stderr}`).toBe(
      n > 190_000 ? 1 : 0,
    );
  }
});
