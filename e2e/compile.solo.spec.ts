import { expect, test } from '@playwright/test';
import { manyShortStatements } from './support/large-program';
import { monacoShown, openWith, runToEnd } from './support/playground';

// A *.solo.spec.ts runs after every other test, alone on the machine (playwright.config.ts):
// what it measures is the page's own work, not another test's load on the same two cores.

test('while a 64 KB program compiles and runs, the page never blocks for 200 ms', async ({
  page,
}) => {
  const { source, blocks } = manyShortStatements(64 * 1024);
  await openWith(page, `${source}\nprint(\`total \${total}\`);\n`);
  await monacoShown(page); // its own start-up is one long task, before the run
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  await runToEnd(page);
  await expect(page.locator('.line .text')).toHaveText([`total ${900 * blocks}`]);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(200);
});
