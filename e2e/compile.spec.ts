import { expect, test } from '@playwright/test';
import { manyShortStatements } from './support/large-program';
import { openWith, runToEnd } from './support/playground';

// Programs compile in the program compiler's Worker (src/compile/program-compiler.ts), never
// on the page thread. The page's longest task meanwhile: compile.solo.spec.ts.

test('a 64 KB program of short statements compiles in its Worker and runs', async ({ page }) => {
  const { source, blocks } = manyShortStatements(64 * 1024);
  await openWith(page, `${source}\nprint(\`total \${total}\`);\n`);
  await runToEnd(page);
  await expect(page.locator('.line .text')).toHaveText([`total ${900 * blocks}`]);
  await expect(page.locator('.line.system').last()).toContainText('exit code 0');
  expect(page.workers().map((worker) => worker.url())).toContainEqual(
    expect.stringContaining('program-compiler-worker'),
  );
});

test("a 64 KB program's errors point at its own lines", async ({ page }) => {
  const { source } = manyShortStatements(64 * 1024);
  const last = source.split('\n').length + 1;
  await openWith(page, `${source}\nthrow new Error('at the end');\n`);
  await runToEnd(page);
  await expect(page.locator('.console')).toContainText(`File "main.ts", line ${last}`);
  await expect(page.locator('.console')).toContainText('Error: at the end');

  await openWith(page, `${source}\nconst broken = ;\n`);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line.system.error')).toContainText(`line ${last}, column 16`);
});

test('Stop while a program compiles keeps it from starting', async ({ page }) => {
  const { source } = manyShortStatements(64 * 1024);
  await openWith(page, `print('started');\n${source}\n`);
  // Both clicks in one task: the compiler's answer can only come in a later one.
  await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>('#run')!.click();
    document.querySelector<HTMLButtonElement>('#stop')!.click();
  });
  await expect(page.getByRole('button', { name: /Stop/ })).toBeDisabled();
  await page.waitForTimeout(2000); // a program that started would have printed by now
  expect(await page.locator('.line').allTextContents()).toEqual([]);
  await expect(page.locator('body')).toHaveAttribute('data-running', 'false');
  await runToEnd(page); // and Run works again
  await expect(page.locator('.line .text')).toHaveText(['started']);
});
