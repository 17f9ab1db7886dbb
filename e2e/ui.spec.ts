import { expect, test } from '@playwright/test';
import { monacoShown, openWith, runToEnd } from './support/playground';

const LOCKED = `import { Process, Lock } from 'multiprocessing';
import { sleep } from 'time';

const lockA = new Lock();

function waiter() {
  lockA.acquire();
  print('got lockA');
  lockA.release();
}

if (__name__ === '__main__') {
  lockA.acquire();
  const p = new Process({ target: waiter });
  p.start();
  sleep(3);
  lockA.release();
  p.join();
}
`;

test('the process table shows a process blocked on lockA, then done with its exit code', async ({
  page,
}) => {
  await openWith(page, LOCKED);
  await page.getByRole('button', { name: /Run/ }).click();
  const table = page.locator('#processes table');
  await expect(table.locator('tr[data-pid="1001"] td').nth(3)).toHaveText(
    'blocked on lockA (Lock)',
    { timeout: 20_000 },
  );
  await expect(table.locator('tr[data-pid="1000"] td').nth(3)).toHaveText('sleeping');
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 20_000 });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  for (const pid of ['1000', '1001']) {
    const cells = table.locator(`tr[data-pid="${pid}"] td`);
    await expect(cells.nth(3)).toHaveText('done');
    await expect(cells.nth(6)).toHaveText('0');
  }
});

test('the timeline has one lane per process; hovering the wait says what it waited for', async ({
  page,
}) => {
  await openWith(page, LOCKED);
  await runToEnd(page);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const lanes = page.locator('#timeline [data-lane]');
  await expect(lanes).toHaveText(['MainProcess 1000', 'Process-1 1001']);
  const canvas = page.locator('#timeline canvas');
  const tip = page.locator('.timeline-tip');
  /** Hovers lane `lane` (below the 20 px axis) at `share` of the run's time. */
  const hover = async (lane: number, share: number) => {
    const box = (await canvas.boundingBox())!; // laid out once the tab shows
    await page.mouse.move(box.x + box.width * share, box.y + 20 + 22 * lane + 11, { steps: 3 });
  };
  // The child's lane, most of the run long in its 3 s wait.
  await expect(async () => {
    await hover(1, 0.7);
    await expect(tip).toHaveText(/^Process-1 1001 · blocked on lockA \(Lock\) · \d+–\d+ ms$/, {
      timeout: 1000,
    });
  }).toPass();
  await hover(0, 0.7);
  await expect(tip).toHaveText(/^MainProcess 1000 · sleeping/);
  // Zooming in keeps the lanes and changes the axis.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(lanes).toHaveCount(2);
});

test('a deadlock marks the processes of its cycle in the table', async ({ page }) => {
  await openWith(
    page,
    `import { Process, Lock, Event } from 'multiprocessing';
const a = new Lock();
const b = new Lock();
const hasB = new Event(); // (not a sleep: a slow start under load would let main take both)
function other() { b.acquire(); hasB.set(); a.acquire(); }
if (__name__ === '__main__') {
  a.acquire();
  const p = new Process({ target: other });
  p.start();
  hasB.wait();
  b.acquire();
}
`,
  );
  await runToEnd(page);
  await expect(page.locator('.line.system.error').first()).toContainText('wait-for cycle');
  await expect(page.locator('#processes tr.in-cycle')).toHaveCount(2);
});

test('console: ANSI colours as colours, one process at a time, timestamps; it stops following when scrolled up', async ({
  page,
}) => {
  await openWith(
    page,
    `import { Process } from 'multiprocessing';
import { sleep } from 'time';
function child() { print('\\x1b[35mmagenta\\x1b[0m and plain'); }
if (__name__ === '__main__') {
  const p = new Process({ target: child });
  p.start();
  p.join();
  for (let i = 0; i < 300; i++) { print('tick', i); sleep(0.01); }
}
`,
  );
  await page.getByRole('button', { name: /Run/ }).click();
  // Scrolled up while lines still arrive: the view stays where the reader put it. The lines
  // must overflow the view first: before that a scroll to the top moves nothing, the view
  // still follows, and the next lines take it down (the test failed so whenever it found the
  // first tick before the view was full).
  const console_ = page.locator('.console');
  await expect(page.locator('.line .text', { hasText: /^tick \d+$/ }).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect
    .poll(() => console_.evaluate((el) => el.scrollHeight > el.clientHeight + 100))
    .toBe(true);
  await console_.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.waitForTimeout(500);
  expect(await console_.evaluate((el) => el.scrollTop)).toBe(0);
  const coloured = page.locator('.line[data-pid="1001"] .text .ansi-magenta');
  await expect(coloured).toHaveText('magenta');
  await expect(page.locator('.line[data-pid="1001"] .text')).toHaveText('magenta and plain');
  await expect(page.locator('body')).toHaveAttribute('data-running', 'false', { timeout: 20_000 });

  await page.getByRole('combobox', { name: 'Show process' }).selectOption('1001');
  await expect(page.locator('.line:not(.system)')).toHaveCount(1);
  await page.getByLabel('Timestamps').check();
  await expect(page.locator('.line[data-pid="1001"] .time')).toHaveText(/^\s*\d+\.\d{3}$/);
});

test('language and theme switch and persist; a reload keeps the edited program; Reset restores it', async ({
  page,
}) => {
  await page.goto('/?lesson=p27');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('button', { name: '运行', exact: true })).toBeVisible();
  const editorNamed = (name: string) => page.getByRole('textbox', { name, exact: true }).first();
  await expect(editorNamed('程序编辑器')).toBeAttached();
  await expect(page.locator('#lesson-info h2')).toContainText('p27');
  await page.getByLabel('主题').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Typed into Monaco (Playwright's fill cannot write into Monaco's EditContext).
  await monacoShown(page);
  await expect(editorNamed('程序编辑器')).toBeAttached();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("print('mine');\n");
  await page.reload();
  await expect(page.getByRole('button', { name: '运行', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const kept = await page.evaluate(() => localStorage.getItem('playground:program:p27'));
  expect(kept).toBe("print('mine');\n");
  // Reset in Monaco too: the lesson's own program it shows again is not saved as an edit.
  await monacoShown(page);
  await page.getByRole('button', { name: '重置课程' }).click();
  expect(await page.evaluate(() => localStorage.getItem('playground:program:p27'))).toBeNull();
  await page.getByLabel('语言').selectOption('en');
  await expect(editorNamed('Program editor')).toBeAttached(); // Monaco's, renamed
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
