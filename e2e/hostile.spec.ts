/**
 * Programs a malicious share link could carry, one per hole of issue 18. Each must end by the
 * timeout within a second, leave no Worker of its run alive, hold the cap it attacks, and leave
 * the page able to run an ordinary program. The figures (stop-to-end, the page's longest task)
 * are printed for the notes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LIMITS } from '../src/runtime/protocol';
import { noWorkerLeft, runHostile, runsNormally, type HostileOutcome } from './support/hostile';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

/** The run is ended by the timeout this long after it starts. */
const TIMEOUT_MS = 3000;
/**
 * The page's longest task while a rogue program runs stays under this. The target is 200 ms
 * (each test prints what it measured: 0-154 ms on a quiet machine); an e2e run shares two
 * cores with another test's processes, so a test asserts only that the page never freezes.
 */
const FROZEN_MS = 1000;
/** Said by the Worker (the runtime checks a notice before sending it) and by the page. */
const REFUSED = 'send the page a message it may not send';

/** A program whose child `body` runs rogue code; main sleeps until the timeout ends the run. */
function rogueChild(body: string, imports = ''): string {
  return `import { Process } from 'multiprocessing';
import { sleep } from 'time';
import { getpid } from 'os';
${imports}
function rogue() {
  const post = (m: unknown) => (self as any).postMessage(m);
  void post; void getpid;
  ${body}
  sleep(60);
}
if (__name__ === '__main__') { new Process({ target: rogue }).start(); sleep(60); }`;
}

/** Reads and writes the run's bookkeeping words in the shared heap, as a program can. */
const HEAP_WORDS = `import { Array as SharedArray } from 'multiprocessing';
const heapWords = new Int32Array((new SharedArray('i', 1) as any).view.buffer);
const HEADER = (1 << 20) / 4;`;

async function endsByTimeout(
  page: import('@playwright/test').Page,
  source: string,
  timeoutMs = TIMEOUT_MS,
): Promise<HostileOutcome> {
  const outcome = await runHostile(page, source, timeoutMs);
  console.log(
    `${test.info().title}: stop-to-end ${outcome.stopToEndMs.toFixed(0)} ms, longest task ${outcome.longestTaskMs.toFixed(0)} ms`,
  );
  expect(outcome.reason).toBe('timeout');
  expect(outcome.stopToEndMs).toBeLessThan(1000);
  await noWorkerLeft(page);
  await runsNormally(page);
  await noWorkerLeft(page);
  return outcome;
}

test('a spawn notice with a pid outside the table ends its sender, and Stop still works', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    rogueChild(`post({ t: 'spawn', from: getpid(), req: { pid: 999999, name: 'x' } });`),
  );
  expect(o.stderr.join('\n')).toContain(`${REFUSED} (pid 999999 is not an integer`);
});

test('a spawn notice sent again for a started child is refused, and no Worker is orphaned', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    rogueChild(
      `const child = new Process({ target: sleeper });
  child.start();
  const pid = child.pid!;
  const job = { className: null, runtime: false, fields: null, targetName: 'sleeper', targetObject: null, args: [], kwargs: {} };
  post({ t: 'spawn', from: getpid(), req: { pid, name: 'again', identity: [1, 1], kind: 'process', daemon: false, startMethod: 'fork', job, sites: {}, process: { pid, ppid: getpid(), name: 'again' } } });`,
      `function sleeper() { print('sleeper up'); sleep(60); }`,
    ),
  );
  expect(o.stderr.join('\n')).toContain(
    'Process-1 sent the page a message it may not send (a spawn of pid 1002, which is taken)',
  );
  expect(o.lastStdout.filter((l) => l === 'sleeper up')).toHaveLength(1);
});

test('output with an unknown stream is refused; one message past the output cap is cut on the page', async ({
  page,
}) => {
  const bad = await endsByTimeout(
    page,
    rogueChild(`post({ t: 'out', pid: getpid(), stream: 'evil', text: 'x\\n', at: 0 });`),
  );
  expect(bad.stderr.join('\n')).toContain(`${REFUSED} (stream evil is not one of stdout, stderr)`);

  const big = await endsByTimeout(
    page,
    rogueChild(`const text = 'x'.repeat(30 << 20) + '\\n';
  for (let i = 0; i < 2; i++) post({ t: 'out', pid: getpid(), stream: 'stdout', text, at: 0 });`),
  );
  expect(big.outputChars).toBeLessThanOrEqual((10 << 20) + 100);
  expect(big.stderr.concat(big.lastStdout).join('\n')).toContain(
    '[output truncated: more than 10 MB]',
  );
  expect(big.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('pictures the page would draw are checked again on the page', async ({ page }) => {
  const outside = await endsByTimeout(
    page,
    rogueChild(
      `post({ t: 'display', pid: getpid(), at: 0, item: { kind: 'image', key: 0, title: '', width: 4096, height: 4096, format: 'rgba', max: 255, palette: [0, 16777215], tintRows: null, pixels: { offset: 2 ** 40, length: 4096 * 4096 * 4, view: 'Uint8Array' } } });`,
    ),
  );
  expect(outside.stderr.join('\n')).toContain(`${REFUSED} (pixels offset`);
  expect(outside.displayEvents).toBe(0);
  const labels = await endsByTimeout(
    page,
    rogueChild(
      `post({ t: 'display', pid: getpid(), at: 0, item: { kind: 'chart', type: 'bar', title: 't', xLabel: '', yLabel: '', labels: Array(1e6).fill('l'), series: [{ name: '', data: Array(1e6).fill(1) }] } });`,
    ),
  );
  expect(labels.stderr.join('\n')).toContain(`${REFUSED} (labels longer than 10000)`);
});

test('a 50 MB object name is cut on the page', async ({ page }) => {
  const o = await endsByTimeout(
    page,
    rogueChild(`post({ t: 'object', id: 0, kind: 1, name: 'n'.repeat(50 << 20) });`),
  );
  expect(o.longestObjectName).toBeLessThanOrEqual(200);
  expect(o.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('a signal to a process the sender did not start, or a notice for another pid, is refused', async ({
  page,
}) => {
  const kill = await endsByTimeout(page, rogueChild(`post({ t: 'kill', pid: 1000, signal: 9 });`));
  expect(kill.stderr.join('\n')).toContain(
    `Process-1 sent the page a message it may not send (a signal to pid 1000, not its child)`,
  );
  const exit = await endsByTimeout(
    page,
    rogueChild(`post({ t: 'exit', pid: 1000 }); post(null); post(42);`),
  );
  expect(exit.stderr.join('\n')).toContain(`${REFUSED} (pid 1000, not its own pid)`);
});

test('the live-process count in the heap is not what caps processes: at most 64 run at once', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    `${HEAP_WORDS}
import { Process } from 'multiprocessing';
import { sleep } from 'time';
function f() { sleep(60); }
if (__name__ === '__main__') {
  for (let k = 0; k < 150; k++) { Atomics.store(heapWords, HEADER + 1, 0); new Process({ target: f, daemon: true }).start(); }
  print('started 150');
  sleep(60);
}`,
  );
  expect(o.lastStdout).toContain('started 150');
  expect(o.processes).toBeGreaterThan(64);
  expect(o.peakRunWorkers).toBeLessThanOrEqual(64);
});

test('an exit notice sent while the process goes on: its Worker is never reused, the cap holds', async ({
  page,
}) => {
  // 63 children (64 with main) meet, then each says it exited and sleeps on: the page recycles
  // 16 of the Workers (the rest are terminated), which never say they are ready, so they are
  // terminated a second later; each holds its place under the cap until it is.
  const o = await endsByTimeout(
    page,
    `${HEAP_WORDS}
import { Process, Barrier } from 'multiprocessing';
import { sleep } from 'time';
import { getpid } from 'os';
function f(met: Barrier) {
  met.wait();
  (self as any).postMessage({ t: 'exit', pid: getpid() });
  sleep(60);
}
if (__name__ === '__main__') {
  const met = new Barrier(63);
  for (let k = 0; k < 150; k++) {
    Atomics.store(heapWords, HEADER + 1, 0);
    new Process({ target: f, args: [met], daemon: true }).start();
  }
  print('started 150');
  sleep(60);
}`,
    8000,
  );
  expect(o.lastStdout).toContain('started 150');
  expect(o.processes).toBeGreaterThan(64);
  expect(o.peakRunWorkers).toBeLessThanOrEqual(64);
});

test('the output counter in the heap is not what caps output: 10 MB hold on the page', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    `${HEAP_WORDS}
import { sleep } from 'time';
const chunk = 'y'.repeat(1 << 20);
for (let k = 0; k < 30; k++) { Atomics.store(heapWords, HEADER + 2, 0); Atomics.store(heapWords, HEADER + 8, 0); print(chunk); }
sleep(60);`,
  );
  expect(o.outputChars).toBeLessThanOrEqual((10 << 20) + 100);
  expect(o.stderr.concat(o.lastStdout).filter((l) => l.includes('[output truncated')).length).toBe(
    1,
  );
});

test('a 50 MB chart title and a 20 MB process name are cut with a mark, and the page stays responsive', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    `import { Process } from 'multiprocessing';
import { chart } from 'display';
import { sleep } from 'time';
function f() { print('named child'); sleep(60); }
if (__name__ === '__main__') {
  chart([1, 2, 3], { title: 't'.repeat(50 << 20) });
  new Process({ target: f, name: 'n'.repeat(20 << 20) }).start();
  sleep(60);
}`,
  );
  expect(o.longestTitle).toBe(500);
  expect(o.longestName).toBe(200);
  expect(o.lastStdout).toContain('named child');
  expect(o.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('nine million newlines and a print loop to the cap keep the page responsive; the newest lines are kept', async ({
  page,
}) => {
  const lines = await endsByTimeout(
    page,
    `import { sleep } from 'time';
print('\\n'.repeat(9_000_000 - 2) + 'last line');
sleep(60);`,
  );
  expect(lines.outputLines).toBeLessThanOrEqual(LIMITS.liveLines + LIMITS.tailLines + 1);
  expect(lines.stderr.join('\n')).toContain(
    `[earlier lines of output not shown: past ${LIMITS.liveLines} lines a run keeps only the newest ${LIMITS.tailLines}]`,
  );
  expect(lines.lastStdout.at(-1)).toBe('last line');
  expect(lines.longestTaskMs).toBeLessThan(FROZEN_MS);

  const loop = await endsByTimeout(page, `for (let i = 0; ; i++) print(i);`);
  expect(loop.outputChars).toBeLessThanOrEqual((10 << 20) + 100);
  expect(loop.stderr.join('\n')).not.toContain(REFUSED);
  expect(loop.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('a Worker posting its own flood of valid notices is slowed in the Worker; the timeout fires on time', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    rogueChild(
      `for (;;) post({ t: 'out', pid: getpid(), stream: 'stdout', text: 'x\\n', at: 0 });`,
    ),
  );
  // The bucket: 500 at once, then 2 a millisecond (a second of slack for a loaded machine's
  // clocks); an unthrottled loop sends far more in 3 s than that.
  expect(o.outputLines).toBeLessThan(500 + 2 * (TIMEOUT_MS + 1000));
  expect(o.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('thousands of charts: 32 pictures a run, a redraw loop drawn at most every 50 ms', async ({
  page,
}) => {
  const o = await endsByTimeout(
    page,
    `import { chart } from 'display';
import { sleep } from 'time';
for (let k = 0; k < 5000; k++) chart([k, 1], { title: 'chart ' + k });
for (let k = 0; k < 100000; k++) chart([k, 2], { title: 'chart 0' });
print('shown');
sleep(60);`,
  );
  expect(o.stderr.join('\n')).not.toContain(REFUSED);
  expect(o.pictures).toBe(32);
  expect(o.stderr.join('\n')).toContain(
    '[display: more than 32 pictures in one run; it is not shown]',
  );
  expect(o.displayEvents).toBeLessThan(32 + 200);
  expect(o.longestTaskMs).toBeLessThan(FROZEN_MS);
});

test('program Workers have no origin storage, BroadcastChannel or Workers of their own', async ({
  page,
}) => {
  const o = await runHostile(
    page,
    `const g = globalThis as any;
for (const name of ['indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker']) {
  try { g[name]; print(name, 'reachable'); } catch (e: any) { print(e.name + ': ' + e.message.split(':')[0]); }
}
try { navigator.storage; print('storage reachable'); } catch (e: any) { print(e.name + ': ' + e.message.split(':')[0]); }
let proto = Object.getPrototypeOf(g), found = false;
for (; proto; proto = Object.getPrototypeOf(proto)) if (Object.getOwnPropertyDescriptor(proto, 'indexedDB')) found = true;
print('indexedDB on a prototype:', found);`,
    TIMEOUT_MS * 5,
  );
  expect(o.reason).toBe('exit');
  const lines = o.lastStdout;
  expect(lines).toEqual([
    'PermissionError: indexedDB is not available to a program',
    'PermissionError: caches is not available to a program',
    'PermissionError: BroadcastChannel is not available to a program',
    'PermissionError: Worker is not available to a program',
    'PermissionError: SharedWorker is not available to a program',
    'PermissionError: navigator.storage is not available to a program',
    'indexedDB on a prototype: false',
  ]);
  await noWorkerLeft(page);
});

test('the snippet runner: --timeout ends a rule-breaking run with status 124 and says what each process was doing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const file = join(dir, 'prog.ts');
  writeFileSync(
    file,
    rogueChild(`post({ t: 'spawn', from: getpid(), req: { pid: 999999, name: 'x' } });`),
  );
  const started = Date.now();
  const { status, stderr } = await new Promise<{ status: number; stderr: string }>((resolve) =>
    execFile(
      'npx',
      ['tsx', 'scripts/snippet.ts', file, '--timeout', '5'],
      { timeout: 240_000 },
      (error, _out, stderr) => resolve({ status: error ? (error.code as number) : 0, stderr }),
    ),
  );
  console.log(
    `snippet --timeout 5: ${Date.now() - started} ms in all (dev server and Chromium start included)`,
  );
  expect(status).toBe(124);
  expect(stderr).toContain(`${REFUSED} (pid 999999 is not an integer`);
  expect(stderr).toContain('stopped after 5 s (--timeout 5); what each live process was doing:');
  expect(stderr).toContain('  MainProcess (pid 1000) was sleeping');
});
