import { expect, test } from '@playwright/test';
import { setProgram } from './support/playground';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('the page is cross-origin isolated and its headers say why', async ({ page, request }) => {
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const response = await request.get('/');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
});

test('Run shows each process output tagged with its name and pid, then a summary', async ({
  page,
}) => {
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 20_000 });
  const lines = await page.locator('.line:not(.system)').allTextContents();
  expect(lines[0]).toMatch(/^\[MainProcess 1000\]main 1000$/);
  expect(lines).toContainEqual(
    expect.stringMatching(/^\[Process-1 1001\]child is running, pid 1001, parent 1000$/),
  );
  expect(lines.at(-1)).toBe('[MainProcess 1000]exit code 0');
});

test('Monaco loads lazily, Ctrl+Enter runs, Stop ends an endless program', async ({ page }) => {
  await expect(page.locator('.editor-pane[data-editor=monaco]')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => localStorage.clear());
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('print(`spinning`);\nwhile (true);\n');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.locator('.line .text')).toHaveText(['spinning'], { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Stop/ })).toBeEnabled();
  await page.getByRole('button', { name: /Stop/ }).click();
  await expect(page.locator('.line.system')).toHaveText(/stopped/);
  await expect(page.getByRole('button', { name: /Stop/ })).toBeDisabled();
});

test('a syntax error is shown with its line before anything runs; output is never HTML', async ({
  page,
}) => {
  await setProgram(page, "print('<img src=x onerror=alert(1)>');\nconst x = ;\n");
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line.system.error')).toContainText('line 2, column 11');
  await setProgram(page, "print('<b>bold</b>');\n");
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line .text')).toHaveText(['<b>bold</b>'], { timeout: 20_000 });
  await expect(page.locator('.console b')).toHaveCount(0);
});

test('the server serves the AssemblyScript kernels the build compiled', async ({ request }) => {
  const response = await request.get('/kernels.wasm');
  expect(response.headers()['content-type']).toBe('application/wasm');
  // The kernels import the run's shared memory (64 MiB).
  const memory = new WebAssembly.Memory({ initial: 1024, maximum: 1024, shared: true });
  const module = new WebAssembly.Module(new Uint8Array(await response.body()));
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  expect((instance.exports.countPrimes as (a: number, b: number) => number)(0, 100)).toBe(25);
});

test('a lesson from the URL shows its program and its explanation, and runs', async ({ page }) => {
  await page.goto('/?lesson=p30');
  await expect(page.locator('#lesson-info h2')).toHaveText(/^p30 · /);
  await expect(page.locator('#lesson-info .browser-note')).not.toBeEmpty();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line .text')).toHaveText(['抢到了', '接着抢'], { timeout: 20_000 });
});
