import { expect, test } from '@playwright/test';
import { manyShortStatements } from './support/large-program';
import { monacoShown, openWith, runToEnd, watchLongTasks } from './support/playground';

// A *.solo.spec.ts runs after every other test, alone on the machine (playwright.config.ts):
// what it measures is the page's own work, not another test's load on the same two cores.

test('while a 64 KB program compiles and runs, the page never blocks for 200 ms', async ({
  page,
}) => {
  const { source, blocks } = manyShortStatements(64 * 1024);
  await openWith(page, `${source}\nprint(\`total \${total}\`);\n`);
  await monacoShown(page); // its own start-up is one long task, before the run
  const longestTask = await watchLongTasks(page);
  await runToEnd(page);
  await expect(page.locator('.line .text')).toHaveText([`total ${900 * blocks}`]);
  const longest = await longestTask();
  expect(longest).toBeLessThan(200);
});
