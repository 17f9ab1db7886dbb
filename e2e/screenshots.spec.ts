import { expect, test } from '@playwright/test';
import { monacoShown } from './support/playground';

/**
 * Pictures of the playground from a real run of a locked lesson: light and dark, wide and
 * narrow (nothing sticks out sideways at 390 px). `npm run screenshots` writes them to
 * docs/screenshots/ for the README; a plain test run keeps them with its results.
 */
const SIZES = {
  wide: { width: 1400, height: 860 },
  narrow: { width: 390, height: 1100 },
};

for (const theme of ['light', 'dark'] as const) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`screenshot: ${theme}, ${size}`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/?lesson=p29');
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await monacoShown(page);
      await page.getByRole('button', { name: /Run/ }).click();
      await expect(page.locator('#processes tbody tr')).not.toHaveCount(0, { timeout: 20_000 });
      await page.waitForTimeout(2500); // some output, some waiting on the lock
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      const file = `${theme}-${size}.png`;
      const dir = process.env.SCREENSHOTS_DIR;
      await page.screenshot({
        path: dir ? `${dir}/${file}` : testInfo.outputPath(file),
        fullPage: true,
      });
    });
  }
}
