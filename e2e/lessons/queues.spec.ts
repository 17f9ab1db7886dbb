import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

/** Removes the `// ` in front of `code`, a line the article left commented out. */
function uncomment(code: string) {
  return (source: string) => {
    if (!source.includes(`// ${code}`)) throw new Error(`no commented-out ${code}`);
    return source.replace(`// ${code}`, code);
  };
}

test('p33: Queue(3) gives the items back in put order; a 4th put blocks for ever', async ({
  page,
}) => {
  const run = await runLesson(page, 'p33');
  expect(run.stdout).toEqual(['first', '{ second: null }', '三']);
  expect(run.exitCode).toBe(0);

  const blocked = await runLesson(page, 'p33', { change: uncomment('q.put(4);') });
  expect(blocked.stdout).toEqual([]); // the put blocks before the first get
  expect(blocked.end.reason).toBe('deadlock');
  expect(blocked.deadlockText).toContain('MainProcess (pid 1000) waits for q (Queue)');
});

const PRODUCERS = [
  ['egon', '包子'],
  ['刘清政', '泔水'],
  ['杨军', '米饭'],
];

test('p34: 15 foods made and each eaten once after it was made; the consumers then wait for ever', async ({
  page,
}) => {
  const run = await runLesson(page, 'p34', { timeScale: 0.2 });
  const made = run.outputs.filter((e) => e.text.startsWith('生产者者===》'));
  const ate = run.outputs.filter((e) => e.text.startsWith('消费者===》'));
  expect(made).toHaveLength(15);
  expect(ate).toHaveLength(15);
  for (const [name, food] of PRODUCERS) {
    // each producer makes its foods 0...4 in order
    const own = made.filter((e) => e.text.startsWith(`生产者者===》${name} 生产了 `));
    expect(own.map((e) => e.text)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `生产者者===》${name} 生产了 ${food}${i}`),
    );
  }
  // each food is eaten exactly once, by alex or 梁书东, after the line that made it
  const eaten = ate.map((e) => /^消费者===》(alex|梁书东) 吃了 (\S+)$/.exec(e.text)![2]);
  const foods = made.map((e) => e.text.split(' 生产了 ')[1]);
  expect([...eaten].sort()).toEqual([...foods].sort());
  for (const e of ate) {
    const food = e.text.split(' 吃了 ')[1];
    expect(made.find((m) => m.text.endsWith(` ${food}`))!.t).toBeLessThan(e.t);
  }
  // The program never ends by itself: the runtime reports everyone waiting.
  expect(run.end.reason).toBe('deadlock');
  const report = run.deadlockText;
  expect(report.match(/waits for q \(Queue\)/g)).toHaveLength(2); // the two consumers
  expect(report).toContain('MainProcess (pid 1000) waits for');
});

test('p49: FIFO in order, LIFO reversed, priority smallest first; Full, Empty; join waits for taskDone', async ({
  page,
}) => {
  const run = await runLesson(page, 'p49', { timeScale: 0.2 });
  expect(run.stdout).toEqual([
    "Queue (FIFO): [[3, '三'], [1, '一'], [2, '二']]",
    "LifoQueue (LIFO): [[2, '二'], [1, '一'], [3, '三']]",
    "PriorityQueue: [[1, '一'], [2, '二'], [3, '三']]",
    'Queue(0): qsize 1000, full false',
    'Queue(-1): qsize 1000, full false',
    'put(block=False) on a full queue: Full true',
    'get(block=False) on an empty queue: Empty true',
    'get(timeout=0.5) on an empty queue: Empty', // the article says Full
    '处理完 0',
    '处理完 1',
    '处理完 2',
    'join 返回了:3 个任务都 task_done 了',
  ]);
  // The timed get waited its 0.5 s (x 0.2) before raising.
  expect(
    run.timeOf(/^get\(timeout=0\.5\)/) - run.timeOf(/^get\(block=False\)/),
  ).toBeGreaterThanOrEqual(0.5 * 200 * 0.9);
  // join returned only after the last item's 0.5 s (x 0.2) of work and its taskDone.
  expect(run.timeOf(/^join 返回了/)).toBeGreaterThanOrEqual(run.timeOf('处理完 2'));
  expect(run.timeOf(/^join 返回了/) - run.timeOf(/^get\(timeout/)).toBeGreaterThan(3 * 100 * 0.9);
  expect(run.exitCode).toBe(0);
});

test('p50: 15 items produced at once, consumed one per 2 s; 主线程~ last, after the 15th task_done', async ({
  page,
}) => {
  const second = 200; // timeScale 0.2
  const run = await runLesson(page, 'p50', { timeScale: 0.2 });
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/\x1b\[\d+m/g, '');
  const produced = run.outputs.filter((e) => /^生产者\d生产了/.test(e.text));
  const consumed = run.outputs.filter((e) => e.text.startsWith('消费者消费了'));
  expect(produced).toHaveLength(15);
  for (const k of [0, 1, 2]) {
    expect(
      produced.filter((e) => e.text.startsWith(`生产者${k}`)).map((e) => plain(e.text)),
    ).toEqual([0, 1, 2, 3, 4].map((i) => `生产者${k}生产了${i}`));
  }
  // The colour codes are printed as they are, ESC included.
  // eslint-disable-next-line no-control-regex
  expect(produced[0].text).toMatch(/^生产者\d生产了\x1b\[3\dm\d\x1b\[0m$/);
  // put never blocks: each producer's five lines come at once, not one per consumption (2 s),
  // and all 15 within the consumer's first 2 s
  for (const k of [0, 1, 2]) {
    const own = produced.filter((e) => e.text.startsWith(`生产者${k}`)).map((e) => e.t);
    expect(own[4] - own[0]).toBeLessThan(0.25 * second);
  }
  expect(produced.at(-1)!.t - produced[0].t).toBeLessThan(2 * second);
  // one item every 2 s, 15 in all, each of 0...4 three times
  expect(consumed).toHaveLength(15);
  expect(consumed.map((e) => plain(e.text).slice('消费者消费了'.length)).sort()).toEqual(
    ['0', '1', '2', '3', '4'].flatMap((x) => [x, x, x]),
  );
  for (let i = 1; i < 15; i++)
    expect(consumed[i].t - consumed[i - 1].t).toBeGreaterThan(2 * second * 0.8);
  expect(consumed.at(-1)!.t - produced[0].t).toBeGreaterThan(30 * second * 0.95);
  // q.join() lets the producers end only after the 15th task_done: 主线程~ is the last line
  expect(run.lines.at(-1)).toBe('主线程~');
  expect(run.lines).toHaveLength(31);
  expect(run.end.reason).toBe('exit');
  expect(run.exitCode).toBe(0);
});
