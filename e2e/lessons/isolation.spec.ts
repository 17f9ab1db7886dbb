import type { RunResult } from '../support/runner';
import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

const named = (run: RunResult, name: string) => run.processes().find((p) => p.name === name)!;
const daemonOf = (run: RunResult) => run.processes().find((p) => p.daemon)!;

test('p18: n = 0 in the child never reaches main, which prints 100', async ({ page }) => {
  const run = await runLesson(page, 'p18');
  expect(run.stdoutOf(named(run, 'Process-1').pid)).toEqual(['子进程内:  0']);
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['主进程内:  100']);
  expect(run.lines).toHaveLength(2);
  expect(run.exitCode).toBe(0);
});

test('p19: money stays 100 in main after the child set it to 888', async ({ page }) => {
  const run = await runLesson(page, 'p19');
  expect(run.lines).toEqual(['100']);
  expect(run.exitCode).toBe(0);
});

test('p20: n is 0 in the child, then still 100 in main', async ({ page }) => {
  const run = await runLesson(page, 'p20');
  expect(run.lines).toEqual(['子进程内 n: 0', '主 n: 100']);
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['主 n: 100']);
  expect(run.exitCode).toBe(0);
});

test('p21: the daemon prints Myprocess-1 at once and ends long before main, which prints after 10 s', async ({
  page,
}) => {
  const second = 200; // timeScale 0.2
  const run = await runLesson(page, 'p21', { timeScale: 0.2 });
  const daemon = daemonOf(run);
  expect(daemon.name).toBe('Myprocess-1');
  expect(run.lines).toEqual([`${daemon.pid} Myprocess-1`, '哪吒正在和女主播聊天', '']);
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['']);
  // the process table: the daemon finished on its own (exit code 0) well before main woke up
  expect(daemon.exitCode).toBe(0);
  expect(run.timeOf('') - daemon.endedAt!).toBeGreaterThan(5 * second);
  expect(run.timeOf('') - run.timeOf('哪吒正在和女主播聊天')).toBeGreaterThan(5 * second);
  expect(run.durationMs - run.timeOf('')).toBeLessThan(3 * second); // the run ends with main
  expect(run.exitCode).toBe(0);
});

test('p22: the daemon dies when the main code ends (no end123); the non-daemon prints end456 after 3 s', async ({
  page,
}) => {
  const second = 500; // timeScale 0.5
  const run = await runLesson(page, 'p22', { timeScale: 0.5 });
  expect(run.lines).not.toContain('end123');
  expect(run.count('123')).toBeLessThanOrEqual(1); // may appear before the daemon is killed
  expect(run.count('456')).toBe(1);
  expect(run.count('main-------')).toBe(1);
  expect(run.indexOf('main-------')).toBeLessThan(run.indexOf('end456'));
  expect(run.timeOf('end456') - run.timeOf('456')).toBeGreaterThan(2.7 * second);
  const daemon = daemonOf(run);
  expect(daemon.exitCode).toBe(-15); // terminated
  expect(run.durationMs).toBeGreaterThanOrEqual(run.timeOf('end456')); // main waits for p2
  expect(run.exitCode).toBe(0);
});

test('p23: coco 在 (if started in time), then 老板不在, never coco 不在; daemon set after start() is an AssertionError', async ({
  page,
}) => {
  const run = await runLesson(page, 'p23');
  // 'coco 在' needs the daemon's Worker to start within main's 0.1 s sleep: it usually does
  // (10-70 ms), but not always on a loaded machine, so only its place is asserted
  expect(run.lines.filter((l) => l !== 'coco 在')).toEqual(['老板不在']);
  expect(run.count('coco 在')).toBeLessThanOrEqual(1);
  if (run.lines.includes('coco 在')) expect(run.lines[0]).toBe('coco 在');
  expect(run.lines).not.toContain('coco 不在');
  expect(daemonOf(run).exitCode).toBe(-15);
  expect(run.durationMs - run.timeOf('老板不在')).toBeLessThan(600); // no waiting for its 1 s sleep
  expect(run.exitCode).toBe(0);

  // the article's commented alternative: p.daemon = true after p.start()
  const late = await runLesson(page, 'p23', {
    change: (source) => {
      const moved = source
        .replace('  p.daemon = true;\n  p.start();', '  p.start();')
        .replace('// p.daemon = true;', 'p.daemon = true;');
      if (moved === source) throw new Error('no daemon lines to move');
      return moved;
    },
  });
  expect(late.stderr).toContain('AssertionError: process has already started');
  expect(late.stderr).toMatch(/in <module>\n\s+p\.daemon = true;/);
  expect(late.lines).not.toContain('老板不在');
  expect(late.exitCode).toBe(1);
  // not a daemon after all: as in CPython, the child is joined at exit and finishes
  expect(late.lines).toContain('coco 不在');
  expect(late.processes().some((p) => p.daemon)).toBe(false);
});

test('p24: 主 and the run ends at once: the daemon Piao-1 never prints is piao end', async ({
  page,
}) => {
  const run = await runLesson(page, 'p24');
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['主']);
  expect(run.count(/is piao end$/)).toBe(0);
  const daemon = daemonOf(run);
  expect(daemon.name).toBe('Piao-1');
  expect(daemon.exitCode).toBe(-15);
  expect(run.durationMs - run.timeOf('主')).toBeLessThan(600); // its sleep is at least 1 s
  expect(run.exitCode).toBe(0);
});

test('p25: 主 and the run ends at once, not after the 3 s sleep of the daemon', async ({
  page,
}) => {
  const run = await runLesson(page, 'p25');
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['主']);
  expect(run.count('egon is running')).toBeLessThanOrEqual(1); // usually it has no time to print
  expect(daemonOf(run).exitCode).toBe(-15);
  expect(run.durationMs - run.timeOf('主')).toBeLessThan(1500);
  expect(run.exitCode).toBe(0);
});

test('p26: start() in a daemon raises the AssertionError of Python; the daemon exit code is 1', async ({
  page,
}) => {
  const run = await runLesson(page, 'p26');
  expect(run.stderr).toContain(
    'AssertionError: daemonic processes are not allowed to have children',
  );
  expect(run.stderr).toMatch(/^Process Process-1:\nTraceback/m);
  expect(run.stderr).toMatch(/in task\n\s+p\.start\(\);/);
  expect(run.stdout).toEqual(['守护进程在运行', '守护进程的退出码: 1']);
  expect(run.processes()).toHaveLength(2); // the grandchild was never started
  expect(run.exitCode).toBe(0);
});
