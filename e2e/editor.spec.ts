import { expect, test } from '@playwright/test';
import { monacoShown, openWith } from './support/playground';

test('completion offers Process after `import { Pro`, with its documentation', async ({ page }) => {
  await openWith(page, "import {  } from 'multiprocessing';\n");
  await monacoShown(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 'import { '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Pro');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.filter({ hasText: /^Process/ }).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(suggestions.filter({ hasText: /^ProcessError/ }).first()).toBeVisible();
});

test('a wrong call into a playground module is underlined with the rule it broke', async ({
  page,
}) => {
  await openWith(page, "import { sleep } from 'time';\nsleep('one');\n");
  await monacoShown(page);
  const squiggle = page.locator('.monaco-editor .squiggly-error');
  await expect(squiggle).toHaveCount(1, { timeout: 30_000 });
  await page.locator('.view-lines span', { hasText: "'one'" }).last().hover();
  await expect(page.locator('.monaco-hover:not(.hidden)').first()).toContainText(
    "Argument of type 'string' is not assignable to parameter of type 'number'",
  );
});

test("a gallery lesson shows no error: the editor knows the modules and a Worker's globals", async ({
  page,
}) => {
  await page.goto('/?lesson=p36'); // threads, time's sleepAsync, Promise.all, top-level await
  await monacoShown(page);
  // Wait until the checker has run: a deliberate error appears, then nothing else is marked.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nconst wrong: number = "x";');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1, { timeout: 30_000 });
});
