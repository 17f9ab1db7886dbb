import { expect, type FrameLocator, type Page } from '@playwright/test';

/**
 * Opens the playground (at `path`) with `program` as the saved welcome program, once its
 * Workers have loaded (slow on a cold start, above all from the dev server, module by module).
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

/**
 * Replaces the editor's program, as a reader pasting it would, in the editor of `scope` (the
 * page, or an embed's frame). In Monaco: the build loads it at once, so a fill of the first
 * textarea can find it gone, and Playwright's fill cannot write into Monaco's EditContext.
 */
export async function setProgram(
  page: Page,
  text: string,
  scope: Page | FrameLocator = page,
): Promise<void> {
  await expect(scope.locator('.editor-pane[data-editor=monaco]')).toBeVisible({ timeout: 60_000 });
  await scope.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** Clicks Run and waits for the run's summary line. */
export async function runToEnd(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: /Run|运行/ }).click();
  await expect(page.locator('.line.system').last()).toHaveText(/—.*s —/, { timeout });
}

/**
 * Starts recording the page's long tasks; the returned function reads the longest so far (ms).
 * Solo specs use it: their measure is the page's own work.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longest: number }).longest);
}
