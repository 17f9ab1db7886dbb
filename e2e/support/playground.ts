import { expect, type Page } from '@playwright/test';

/**
 * Opens the playground (at `path`) with `program` as the saved welcome program, once its
 * Workers have loaded (the dev server serves them module by module: slow on a cold start).
 */
export async function openWith(page: Page, program: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.evaluate((text) => localStorage.setItem('playground:program:welcome', text), program);
  await page.reload();
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
}

/** Waits until Monaco has replaced the textarea editor. */
export async function monacoShown(page: Page): Promise<void> {
  await expect(page.locator('.editor-pane[data-editor=monaco]')).toBeVisible({ timeout: 60_000 });
}

/** Clicks Run and waits for the run's summary line. */
export async function runToEnd(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: /Run|运行/ }).click();
  await expect(page.locator('.line.system').last()).toHaveText(/—.*s —/, { timeout });
}
