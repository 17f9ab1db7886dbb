/**
 * npm run snippet -- FILE.ts [--json] [--timeout SECONDS] [--time-scale F] [--races]
 *                            [--explore N [--seed S] | --replay SCHEDULE]
 *
 * A program's kernel files (`import ... from './name.as'`) are read from beside it
 * (`name.as.ts`); a compile error in any file exits 2 naming the file and line.
 * Runs a program through the same path as the playground page (compile step, supervisor,
 * Workers) in headless Chromium and prints its output as a terminal would: stdout lines to
 * stdout, stderr lines to stderr. With --json, one JSON object per line
 * ({ t, pid, name, stream, text }; a picture as { t, pid, name, display }) and a last one with
 * { exitCode, durationMs }.
 * Exit status: the main process's exit code; 124 when the timeout (default 60 s) stopped it,
 * with what each live process was doing on stderr;
 * 3 when the run deadlocked (the report goes to stderr); 2 for a program that does not compile.
 * --races checks shared reads and writes for data races (reports on stderr; with --json, a
 * { race } object each): a run that reported one and otherwise exited 0 exits 66, as Go's
 * -race does, so a tutorial's CI can assert that a program is race-free.
 * --explore N runs the program under up to N schedules (one process at a time, virtual time,
 * seeded random walks and PCT) until one fails (an uncaught exception in any process, a
 * non-zero exit, a deadlock, a race with --races): prints that run's output and a last line
 * `failing schedule: 1.SEED.TURNS`, exits 1; or `explored N schedules, none failed`, exits 0.
 * --replay SCHEDULE runs that schedule again: the same output, byte for byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunEvent } from '../src/host/run-events';
import type { RunnerOptions } from '../src/runner/runner';
import type { Page } from '@playwright/test';
import { launchChromium } from './browser';
import { startDevServer } from './dev-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60' },
    'time-scale': { type: 'string', default: '1' },
    races: { type: 'boolean', default: false },
    explore: { type: 'string' },
    seed: { type: 'string', default: '1' },
    replay: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error(
    'usage: npm run snippet -- FILE.ts [--json] [--timeout SECONDS] [--time-scale F] [--races]\n' +
      '                          [--explore N [--seed S] | --replay SCHEDULE]',
  );
  process.exit(2);
}
const file = positionals[0];
const source = readFileSync(file, 'utf8');
// The kernel files it imports (`./name.as`), from beside it on disk, as the editor's tabs;
// one that is not there is left to the compile step, which names it.
const kernelFiles = [...source.matchAll(/from\s+['"]\.\/([\w-]+\.as)['"]/g)]
  .map(([, name]) => join(dirname(file), `${name}.ts`))
  .filter((path, i, all) => existsSync(path) && all.indexOf(path) === i)
  .map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') }));

/** How long past --timeout the runner waits for a page that no longer answers. */
const PAGE_GRACE_MS = 10_000;
/** Go's exit status for a run that found a race and otherwise succeeded. */
const RACE_STATUS = 66;

const { server, url } = await startDevServer();
const browser = await launchChromium();
let status: number;
try {
  const page = await browser.newPage();
  await page.exposeFunction('__emit', (event: RunEvent) => show(event));
  await page.goto(new URL('run.html', url).href);
  await page.waitForFunction(() => typeof window.runProgram === 'function');
  // The timeout is the program's: it starts once the Workers have loaded.
  await page.evaluate(() => window.runnerWarm());
  const timeoutMs = Number(values.timeout) * 1000;
  status =
    values.explore !== undefined ? await exploreIn(page, timeoutMs) : await runIn(page, timeoutMs);
} finally {
  await browser.close();
  await server.close();
}
process.exit(status);

/** What every run of the program is given, explored or not. */
function runOptions(timeoutMs: number): RunnerOptions {
  return {
    fileName: basename(file),
    kernelFiles,
    timeScale: Number(values['time-scale']),
    timeoutMs,
    races: values.races,
  };
}

/** One run: the main process's exit status (see the header for the others). */
async function runIn(page: Page, timeoutMs: number): Promise<number> {
  let status: number;
  const result = await Promise.race([
    page.evaluate(([source, options]) => window.runProgram(source, options), [
      source,
      { ...runOptions(timeoutMs), replay: values.replay },
    ] as const),
    // The page ends the run at the timeout; this only fires if the page itself stopped answering.
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs + PAGE_GRACE_MS)),
  ]);
  if (!result) {
    console.error(
      `stopped after ${values.timeout} s (--timeout ${values.timeout}); the runner page did not answer`,
    );
    status = 124;
  } else if (result.compileError) {
    console.error(result.compileError.report);
    status = 2;
  } else {
    const end = result.events.at(-1);
    status =
      end?.type !== 'end'
        ? 1
        : end.reason === 'timeout'
          ? 124
          : end.reason === 'deadlock'
            ? 3
            : (end.exitCode ?? 1) & 0xff;
    if (status === 0 && result.events.some((e) => e.type === 'race')) status = RACE_STATUS;
  }
  return status;
}

/** --explore: status 1 with the failing run's output and schedule, 0 when none failed. */
async function exploreIn(page: Page, timeoutMs: number): Promise<number> {
  const schedules = Number(values.explore);
  const found = await page.evaluate(([source, options]) => window.exploreProgram(source, options), [
    source,
    { ...runOptions(timeoutMs), schedules, seed: Number(values.seed) },
  ] as const);
  if (!found.failing) {
    console.log(`explored ${found.explored} schedules, none failed`);
    return 0;
  }
  if (found.failing.compileError) {
    console.error(found.failing.compileError.report);
    return 2;
  }
  for (const event of found.failing.events) show(event);
  console.log(
    `schedule ${found.explored} of ${schedules} failed (${found.failing.why})\n` +
      `failing schedule: ${found.failing.schedule}`,
  );
  return 1;
}

function show(event: RunEvent): void {
  if (event.type === 'output') {
    if (values.json) {
      const { t, pid, name, stream, text } = event;
      console.log(JSON.stringify({ t: Math.round(t * 10) / 10, pid, name, stream, text }));
    } else {
      (event.stream === 'stderr' ? process.stderr : process.stdout).write(event.text + '\n');
    }
  } else if (event.type === 'display' && values.json) {
    // An image's pixels stay in the page's shared memory: this tells where, and what a chart shows.
    const { t, pid, name, item } = event;
    console.log(JSON.stringify({ t: Math.round(t * 10) / 10, pid, name, display: item }));
  } else if (event.type === 'race' && values.json) {
    // Its text came as the reporter's stderr already; this gives both accesses as data.
    const { current, previous } = event;
    console.log(JSON.stringify({ race: { current, previous } }));
  } else if (event.type === 'deadlock') {
    if (values.json) console.log(JSON.stringify({ deadlock: event.report.text }));
    else console.error(event.report.text);
  } else if (event.type === 'end') {
    const { exitCode, durationMs, reason } = event;
    if (values.json)
      console.log(JSON.stringify({ exitCode, durationMs: Math.round(durationMs), reason }));
    if (reason === 'timeout') {
      console.error(
        `stopped after ${values.timeout} s (--timeout ${values.timeout}); what each live process was doing:\n${event.report ?? ''}`,
      );
    }
  }
}
