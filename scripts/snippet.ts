/**
 * npm run snippet -- FILE.ts [--json] [--timeout SECONDS] [--time-scale F]
 *
 * Runs a program through the same path as the playground page (compile step, supervisor,
 * Workers) in headless Chromium and prints its output as a terminal would: stdout lines to
 * stdout, stderr lines to stderr. With --json, one JSON object per line
 * ({ t, pid, name, stream, text }; a picture as { t, pid, name, display }) and a last one with
 * { exitCode, durationMs }.
 * Exit status: the main process's exit code; 124 when the timeout (default 60 s) stopped it;
 * 3 when the run deadlocked (the report goes to stderr); 2 for a program that does not compile.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunEvent } from '../src/host/run-events';
import type { RunnerResult } from '../src/runner/runner';
import { launchChromium } from './browser';
import { startDevServer } from './dev-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '60' },
    'time-scale': { type: 'string', default: '1' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npm run snippet -- FILE.ts [--json] [--timeout SECONDS] [--time-scale F]');
  process.exit(2);
}
const file = positionals[0];
const source = readFileSync(file, 'utf8');

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
  const result: RunnerResult = await page.evaluate(
    ([source, options]) => window.runProgram(source, options),
    [
      source,
      {
        fileName: basename(file),
        timeScale: Number(values['time-scale']),
        timeoutMs: Number(values.timeout) * 1000,
      },
    ] as const,
  );
  if (result.compileError) {
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
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(status);

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
  } else if (event.type === 'deadlock') {
    if (values.json) console.log(JSON.stringify({ deadlock: event.report.text }));
    else console.error(event.report.text);
  } else if (event.type === 'end' && values.json) {
    const { exitCode, durationMs, reason } = event;
    console.log(JSON.stringify({ exitCode, durationMs: Math.round(durationMs), reason }));
  }
}
