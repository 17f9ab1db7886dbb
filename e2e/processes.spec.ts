import type { Page } from '@playwright/test';
import { expect, runProgram, test, usualWithin } from './support/runner';

test('the foundation example: a child runs, sleeps, is joined, exit code 0', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { sleep } from 'time';
import { getpid, getppid } from 'os';

function task(name: string) {
  print(\`\${name} is running, pid \${getpid()}, parent \${getppid()}\`);
  sleep(1);
  print(\`\${name} is done\`);
}

if (__name__ === '__main__') {
  const p = new Process({ target: task, args: ['child'] });
  p.start();
  print('main', getpid());
  p.join();
  print('exit code', p.exitCode);
}`,
  );
  const mainPid = Number(run.lines.find((l) => l.startsWith('main '))!.split(' ')[1]);
  const running = run.lines.find((l) => l.startsWith('child is running'))!;
  const [, childPid, parent] = /pid (\d+), parent (\d+)/.exec(running)!.map(Number);
  expect(childPid).not.toBe(mainPid);
  expect(parent).toBe(mainPid);
  expect(run.indexOf('child is done')).toBeLessThan(run.indexOf('exit code 0'));
  expect(run.timeOf('child is done') - run.timeOf(/^child is running/)).toBeGreaterThan(900);
  expect(run.exitCode).toBe(0);
});

test('data isolation: a global changed in a child is unchanged in the parent', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
let n = 100;
function work() { n = 0; print('child', n); }
if (__name__ === '__main__') {
  const p = new Process({ target: work });
  p.start(); p.join();
  print('main', n);
}`,
  );
  expect(run.lines).toEqual(['child 0', 'main 100']);
});

test('join inside the start loop is serial; start all then join all is parallel', async ({
  page,
}) => {
  const program = (serial: boolean) => `import { Process } from 'multiprocessing';
import { sleep, perfCounter } from 'time';
function f() { sleep(1); }
if (__name__ === '__main__') {
  const t0 = perfCounter();
  const ps: Process[] = [];
  for (let i = 0; i < 4; i++) {
    const p = new Process({ target: f });
    p.start();
    ${serial ? 'p.join();' : 'ps.push(p);'}
  }
  ps.forEach((p) => p.join());
  print('elapsed', perfCounter() - t0);
}`;
  const elapsed = async (serial: boolean) =>
    Number((await runProgram(page, program(serial))).lines[0].split(' ')[1]);
  const serial = await elapsed(true);
  const parallel = await elapsed(false);
  expect(serial).toBeGreaterThan(3.9); // four one-second sleeps one after another
  expect(serial / parallel).toBeGreaterThan(2); // about 4x; start-up costs eat some
});

test('a daemon is terminated when the main code ends; non-daemon children are joined', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { sleep } from 'time';
function foo() { print(123); sleep(1); print('end123'); }
function bar() { print(456); sleep(1.5); print('end456'); }
if (__name__ === '__main__') {
  const p1 = new Process({ target: foo, daemon: true });
  const p2 = new Process({ target: bar });
  p1.start(); p2.start();
  sleep(0.3);
  print('main-------');
}`,
  );
  expect(run.lines).toContain('end456');
  expect(run.lines).not.toContain('end123');
  expect(run.indexOf('main-------')).toBeLessThan(run.indexOf('end456'));
  expect(run.durationMs).toBeGreaterThan(1400);
  const daemon = run.processes().find((p) => p.daemon)!;
  expect(daemon.exitCode).toBe(-15);
});

test("a daemon cannot have children: Python's error, exit code 1", async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
function inner() { print('never'); }
function outer() {
  const p = new Process({ target: inner });
  p.start();
}
if (__name__ === '__main__') {
  const d = new Process({ target: outer, daemon: true });
  d.start(); d.join();
  print('daemon exit code', d.exitCode);
}`,
  );
  expect(run.stderr).toContain(
    'AssertionError: daemonic processes are not allowed to have children',
  );
  expect(run.stderr).toContain('line 5, in outer');
  expect(run.lines).toContain('daemon exit code 1');
  expect(run.lines).not.toContain('never');
});

test('terminate() gives exit code -15 and kill() -9; isAlive() stays true until it lands', async ({
  page,
}) => {
  // A real race (p14's): on a busy machine the page may end the process before main's next
  // line runs. A terminate() that waited for the end would print false every time.
  const aliveOnce = await usualWithin(3, async () => {
    const run = await terminateAndKill(page);
    expect(run.lines).toContain('-15 -9 false false');
    expect(run.durationMs).toBeLessThan(10_000);
    return run.lines.includes('alive right after terminate true');
  });
  expect(aliveOnce).toBe(true);
});

function terminateAndKill(page: Page) {
  return runProgram(
    page,
    `import { Process } from 'multiprocessing';
import { sleep } from 'time';
function spin() { for (;;) {} }
function nap() { sleep(30); }
if (__name__ === '__main__') {
  const a = new Process({ target: spin });
  const b = new Process({ target: nap });
  a.start(); b.start();
  sleep(0.2);
  a.terminate(); b.kill();
  print('alive right after terminate', a.isAlive());
  a.join(); b.join();
  print(a.exitCode, b.exitCode, a.isAlive(), b.isAlive());
}`,
  );
}

test('an exception in a child prints a traceback with the program lines; exit code 1', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';

function helper(x: number) {
  throw new Error(\`bad \${x}\`);
}
function task() {
  helper(42);
}
if (__name__ === '__main__') {
  const p = new Process({ target: task });
  p.start(); p.join();
  print('exit', p.exitCode);
}`,
    { fileName: 'crash.ts' },
  );
  expect(run.stderr).toContain('Process Process-1:');
  expect(run.stderr).toContain('Traceback (most recent call last):');
  expect(run.stderr).toMatch(/File "crash.ts", line 7, in task\n\s+helper\(42\);/);
  expect(run.stderr).toMatch(/File "crash.ts", line 4, in helper\n\s+throw new Error/);
  expect(run.stderr).toContain('Error: bad 42');
  expect(run.lines).toContain('exit 1');
  expect(run.exitCode).toBe(0);
});

test('an exception in the main process ends the run with exit code 1', async ({ page }) => {
  const run = await runProgram(page, `print('before');\nnull!.toString();\n`);
  expect(run.stderr).toMatch(/line 2, in <module>/);
  expect(run.stderr).toMatch(/TypeError/);
  expect(run.exitCode).toBe(1);
});

test('a syntax error is reported at its line and column before anything runs', async ({ page }) => {
  const run = await runProgram(page, `print('ok');\nconst x: number = ;\n`, {
    fileName: 'oops.ts',
  });
  expect(run.raw.compileError).toMatchObject({ name: 'SyntaxError', line: 2, column: 19 });
  expect(run.raw.compileError!.report).toContain('File "oops.ts", line 2, column 19');
  expect(run.raw.events).toEqual([]);
});

const unguarded = (method: string) => `import { Process, setStartMethod } from 'multiprocessing';
setStartMethod('${method}');
function f() { print('child ran'); }
const p = new Process({ target: f });
p.start();
p.join();
print('main done', p.exitCode);`;

test('an unguarded top-level start() runs once under "fork"', async ({ page }) => {
  const run = await runProgram(page, unguarded('fork'));
  expect(run.lines).toEqual(['child ran', 'main done 0']);
});

test('an unguarded top-level start() under "spawn" is the guard error, not a fork bomb', async ({
  page,
}) => {
  const run = await runProgram(page, unguarded('spawn'));
  expect(run.stderr).toContain('RuntimeError: An attempt has been made to start a new process');
  expect(run.stderr).toContain("if (__name__ === '__main__')");
  expect(run.stderr).toMatch(/line 5, in <module>/);
  expect(run.lines).toContain('main done 1');
  expect(run.processes()).toHaveLength(2);
});

test('under "spawn" a guarded program runs its top level again in the child, as __mp_main__', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, setStartMethod } from 'multiprocessing';
print('top level in', __name__);
function f() { print('child ran'); }
if (__name__ === '__main__') {
  setStartMethod('spawn');
  const p = new Process({ target: f });
  p.start(); p.join();
}`,
  );
  expect(run.lines).toEqual(['top level in __main__', 'top level in __mp_main__', 'child ran']);
});

test('Stop ends infinite loops in every process and the next run starts clean', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
function spin() { for (;;) {} }
if (__name__ === '__main__') {
  for (let i = 0; i < 3; i++) new Process({ target: spin }).start();
  print('started');
  for (;;) {}
}`,
    { timeoutMs: 4000 },
  );
  expect(run.end.reason).toBe('timeout');
  expect(run.lines).toEqual(['started']);
  const next = await runProgram(page, `print('fresh', __name__);`);
  expect(next.lines).toEqual(['fresh __main__']);
  expect(next.exitCode).toBe(0);
});

test('targets travel by name: an arrow function target is refused with the rule', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
if (__name__ === '__main__') {
  const p = new Process({ target: () => print('hi') });
  p.start();
}`,
  );
  expect(run.stderr).toContain('target must be a top-level function of the program');
  expect(run.stderr).toContain('not an arrow function or method');
  expect(run.exitCode).toBe(1);
});

test("Python's errors for starting twice, joining an unstarted process, daemon after start", async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
function f() {}
function attempt(what: string, fn: () => void) {
  try { fn(); print(what, 'ok'); } catch (e) { print(what, (e as Error).name + ': ' + (e as Error).message); }
}
if (__name__ === '__main__') {
  const p = new Process({ target: f });
  attempt('join', () => p.join());
  p.start();
  attempt('start', () => p.start());
  attempt('daemon', () => { p.daemon = true; });
  p.join();
  print(p.name, p.exitCode);
}`,
  );
  expect(run.lines).toEqual([
    'join AssertionError: can only join a started process',
    'start AssertionError: cannot start a process twice',
    'daemon AssertionError: process has already started',
    'Process-1 0',
  ]);
});

test('a fork bomb stops at the 64-process limit with a clear error', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { Process } from 'multiprocessing';
function bomb() {
  const p = new Process({ target: bomb });
  p.start();
  p.join();
}
if (__name__ === '__main__') bomb();`,
  );
  expect(run.stderr).toContain('too many processes (limit 64');
  expect(run.processes().length).toBeLessThanOrEqual(64);
});

test('subclass with run(), currentProcess, parentProcess and Python-style names', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, currentProcess, parentProcess } from 'multiprocessing';
import { getpid } from 'os';
class Chat extends Process {
  constructor(public who: string) { super(); }
  override run() {
    print(currentProcess().name, this.who, currentProcess() === this, parentProcess()!.name, this.pid === getpid());
  }
}
if (__name__ === '__main__') {
  const c = new Chat('wupeiqi');
  c.start(); c.join();
  print(currentProcess().name, parentProcess());
}`,
  );
  expect(run.lines).toEqual(['Chat-1 wupeiqi true MainProcess true', 'MainProcess null']);
});

test('print follows Python: sep, end, and values formatted', async ({ page }) => {
  const run = await runProgram(
    page,
    `print('a', 1, true, null, [1, 'x'], { second: null });
print('no newline', { end: '' });
print(' joined');
print(1, 2, 3, { sep: '-' });`,
  );
  expect(run.lines).toEqual([
    "a 1 true null [1, 'x'] { second: null }",
    'no newline joined',
    '1-2-3',
  ]);
});

test('output is capped at 10 MB with one notice; the run itself goes on', async ({ page }) => {
  const run = await runProgram(
    page,
    `const line = 'x'.repeat(1023);
for (let i = 0; i < 11 * 1024; i++) print(line);
print('still running');`,
    { timeoutMs: 60_000 },
  );
  expect(run.count(/^\[output truncated: more than 10 MB\]$/)).toBe(1);
  expect(run.lines).not.toContain('still running');
  expect(run.count(/^x{1023}$/)).toBeGreaterThan(10_000);
  expect(run.exitCode).toBe(0);
});
