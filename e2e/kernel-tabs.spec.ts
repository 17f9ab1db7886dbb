import { expect, test, type Page } from '@playwright/test';
import { encodeFiles } from '../src/share/codec';
import { monacoShown } from './support/playground';

// The editor's kernel tabs: a reader adds an AssemblyScript file, types a kernel, runs it from
// several processes; breaks it and sees the marker and the Run error; shares it.

const MAIN = `import { Process, RawArray } from 'multiprocessing';
import { total } from './kernel.as';
function part(k: number, data: RawArray, sums: RawArray) { sums[k] = total(data, k * 50, 50); }
if (__name__ === '__main__') {
  const data = new RawArray('d', 100);
  for (let i = 0; i < 100; i++) data[i] = i;
  const sums = new RawArray('d', 2);
  const ps = [0, 1].map((k) => new Process({ target: part, args: [k, data, sums] }));
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  print('sum', sums[0] + sums[1]);
}
`;

const KERNEL = `export function total(data: usize, from: i32, n: i32): f64 {
  let s: f64 = 0;
  for (let i = from; i < from + n; i++) s += load<f64>(data + (<usize>i << 3));
  return s;
}
`;

/** The kernel compiler's Worker, if the page started one. */
function kernelCompilerStarted(page: Page): boolean {
  return page.workers().some((w) => w.url().includes('kernel-compiler-worker'));
}

/** Replaces a tab's text as a reader pasting it would (typing would auto-close brackets). */
async function typeInto(page: Page, tab: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(text.split('\n')[0]);
}

test('add a kernel tab, type a kernel, run it from two processes; break it and see why', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await monacoShown(page);
  await typeInto(page, 'main.ts', MAIN);
  await page.getByRole('button', { name: /kernel file/ }).click();
  await expect(page.getByRole('tab', { name: 'kernel.as.ts' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await typeInto(page, 'kernel.as.ts', KERNEL);
  await page.getByRole('button', { name: /^Run|运行/ }).click();
  await expect(page.locator('.line .text')).toContainText(['sum 4950'], { timeout: 60_000 });

  // A broken kernel: a marker in its tab while typing, and Run names the file and line.
  await typeInto(page, 'kernel.as.ts', KERNEL.replace('return s;', 'return s + missing;'));
  await expect(page.locator('.monaco-editor .squiggly-error')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /^Run|运行/ }).click();
  await expect(page.locator('.console-view')).toContainText('File "kernel.as.ts", line 4', {
    timeout: 60_000,
  });
  await expect(page.locator('.console-view')).toContainText("Cannot find name 'missing'");
  await expect(page.locator('.line .text', { hasText: 'sum' })).toHaveCount(0);

  // The files survive a reload (kept per lesson), and Reset brings back the lesson's own.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'kernel.as.ts' })).toBeVisible();
});

test('a TypeScript-only program never loads the kernel compiler', async ({ page }) => {
  await page.goto('/');
  await monacoShown(page);
  await page.getByRole('button', { name: /^Run|运行/ }).click();
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  expect(kernelCompilerStarted(page)).toBe(false);
});

test('a share link and an embed carry both files and run them', async ({ page, baseURL }) => {
  const code = await encodeFiles([
    { name: 'main.ts', text: MAIN },
    { name: 'kernel.as.ts', text: KERNEL },
  ]);
  expect(code).toMatch(/^2\./);
  await page.goto(`${baseURL}/#code=${code}`);
  await expect(page.getByRole('tab', { name: 'kernel.as.ts' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
  await page.getByRole('button', { name: /^Run|运行/ }).click();
  await expect(page.locator('.line .text')).toContainText(['sum 4950'], { timeout: 60_000 });

  // The page's own Share link carries both files back.
  await page.getByRole('button', { name: /Share|分享/ }).click();
  await expect(page.locator('input.share-output')).toBeVisible();
  const link = await page.locator('input.share-output').inputValue();
  expect(new URL(link).hash).toContain('code=2.');

  await page.goto(`${baseURL}/?embed=1#code=${code}`);
  await expect(page.getByRole('tab', { name: 'kernel.as.ts' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
  await page.getByRole('button', { name: /^Run|运行/ }).click();
  await expect(page.locator('.line .text')).toContainText(['sum 4950'], { timeout: 60_000 });
});
