import { runLesson } from '../support/lessons';
import { expect, test, type RunResult } from '../support/runner';

test('p37: LoopThread counts 1 to 5 a second apart between the MainThread lines', async ({
  page,
}) => {
  const second = 200; // timeScale 0.2
  const run = await runLesson(page, 'p37', { timeScale: 0.2 });
  expect(run.stdout).toEqual([
    'thread MainThread is running...',
    'thread LoopThread is running...',
    ...[1, 2, 3, 4, 5].map((n) => `thread LoopThread >>> ${n}`),
    'thread LoopThread ended.',
    'thread MainThread ended.',
  ]);
  // currentThread().name is the name of the thread that prints
  expect(run.stdoutOf('LoopThread')).toHaveLength(7);
  expect(run.stdoutOf('MainProcess')).toEqual([
    'thread MainThread is running...',
    'thread MainThread ended.',
  ]);
  const ticks = run.outputs.filter((e) => e.text.includes('>>>')).map((e) => e.t);
  for (let i = 1; i < 5; i++) expect(ticks[i] - ticks[i - 1]).toBeGreaterThan(0.8 * second);
  const loop =
    run.timeOf('thread LoopThread ended.') - run.timeOf('thread LoopThread is running...');
  expect(loop).toBeGreaterThan(5 * second * 0.95);
  expect(run.exitCode).toBe(0);
});

/** ctime()'s clock as seconds of the day: `Tue Nov 24 09:07:18 2026` -> 32838. */
function secondsOf(ctime: string): number {
  const [h, m, s] = /(\d\d):(\d\d):(\d\d) \d{4}$/.exec(ctime)!.slice(1).map(Number);
  return h * 3600 + m * 60 + s;
}

/**
 * p38-p40: four threads sleeping 1-4 s start together, end in order 0-3, and main is done
 * after the longest sleep (4 s), not the sum (10 s). `start(i)` and `end(i)` match loop i's lines.
 */
function expectLoopsOverlap(
  run: RunResult,
  second: number,
  start: (i: number) => RegExp,
  end: (i: number) => RegExp,
  done: RegExp,
) {
  expect(run.stdout).toHaveLength(10);
  expect(run.stdout[0]).toMatch(/^程序开始于:/);
  expect(run.stdout[9]).toMatch(done);
  const starts = [0, 1, 2, 3].map((i) => run.timeOf(start(i)));
  expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(second); // together
  const ends = run.stdout.map((l) => [0, 1, 2, 3].findIndex((i) => end(i).test(l)));
  expect(ends.filter((i) => i >= 0)).toEqual([0, 1, 2, 3]);
  for (const i of [0, 1, 2, 3]) {
    const slept = (run.timeOf(end(i)) - starts[i]) / second;
    expect(slept).toBeGreaterThan((i + 1) * 0.95);
    expect(slept).toBeLessThan(i + 1 + 0.5);
  }
  const took = (run.timeOf(done) - run.timeOf(/^程序开始于/)) / second;
  expect(took).toBeGreaterThan(4 * 0.95);
  expect(took).toBeLessThan(6); // the longest sleep, not 1 + 2 + 3 + 4 = 10
  expect(run.exitCode).toBe(0);
}

test('p38: four threads start in the same second, end in order 0-3, done after 4 s not 10', async ({
  page,
}) => {
  const run = await runLesson(page, 'p38'); // real seconds: ctime() shows them
  expectLoopsOverlap(
    run,
    1000,
    (i) => new RegExp(`^开始循环线程:${i}at:`),
    (i) => new RegExp(`^循环${i}结束于:`),
    /^任务完成于:/,
  );
  // ctime() has whole seconds: the starts fall in the second of 程序开始于 (or the next one)
  const begun = secondsOf(run.stdout[0]);
  for (const line of run.stdout.slice(1, 5)) expect(secondsOf(line) - begun).toBeLessThanOrEqual(1);
  expect([4, 5]).toContain(secondsOf(run.stdout[9]) - begun);
});

test('p39: a callable ThreadFunc instance as target: end in order 0-3, done after 4 s', async ({
  page,
}) => {
  const run = await runLesson(page, 'p39');
  expectLoopsOverlap(
    run,
    1000,
    (i) => new RegExp(`^开始循环 ${i} 在:`),
    (i) => new RegExp(`^结束循环 ${i} 于:`),
    /^任务完成于:/,
  );
});

test('p40: a Thread subclass running self.func: end in order 0-3, done after 4 s; named loop', async ({
  page,
}) => {
  const run = await runLesson(page, 'p40');
  expectLoopsOverlap(
    run,
    1000,
    (i) => new RegExp(`^开始循环 ${i} 在: `),
    (i) => new RegExp(`^结束循环 ${i} 于: `),
    /^所有的任务完成于: /,
  );
  const threads = run.processes().filter((p) => p.kind === 'thread');
  expect(threads.map((t) => t.name)).toEqual(['loop', 'loop', 'loop', 'loop']);
});

test('p41: without a lock the ten threads print 1 to 10, give or take a collision; a plain list is not shared', async ({
  page,
}) => {
  const run = await runLesson(page, 'p41');
  // Mostly 1 to 10. The Workers start within a few ms of each other on two cores, so two lines
  // may swap places, and now and then two increments collide and one is lost (a number repeats):
  // the race this lesson is about, which CPython's threads rarely show.
  const values = run.stdout.map(Number);
  expect(values).toHaveLength(10);
  expect(values.every((v) => Number.isInteger(v) && v >= 1 && v <= 10)).toBe(true);
  expect(new Set(values).size).toBeGreaterThanOrEqual(7);
  expect(run.exitCode).toBe(0);

  // The article's plain counter = [0]: each Worker increments its own copy.
  const plain = await runLesson(page, 'p41', {
    change: (s) => s.replace("new SharedArray('i', [0])", '[0]'),
  });
  expect(plain.stdout).toEqual(Array(10).fill('1'));
});

test('p42: with sleep(1) before the print the first line is no longer 1 but the count of many threads', async ({
  page,
}) => {
  const run = await runLesson(page, 'p42'); // real seconds, on a page whose Worker pool is warm
  const values = run.stdout.map(Number);
  expect(values).toHaveLength(10);
  // During the first thread's second the threads already running incremented too. Threads
  // that found no warm Worker may start after that second (see the lesson's note), so the
  // first line is the count of the threads that started in time, not always 10.
  expect(values[0]).toBeGreaterThanOrEqual(3);
  expect(values.every((v) => v >= values[0] && v <= 10)).toBe(true);
  expect(run.exitCode).toBe(0);
});

test('p43: the mutex makes the threads print 1, 2, 3 ... in ascending order, a second apart', async ({
  page,
}) => {
  const second = 100; // timeScale 0.1
  const run = await runLesson(page, 'p43', { timeScale: 0.1 });
  expect(run.stdout.map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const times = run.outputs.map((e) => e.t);
  for (let i = 1; i < 20; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(0.8 * second);
  expect(run.exitCode).toBe(0);
});

test('p44: a second acquire by the owner does not block; the other thread gets the RLock only after both releases', async ({
  page,
}) => {
  const second = 1000;
  const run = await runLesson(page, 'p44');
  expect(run.stdout).toEqual([
    'owner: 第一层 acquire',
    'owner: 第二层 acquire,没有阻塞',
    'other: 等 owner 释放锁...',
    'owner: 释放第二层,锁还没解开',
    'owner: 释放第一层,锁解开了',
    'other: 拿到锁了',
  ]);
  expect(run.stdoutOf('other')).toEqual(['other: 等 owner 释放锁...', 'other: 拿到锁了']);
  // After the first release the lock stayed held for the owner's second 1 s sleep.
  expect(run.timeOf('other: 拿到锁了') - run.timeOf(/^owner: 释放第二层/)).toBeGreaterThan(
    0.9 * second,
  );
  expect(run.exitCode).toBe(0);

  // With a plain Lock the owner's second acquire waits for itself, as in p30.
  const locked = await runLesson(page, 'p44', {
    change: (s) =>
      "import { Lock } from 'threading';\n" +
      s.replace('const rlock = new RLock()', 'const rlock = new Lock()'),
  });
  expect(locked.stdout).toEqual(['owner: 第一层 acquire']);
  expect(locked.end.reason).toBe('deadlock');
  expect(locked.deadlockText).toMatch(/owner \(pid \d+\) holds rlock, waits for rlock \(Lock\)/);
});

test('p45: the Condition chain prints 1, 2, 3 ... in order; the last thread is never notified', async ({
  page,
}) => {
  const second = 100; // timeScale 0.1
  const run = await runLesson(page, 'p45', { timeScale: 0.1 });
  expect(run.stdout.map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const times = run.outputs.map((e) => e.t);
  for (let i = 1; i < 20; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(0.8 * second);
  // Python hangs here; the runtime reports it: one thread waits on con, main waits for it.
  expect(run.end.reason).toBe('deadlock');
  const report = run.deadlockText;
  expect(report.match(/waits for con \(Condition\)/g)).toHaveLength(1);
  expect(report).toMatch(/MainProcess \(pid 1000\) waits for \d+ to end \(join\)/);
});

test('p46: BoundedSemaphore(5) lets at most 5 threads in: bursts of at most 5 lines a second apart', async ({
  page,
}) => {
  const second = 500; // timeScale 0.5
  const run = await runLesson(page, 'p46', { timeScale: 0.5 });
  const values = run.stdout.map(Number);
  expect(values).toHaveLength(20);
  // 20 increments; five threads inside at once really do run in parallel here, so now and then
  // two increments collide and one is lost (the semaphore does not protect the counter).
  expect(Math.max(...values)).toBeGreaterThanOrEqual(18);
  expect(Math.max(...values)).toBeLessThanOrEqual(20);
  // Each line ends a 1 s stay inside. Six lines within less than 1 s would mean six threads
  // inside at once, so any six consecutive lines span at least about a second.
  const times = run.outputs.map((e) => e.t);
  for (let i = 0; i + 5 < 20; i++) expect(times[i + 5] - times[i]).toBeGreaterThan(0.8 * second);
  // 20 threads, 5 at a time: four rounds of 1 s
  expect(times[19] - times[0]).toBeGreaterThan(3 * second * 0.95);
  expect(run.exitCode).toBe(0);
});

test('p47: green 6 s, red 5 s, a silent second, then 5 and 5; the car waits out each red light', async ({
  page,
}) => {
  const second = 250; // timeScale 0.25
  const run = await runLesson(page, 'p47', { timeScale: 0.25, timeoutMs: 8000 });
  expect(run.end.reason).toBe('timeout'); // both threads loop for ever
  const lights = run.outputs.filter((e) => e.text.includes('light is on...'));
  expect(lights.every((e) => e.name === 'Thread-1')).toBe(true);
  // the colour codes print as raw text
  expect(lights[0].text).toBe('\x1b[42;1mgreen light is on...\x1b[0m');
  const colours = lights.map((e) => (e.text.includes('green') ? 'G' : 'R')).join('');
  const pattern = 'G'.repeat(6) + ('R'.repeat(5) + 'G'.repeat(5)).repeat(3);
  expect(pattern.startsWith(colours)).toBe(true);
  expect(colours).toMatch(/^G{6}R{5}G{5}R{5}/); // at least two red phases in 8 s (x 0.25)

  // One line per second; from the last red to the next green, two (the silent second).
  const redPhases: [number, number][] = [];
  for (let i = 1; i < lights.length; i++) {
    const gap = (lights[i].t - lights[i - 1].t) / second;
    const afterRed = colours[i - 1] === 'R' && colours[i] === 'G';
    expect(gap).toBeGreaterThan(afterRed ? 1.6 : 0.6);
    expect(gap).toBeLessThan(afterRed ? 2.6 : 1.6);
  }
  for (let i = 0; i < colours.length; i++) {
    if (colours[i] === 'R' && colours[i - 1] === 'G') redPhases.push([lights[i].t, lights[i].t]);
    if (colours[i] === 'R') redPhases.at(-1)![1] = lights[i].t;
  }
  const car = run.outputs.filter((e) => e.text.startsWith('[MINI]'));
  expect(car.every((e) => e.name === 'Thread-2')).toBe(true);
  const end = run.outputs.at(-1)!.t;
  for (const [firstRed, lastRed] of redPhases) {
    // no running... while red (allowing half a second for the two threads' ticks to differ)
    const during = car.filter((e) => e.t > firstRed + second / 2 && e.t < lastRed + second / 2);
    expect(during.filter((e) => e.text === '[MINI] running...')).toEqual([]);
    if (firstRed + 1.5 * second > end) continue; // the run stopped before the car looked
    // sees red once, then start going when the light is set, about 5 s after the first red
    const seen = car.filter((e) => e.text === '[MINI] sees red light,waiting...');
    expect(seen.filter((e) => e.t > firstRed - second / 2 && e.t < lastRed)).toHaveLength(1);
    if (lastRed + 1.5 * second > end) continue;
    const going = car.find((e) => e.text.endsWith('start going...') && e.t > firstRed)!;
    expect((going.t - firstRed) / second).toBeGreaterThan(4.5);
    expect((going.t - firstRed) / second).toBeLessThan(6);
  }
  expect(car.filter((e) => e.text === '[MINI] running...').length).toBeGreaterThan(8);
});

test('p48: the Timer prints hello, world after about 1 s, then the run ends', async ({ page }) => {
  const run = await runLesson(page, 'p48');
  expect(run.stdout).toEqual(['hello, world']);
  expect(run.timeOf('hello, world')).toBeGreaterThanOrEqual(1000);
  expect(run.durationMs - run.timeOf('hello, world')).toBeLessThan(1000);
  expect(run.end.reason).toBe('exit');
  expect(run.exitCode).toBe(0);
});
