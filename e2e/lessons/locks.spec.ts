import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

/** Appends `lines` inside the lesson's final `if (__name__ === '__main__')` block. */
function atEndOfMain(
  lines: string,
  imports = "import { activeChildren } from 'multiprocessing';\n",
) {
  return (source: string) => {
    const end = source.lastIndexOf('}');
    return imports + source.slice(0, end) + lines + '\n' + source.slice(end);
  };
}

const joinAllAndShow = (file: string) =>
  atEndOfMain(
    `  activeChildren().forEach((p) => p.join());\n  print('file:', readFileSync('${file}', 'utf8'));`,
  );

test('p27: exactly one buyer gets the ticket, purchases are serialised, the file ends at 0', async ({
  page,
}) => {
  const run = await runLesson(page, 'p27', { change: joinAllAndShow('file') });
  // Started first, the show processes see the one ticket; one that starts late (a loaded
  // machine) sees what the file holds by then, 0 only after the purchase was written.
  const bought = run.timeOf(/^\d买到票了$/);
  const shows = run.outputs.filter((e) => e.text.startsWith('余票还剩'));
  expect(shows).toHaveLength(10);
  for (const show of shows) expect(show.text === '余票还剩1' || show.t > bought).toBe(true);
  expect(run.count(/^\d买到票了$/)).toBe(1);
  expect(run.count(/^\d没有买到票$/)).toBe(9);
  expect(run.stdout.at(-1)).toBe('file: {"ticket":0}');
  // Ten buyers each hold the lock for two 0.1 s sleeps: at least 2 s in all.
  const buys = run.outputs.filter((e) => /买到票|没有买到票/.test(e.text)).map((e) => e.t);
  expect(buys.at(-1)! - buys[0]).toBeGreaterThan(9 * 190);
});

test('p59: without the lock the single ticket is sold many times over', async ({ page }) => {
  const run = await runLesson(page, 'p59');
  expect(run.count(/^\d买到票了$/)).toBeGreaterThan(1);
  expect(run.count(/^\d(没有)?买到票(了)?$/)).toBe(10);
  expect(run.stdout.at(-1)).toBe('file: {"ticket":0}');
});

test('p28: join makes the three tasks run one after another, about 18 s (scaled)', async ({
  page,
}) => {
  const run = await runLesson(page, 'p28', { timeScale: 0.1 });
  expect(run.stdout).toEqual([
    '你好,阿森。。。',
    '吃饭',
    '下雨',
    '你好,阿三。。。',
    '吃面',
    '下雪',
    '你好,阿四。。。',
    '吃米',
    '下冰雹',
  ]);
  expect(run.durationMs).toBeGreaterThan(18_000 * 0.1 * 0.95);
});

const TASKS = [
  ['你好,阿森。。。', '吃饭', '下雨'],
  ['你好,阿三。。。', '吃面', '下雪'],
  ['你好,阿四。。。', '吃米', '下冰雹'],
];

test('p29: under the mutex each task keeps its three lines together, in any task order', async ({
  page,
}) => {
  const run = await runLesson(page, 'p29', { timeScale: 0.1 });
  expect(run.stdout).toHaveLength(9);
  const groups = [0, 3, 6].map((k) => run.stdout.slice(k, k + 3));
  expect(groups.map((g) => JSON.stringify(g)).sort()).toEqual(
    TASKS.map((t) => JSON.stringify(t)).sort(),
  );
  expect(run.exitCode).toBe(0);
});

test('p30: as written both lines print; without the release the runtime reports the deadlock', async ({
  page,
}) => {
  const run = await runLesson(page, 'p30');
  expect(run.stdout).toEqual(['抢到了', '接着抢']);
  const stuck = await runLesson(page, 'p30', {
    change: (s) => s.replace(/^l\.release\(\);.*$/m, ''),
  });
  expect(stuck.stdout).toEqual(['抢到了']);
  expect(stuck.end.reason).toBe('deadlock');
  const report = stuck.raw.events.find((e) => e.type === 'deadlock');
  expect(report?.type === 'deadlock' && report.report.text).toContain(
    'MainProcess (pid 1000) holds l, waits for l (Lock) (held by MainProcess)',
  );
});

test('p31: one success, nine failures, ten distinct pids, the file ends at 0', async ({ page }) => {
  const run = await runLesson(page, 'p31', {
    timeScale: 0.2,
    change: joinAllAndShow('ticket.json'),
  });
  const wins = run.stdout.filter((l) => l.endsWith('恭喜你抢票成功'));
  const losses = run.stdout.filter((l) => l.endsWith('抢票失败,开个加速包试一试'));
  expect(wins).toHaveLength(1);
  expect(losses).toHaveLength(9);
  const pids = new Set([...wins, ...losses].map((l) => parseInt(l, 10)));
  expect(pids.size).toBe(10);
  expect(run.stdout.filter((l) => /正在查票,票还有[01]$/.test(l))).toHaveLength(10);
  expect(run.stdout.at(-1)).toBe('file: {"count":0}');
});

test('p32: each task keeps its three lines together; the run takes 6-18 s (scaled)', async ({
  page,
}) => {
  const run = await runLesson(page, 'p32', { timeScale: 0.1 });
  expect(run.stdout).toHaveLength(9);
  for (let k = 0; k < 9; k += 3) {
    const task = run.stdout[k].slice(0, 5);
    expect(run.stdout.slice(k, k + 3).every((l) => l.startsWith(task))).toBe(true);
  }
  expect(new Set([0, 3, 6].map((k) => run.stdout[k].slice(0, 5))).size).toBe(3);
  expect(run.durationMs).toBeGreaterThan(6000 * 0.1 * 0.95);
  expect(run.durationMs).toBeLessThan(18000 * 0.1 + 1500);
});
