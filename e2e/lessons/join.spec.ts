import type { RunResult } from '../support/runner';
import { runLesson } from '../support/lessons';
import { expect, test, usualWithin } from '../support/runner';

const named = (run: RunResult, name: string) => run.processes().find((p) => p.name === name)!;

/** Removes the `// ` in front of `code`, a line the article left commented out. */
function uncomment(code: string) {
  return (source: string) => {
    if (!source.includes(`// ${code}`)) throw new Error(`no commented-out ${code}`);
    return source.replace(`// ${code}`, code);
  };
}

test('p08: join waits: hello, then the child ends, then the parent, at least 1 s later', async ({
  page,
}) => {
  const run = await runLesson(page, 'p08');
  expect(run.lines).toEqual(['hello bbb', '我是子进程', '我是父进程']);
  expect(run.stdoutOf(named(run, 'MainProcess').pid)).toEqual(['我是父进程']);
  expect(run.timeOf('我是父进程') - run.timeOf('hello bbb')).toBeGreaterThan(900);
  expect(run.exitCode).toBe(0);
});

test('p09: join inside the loop: hellos 1 s apart, the parent last after about 5 s', async ({
  page,
}) => {
  const second = 500; // timeScale 0.5
  const run = await runLesson(page, 'p09', { timeScale: 0.5 });
  const hellos = run.outputs.filter((e) => e.text === 'hello bob');
  expect(hellos).toHaveLength(5);
  expect(new Set(hellos.map((e) => e.pid)).size).toBe(5);
  for (let i = 1; i < 5; i++) expect(hellos[i].t - hellos[i - 1].t).toBeGreaterThan(0.8 * second);
  expect(run.lines.at(-1)).toBe('父进程在执行');
  expect(run.timeOf('父进程在执行') - hellos[0].t).toBeGreaterThan(4.6 * second);
  expect(run.exitCode).toBe(0);
});

test('p10: no join: the parent prints at once; with the joins, after all hellos in about 1 s, not 5', async ({
  page,
}) => {
  const run = await runLesson(page, 'p10');
  const hellos = run.outputs.filter((e) => e.text === 'hello bob');
  expect(hellos).toHaveLength(5);
  expect(new Set(hellos.map((e) => e.pid)).size).toBe(5);
  // main does not wait: its line comes long before any child's 1 s sleep ends
  expect(run.timeOf('父进程在执行') - hellos[0].t).toBeLessThan(300);
  expect(run.durationMs - run.timeOf('父进程在执行')).toBeGreaterThan(800); // children still sleep
  expect(run.durationMs - hellos[0].t).toBeLessThan(2500);

  const joined = await runLesson(page, 'p10', {
    change: uncomment('pLst.forEach((p) => p.join());'),
  });
  const joinedHellos = joined.outputs.filter((e) => e.text === 'hello bob');
  expect(joinedHellos).toHaveLength(5);
  expect(joined.lines.at(-1)).toBe('父进程在执行'); // after all five hellos
  const waited = joined.timeOf('父进程在执行') - joinedHellos[0].t;
  const started = joinedHellos[4].t - joinedHellos[0].t; // the children start within this
  expect(waited).toBeGreaterThan(900); // one 1 s sleep...
  expect(waited - started).toBeLessThan(2500); // ...not five one after another, as in p09
  expect(waited).toBeLessThan(4500);
  expect(joined.exitCode).toBe(0);
});

test('p11: run() of a subclass in 3 processes, 主线程 last; run() alone runs in main and cannot be joined', async ({
  page,
}) => {
  const run = await runLesson(page, 'p11');
  const main = named(run, 'MainProcess');
  const pids = new Set<number>();
  for (const name of ['wupeiqi', 'yuanhao', 'nezha']) {
    const child = named(run, name); // this.name = name renames the process
    expect(run.stdoutOf(child.pid)).toEqual([String(child.pid), `${name} 正在和女主播聊天`]);
    expect(child.pid).not.toBe(main.pid);
    pids.add(child.pid);
  }
  expect(pids.size).toBe(3);
  expect(run.lines).toHaveLength(7);
  expect(run.lines.at(-1)).toBe('主线程');
  expect(run.exitCode).toBe(0);

  // The article: p.run() runs in the calling process, and join only works after start()
  const direct = await runLesson(page, 'p11', {
    change: (source) => uncomment('p2.run();')(source.replace('  p2.start();', '  // p2.start();')),
  });
  const directMain = named(direct, 'MainProcess');
  expect(direct.stdoutOf(directMain.pid)).toEqual([
    String(directMain.pid),
    'yuanhao 正在和女主播聊天',
  ]);
  expect(direct.lines).toContain('wupeiqi 正在和女主播聊天');
  expect(direct.lines).toContain('nezha 正在和女主播聊天');
  expect(direct.stderr).toContain('AssertionError: can only join a started process');
  expect(direct.stderr).toMatch(/in <module>\n\s+p2\.join\(\);/);
  expect(direct.lines).not.toContain('主线程');
  expect(direct.exitCode).toBe(1);
});

test('p12: 主 first; the run() of the subclass prints running, then over about 2 s later', async ({
  page,
}) => {
  const run = await runLesson(page, 'p12', { timeScale: 0.5 });
  expect(run.lines).toEqual(['主', 'coco is running', 'coco is over']);
  const child = named(run, 'coco');
  expect(run.stdoutOf(child.pid)).toEqual(['coco is running', 'coco is over']); // run() only
  expect(run.timeOf('coco is over') - run.timeOf('coco is running')).toBeGreaterThan(800); // 2 s x 0.5
  expect(run.exitCode).toBe(0);
});

test('p13: joins take the longest time, not the sum; lolo ends 1 s before dodo, 4 s in all', async ({
  page,
}) => {
  const run = await runLesson(page, 'p13');
  // Part A: sleeps of 0, 1 and 2 s end in that order
  const overs = ['进程0 is over', '进程1 is over', '进程2 is over'].map((l) => run.indexOf(l));
  expect(overs.every((i) => i >= 0)).toBe(true);
  expect(overs).toEqual([...overs].sort((a, b) => a - b));
  // the three joins end with the longest process (2 s), not after 0 + 1 + 2 = 3 s
  const starts = ['进程0', '进程1', '进程2'].map((n) => run.timeOf(`${n} is running`));
  const partB = run.timeOf('dodo is running');
  expect(run.indexOf('进程2 is over')).toBeLessThan(run.indexOf('dodo is running'));
  expect(partB - Math.min(...starts)).toBeGreaterThan(1800);
  expect(partB - Math.max(...starts)).toBeLessThan(2700);
  // Part B: lolo (1 s) ends about 1 s before dodo (2 s)
  expect(run.indexOf('lolo is over')).toBeLessThan(run.indexOf('dodo is over'));
  const gap = run.timeOf('dodo is over') - run.timeOf('lolo is over');
  expect(gap).toBeGreaterThan(500);
  expect(gap).toBeLessThan(1500);
  expect(run.durationMs - Math.min(...starts)).toBeGreaterThan(3800);
  expect(run.durationMs - Math.min(...starts)).toBeLessThan(6000);
  expect(run.exitCode).toBe(0);
});

test('p14: is_alive() right after terminate() is true; lolo is over never prints', async ({
  page,
}) => {
  // A real race: if the page ends the child before main's next line runs (main paused on a
  // loaded machine), it prints false. A synchronous terminate() would print false every time.
  const aliveOnce = await usualWithin(3, async () => {
    const run = await runLesson(page, 'p14');
    const main = named(run, 'MainProcess');
    const [isAlive, last] = run.stdoutOf(main.pid);
    expect(['true', 'false']).toContain(isAlive);
    expect(last).toBe(`主 ${main.pid} 1`);
    expect(run.lines).not.toContain('lolo is over');
    expect(named(run, 'Process-1').exitCode).toBe(-15);
    expect(run.exitCode).toBe(0);
    return isAlive === 'true';
  });
  expect(aliveOnce).toBe(true);
});

test('p15: name Process-1, is_alive true then false, pid is the child getpid, exit codes null, 0, -15', async ({
  page,
}) => {
  const run = await runLesson(page, 'p15');
  const main = named(run, 'MainProcess');
  const lolo = run.lines.find((l) => l.startsWith('lolo run '))!;
  const [, pid, ppid] = /^lolo run (\d+) (\d+)$/.exec(lolo)!.map(Number);
  expect(ppid).toBe(main.pid);
  expect(run.lines).toContain(`lolo is running ${pid}`); // currentProcess().pid
  expect(run.stdoutOf(main.pid)).toEqual([
    'true', // isAlive() while running
    'null', // exitCode while running
    'Process-1', // name
    'false', // isAlive() after join
    'false', // and after terminate() of an ended process
    String(pid), // p.pid is the child's own getpid()
    '0', // exitCode after a normal end
    '-15', // a second process, terminated, then joined: ended by signal 15
  ]);
  expect(run.lines).toContain('lolo is over');
  expect(run.lines).not.toContain('coco is over');
  expect(run.exitCode).toBe(0);
});

test('p16: join(0.0001) returns at once: 开始 before is piao end, as Piao-1', async ({ page }) => {
  const second = 500; // timeScale 0.5
  const run = await runLesson(page, 'p16', { timeScale: 0.5 });
  expect(run.lines).toHaveLength(3);
  expect(run.lines).toContain('Piao-1 is piaoing'); // the name CPython 3 prints, not egon
  expect(run.indexOf('开始')).toBeLessThan(run.indexOf('Piao-1 is piao end'));
  // the timed join did not wait for the child's sleep (1 or 2 s)
  expect(run.timeOf('开始') - run.timeOf('Piao-1 is piaoing')).toBeLessThan(0.5 * second);
  const slept = (run.timeOf('Piao-1 is piao end') - run.timeOf('Piao-1 is piaoing')) / second;
  expect([1, 2]).toContain(Math.round(slept));
  expect(Math.abs(slept - Math.round(slept))).toBeLessThan(0.3);
  expect(run.exitCode).toBe(0);
});

test('p17: main blocks in join: the child is done before 主..., which prints the child pid', async ({
  page,
}) => {
  const run = await runLesson(page, 'p17', { timeScale: 0.25 });
  const child = named(run, 'Process-1');
  expect(run.lines).toEqual(['子进程1 is running', '子进程1 is done', '主...', String(child.pid)]);
  expect(run.stdoutOf(child.pid)).toEqual(['子进程1 is running', '子进程1 is done']);
  expect(run.timeOf('主...') - run.timeOf('子进程1 is running')).toBeGreaterThan(650); // 3 s x 0.25
  expect(run.exitCode).toBe(0);
});
