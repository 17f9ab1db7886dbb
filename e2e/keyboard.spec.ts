import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodeProgram } from '../src/share/codec';
import { monacoShown, openWith } from './support/playground';

/** Prints for about 30 s: long enough to stop it by hand. */
const LONG = `import { sleep } from 'time';
for (let i = 0; i < 300; i++) { print('tick', i); sleep(0.1); }
`;

const saved = (page: Page) =>
  page.evaluate(() => localStorage.getItem('playground:program:welcome'));

/**
 * Presses Tab until `target` has the focus (at most `max` times), leaving the editor as a
 * keyboard user does: Esc, then Tab. Fails with the path the focus took.
 */
async function tabTo(page: Page, target: Locator, max = 30): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    const where = await page.evaluate(() => {
      const el = document.activeElement!;
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20);
      return { inEditor: !!el.closest('.monaco-editor'), name: `${el.tagName} ${name}` };
    });
    path.push(where.name);
    if (where.inEditor) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}: ${path.join(' → ')}`);
}

test('Ctrl+Enter runs as soon as the page is ready, with nothing focused; Esc stops', async ({
  page,
}) => {
  await openWith(page, LONG);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.line .text').first()).toHaveText('tick 0', { timeout: 20_000 });
  await expect(page.locator('body')).toHaveAttribute('data-running', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('.line.system').last()).toHaveText(/— stopped ·/);
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();

  // Cmd+Enter on a focused button runs, and does not press the button.
  await page.getByRole('button', { name: 'Reset lesson' }).focus();
  await page.keyboard.press('Meta+Enter');
  await expect(page.locator('body')).toHaveAttribute('data-running', 'true');
  expect(await saved(page)).toBe(LONG); // Reset would have forgotten it
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).toHaveAttribute('data-running', 'false');
});

test('in Monaco, Ctrl+Enter runs without adding a line; Esc closes the suggest box before it stops', async ({
  page,
}) => {
  await openWith(page, LONG);
  await monacoShown(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('body')).toHaveAttribute('data-running', 'true', { timeout: 20_000 });
  expect(await saved(page)).toBe(LONG); // Monaco's own Ctrl+Enter would insert a line

  const suggest = page.locator('.monaco-editor .suggest-widget.visible');
  await page.keyboard.type('pri');
  await expect(async () => {
    await page.keyboard.press('Control+Space');
    await expect(suggest).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(suggest).toBeHidden();
  await expect(page.locator('body')).toHaveAttribute('data-running', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).toHaveAttribute('data-running', 'false');
  await expect(page.locator('.line.system').last()).toHaveText(/— stopped ·/);
});

test('in the editor Tab indents; Esc then Tab moves on, and Tab indents again on return', async ({
  page,
}) => {
  await openWith(page, "print('x');\n");
  await monacoShown(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  await expect.poll(() => saved(page)).toBe("  print('x');\n");
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('separator')).toBeFocused(); // the splitter, next after the editor
  await page.keyboard.press('Shift+Tab');
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  await expect.poll(() => saved(page)).toMatch(/^\s{3,}print\('x'\);\n$/);
});

test('by keyboard alone: a lesson from the gallery, Run, and the process and timeline tabs', async ({
  page,
}) => {
  await openWith(page, "print('mine');\n");
  await monacoShown(page);
  const gallery = page.getByRole('combobox', { name: 'Lesson' });
  await tabTo(page, gallery);
  await page.keyboard.press('ArrowDown'); // the first lesson after Welcome
  await expect(gallery).toHaveValue('p01');
  await expect(page.locator('#lesson-info h2')).toContainText('p01');

  const run = page.getByRole('button', { name: 'Run', exact: true });
  await tabTo(page, run);
  await page.keyboard.press('Enter');
  await expect(page.locator('.line .text')).toContainText(['hello bbb'], { timeout: 20_000 });
  await expect(page.locator('.line.system').last()).toHaveText(/exit code 0/, { timeout: 20_000 });

  await tabTo(page, page.getByRole('tab', { name: 'Processes' }));
  await page.keyboard.press('ArrowRight');
  const timeline = page.getByRole('tab', { name: 'Timeline' });
  await expect(timeline).toBeFocused();
  await expect(timeline).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#timeline')).toBeVisible();
  // Zoom in twice (a quarter of p01's run, its middle: the main process sleeping), then move
  // earlier by three half-views, to the run's start, and back: the table shows what is in view.
  const stretches = () => page.locator('#timeline tbody').textContent();
  await tabTo(page, page.getByRole('button', { name: 'Zoom in' }), 3);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const zoomed = await stretches();
  await tabTo(page, page.getByRole('button', { name: 'Earlier' }), 3);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect.poll(stretches).toContain('MainProcess 1000starting');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter'); // Later
  await expect.poll(stretches).toBe(zoomed);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Fit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#timeline tbody tr').first()).toContainText(
    'MainProcess 1000starting',
  );
});

test('the shortcuts work in an embed too, read-only or not', async ({ page }) => {
  await page.goto(`/?embed=1&readonly=1#code=${await encodeProgram(LONG)}`);
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.locator('.line .text').first()).toHaveText('tick 0', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(page.locator('.line.system').last()).toHaveText(/— stopped ·/);
});
