import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

test('p01: both child lines come first, main follows about 1 s after the start', async ({
  page,
}) => {
  const run = await runLesson(page, 'p01');
  expect(run.lines).toEqual(['hello bbb', '我是子进程', '执行主程序的内容了']);
  expect(run.timeOf('执行主程序的内容了') - run.timeOf('hello bbb')).toBeGreaterThan(700);
  expect(run.exitCode).toBe(0);
});
