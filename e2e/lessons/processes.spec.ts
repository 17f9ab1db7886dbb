import type { RunResult } from '../support/runner';
import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

const mainOf = (run: RunResult) => run.processes().find((p) => p.name === 'MainProcess')!;

test('p01: both child lines come first, main follows about 1 s after the start', async ({
  page,
}) => {
  const run = await runLesson(page, 'p01');
  expect(run.lines).toEqual(['hello bbb', '我是子进程', '执行主程序的内容了']);
  // Main sleeps 1 s from its own start, a few ms after the run's.
  expect(run.timeOf('执行主程序的内容了')).toBeGreaterThan(950);
  expect(run.exitCode).toBe(0);
});

test('p02: main prints first; the child has its own pid and main as its parent', async ({
  page,
}) => {
  const run = await runLesson(page, 'p02');
  const main = mainOf(run);
  expect(run.stdoutOf(main.pid)).toEqual([
    '**********',
    `父进程: ${main.pid}`,
    '父进程的父进程 1', // the page, which starts the main process
  ]);
  const child = run.processes().find((p) => p.pid !== main.pid)!;
  expect(run.stdoutOf(child.pid)).toEqual([
    '参数1 参数2',
    `子进程: ${child.pid}`,
    `子程序的父进程: ${main.pid}`,
    '12345',
  ]);
  expect(child.pid).not.toBe(main.pid);
  // start() returns at once: main's three lines come before the child's lines after its sleep
  expect(run.indexOf('父进程的父进程 1')).toBeLessThan(run.indexOf(/^子进程: /));
  expect(run.timeOf(/^子进程: /) - run.timeOf('参数1 参数2')).toBeGreaterThan(900);
  expect(run.exitCode).toBe(0);
});

test('p03: main line first, then 5 children with 5 distinct pids, the typo prints each pid twice', async ({
  page,
}) => {
  const run = await runLesson(page, 'p03');
  const main = mainOf(run);
  expect(run.lines[0]).toBe(`主进程id: ${main.pid}`);
  const children = run.outputs.slice(1);
  expect(children).toHaveLength(5); // nothing else: the return value x*x is never seen
  for (const line of children) {
    // getpid() twice: both numbers are the child's own pid, not the parent's
    expect(line.text).toBe(`子程序id ${line.pid} 父程序id: ${line.pid}`);
    expect(line.pid).not.toBe(main.pid);
  }
  expect(new Set(children.map((e) => e.pid)).size).toBe(5);
  expect(run.exitCode).toBe(0);
});

test('p04: five hello lines appear together, the run waits about 1 s for the children', async ({
  page,
}) => {
  const run = await runLesson(page, 'p04');
  const hellos = run.outputs.filter((e) => e.text === 'hello bob');
  expect(run.lines).toHaveLength(5);
  expect(hellos).toHaveLength(5);
  expect(new Set(hellos.map((e) => e.pid)).size).toBe(5); // identical text: tell them by pid
  const first = hellos[0].t;
  const last = hellos[4].t;
  expect(last - first).toBeLessThan(1000); // all five before the first one's 1 s sleep ends
  // main's code ends at once, but the run waits for the non-daemon children's 1 s sleep
  expect(run.durationMs - last).toBeGreaterThan(800);
  expect(run.durationMs - first).toBeLessThan(2500);
  expect(run.exitCode).toBe(0);
});

/** The program with its `if (__name__ === '__main__') {` block opened: the same code, unguarded. */
function unguarded(source: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith("if (__name__ === '__main__') {"));
  const end = lines.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no __main__ guard to remove');
  const body = lines.slice(start + 1, end).map((l) => l.replace(/^ {2}/, ''));
  return [...lines.slice(0, start), ...body, ...lines.slice(end + 1)].join('\n');
}

test('p05: 主 first, the child ends 2 s after it starts; under spawn an unguarded start is the guard error', async ({
  page,
}) => {
  const run = await runLesson(page, 'p05', { timeScale: 0.5 });
  expect(run.lines).toEqual(['主', 'lolo is running', 'lolo is over']);
  expect(run.timeOf('lolo is over') - run.timeOf('lolo is running')).toBeGreaterThan(800); // 2 s x 0.5
  expect(run.exitCode).toBe(0);

  // "windows创建进程一定要在if __name__ == '__main__':代码块内创建 否则报错"
  const spawn = await runLesson(page, 'p05', {
    timeScale: 0.5,
    change: (source) =>
      unguarded(source).replace(
        "import { Process } from 'multiprocessing';",
        "import { Process, setStartMethod } from 'multiprocessing';\nsetStartMethod('spawn');",
      ),
  });
  expect(spawn.stderr).toContain('RuntimeError: An attempt has been made to start a new process');
  expect(spawn.stderr).toContain("if (__name__ === '__main__')");
  expect(spawn.lines).toContain('主'); // the main process itself goes on
  expect(spawn.lines).not.toContain('lolo is running'); // the child died importing the program
  expect(spawn.stderr).toMatch(/^Process Process-1:\nTraceback/m); // the child's, not main's
  expect(spawn.processes()).toHaveLength(2); // no fork bomb
});

test('p06: Worker 0 to 4 once each; current process names MainProcess and Process-1..5', async ({
  page,
}) => {
  const run = await runLesson(page, 'p06');
  expect(run.count(/^Worker: /)).toBe(5);
  for (let i = 0; i < 5; i++) expect(run.count(`Worker: ${i}`)).toBe(1);
  const names = run.outputs.filter((e) => e.text.startsWith('当前进程名: '));
  expect(names.find((e) => e.pid === mainOf(run).pid)?.text).toBe('当前进程名: MainProcess');
  expect(names.map((e) => e.text).sort()).toEqual([
    '当前进程名: MainProcess',
    '当前进程名: Process-1',
    '当前进程名: Process-2',
    '当前进程名: Process-3',
    '当前进程名: Process-4',
    '当前进程名: Process-5',
  ]);
  // job i is the (i+1)-th Process created
  for (const line of run.outputs.filter((e) => e.text.startsWith('Worker: '))) {
    const i = Number(line.text.split(' ')[1]);
    expect(names.find((e) => e.pid === line.pid)?.text).toBe(`当前进程名: Process-${i + 1}`);
  }
  expect(run.exitCode).toBe(0);
});

test('p07: 主线程 first, four starts, then four ends in order of their random 1-4 s sleeps', async ({
  page,
}) => {
  const second = 1000; // not scaled: start-up skew stays small against the sleeps
  const run = await runLesson(page, 'p07');
  const names = ['egon', 'alex', 'wupeqi', 'yuanhao'];
  expect(run.lines[0]).toBe('主线程'); // main does not wait
  expect(run.lines).toHaveLength(9);
  for (const name of names) {
    expect(run.count(`${name} piaoing`)).toBe(1);
    expect(run.count(`${name} piao end`)).toBe(1);
  }
  // the shortest sleep (1 s) outlasts the start of all four
  const lastStartLine = Math.max(...names.map((n) => run.indexOf(`${n} piaoing`)));
  const firstEndLine = Math.min(...names.map((n) => run.indexOf(`${n} piao end`)));
  expect(lastStartLine).toBeLessThan(firstEndLine);
  // randrange(1, 5): each process ends a whole 1 to 4 seconds after it started
  const slept = new Map(
    names.map((n) => [n, (run.timeOf(`${n} piao end`) - run.timeOf(`${n} piaoing`)) / second]),
  );
  for (const s of slept.values()) {
    expect(Math.abs(s - Math.round(s))).toBeLessThan(0.3);
    expect(Math.round(s)).toBeGreaterThanOrEqual(1);
    expect(Math.round(s)).toBeLessThanOrEqual(4);
  }
  const inEndOrder = [...names].sort(
    (a, b) => run.indexOf(`${a} piao end`) - run.indexOf(`${b} piao end`),
  );
  const sleeps = inEndOrder.map((n) => Math.round(slept.get(n)!));
  expect(sleeps).toEqual([...sleeps].sort((a, b) => a - b));
  // the run ends with the longest sleeper: within about 4 s of the starts
  const lastStartAt = Math.max(...names.map((n) => run.timeOf(`${n} piaoing`)));
  expect(run.durationMs - lastStartAt).toBeLessThan(4 * second + 500);
  expect(run.exitCode).toBe(0);
});
