import { expect, test } from '@playwright/test';
import { monacoShown, openWith, runToEnd, watchLongTasks } from './support/playground';

// A *.solo.spec.ts runs after every other test, alone on the machine (playwright.config.ts):
// what it measures is the page's own work, not another test's load on the same two cores.

test('100,000 printed lines all arrive, and the page never blocks for 200 ms', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, 'for (let i = 0; i < 100000; i++) print(`line ${i}`);\n');
  await monacoShown(page); // its own start-up is one long task, before the run
  const longestTask = await watchLongTasks(page);
  await runToEnd(page, 90_000);
  const longest = await longestTask();
  expect(longest).toBeLessThan(200);
  // The view followed the output to its end; only the rows in view exist.
  await expect(page.locator('.line .text').last()).toHaveText('line 99999');
  expect(await page.locator('.line').count()).toBeLessThan(200);
  // Copy all copies every line.
  await page.getByRole('button', { name: 'Copy all' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  expect(copied).toHaveLength(100_001);
  expect(copied[0]).toBe('[MainProcess 1000] line 0');
  expect(copied[99_999]).toBe('[MainProcess 1000] line 99999');
});
