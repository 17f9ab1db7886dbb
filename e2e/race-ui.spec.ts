import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { runnerImport } from 'vite';
import { encodeProgram } from '../src/share/codec';
import { embedSnippet, embedUrl } from '../src/share/links';
import { startServer } from './support/http';
import { monacoShown, openWith, runToEnd } from './support/playground';

/** Two processes add to an unlocked Value: their `+=` on line 3 races with itself. */
const RACY = `import { Process, Value } from 'multiprocessing';
const counter = new Value('i', 0, { lock: false });
function work() { for (let i = 0; i < 1000; i++) counter.value += 1; }
if (__name__ === '__main__') {
  const ps = [new Process({ target: work }), new Process({ target: work })];
  for (const p of ps) p.start();
  for (const p of ps) p.join();
  print(counter.value);
}
`;

const toggle = (page: Page) => page.getByRole('button', { name: 'Detect races' });

/** The editor's line number `line` (Monaco draws only the lines in view: all of these). */
const lineNumber = (page: Page, line: number) =>
  page.locator('.monaco-editor .line-numbers').getByText(String(line), { exact: true });

/** Whether `mark` sits on the row of `line` in the editor. */
async function onRow(mark: Locator, row: Locator): Promise<boolean> {
  const [a, b] = [await mark.boundingBox(), await row.boundingBox()];
  return !!a && !!b && Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < b.height / 2;
}

/** The pixels of the timeline's canvas in the race colour, as the lanes (pids) they lie on. */
function racePixelsByLane(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#timeline canvas')!;
    const probe = document.createElement('span');
    probe.style.color = 'var(--tl-race)';
    document.querySelector('#timeline .timeline-plot')!.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
    probe.remove();
    const box = canvas.getBoundingClientRect();
    const lanes = [...document.querySelectorAll<HTMLElement>('#timeline [data-lane]')].map(
      (li) => ({ pid: li.dataset.lane!, rect: li.getBoundingClientRect() }),
    );
    const { data, width, height } = canvas
      .getContext('2d')!
      .getImageData(0, 0, canvas.width, canvas.height);
    const found: Record<string, { x: number; y: number }> = {};
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30)
          continue;
        const [cssX, cssY] = [x / devicePixelRatio, y / devicePixelRatio];
        const lane = lanes.find(
          (l) => box.top + cssY >= l.rect.top && box.top + cssY < l.rect.bottom,
        );
        found[lane?.pid ?? 'axis'] ??= { x: cssX, y: cssY };
      }
    }
    return found;
  });
}

test('with Detect races on, a racy program reports its race in the console, the editor and the timeline', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWith(page, RACY, '/?lang=en');
  await monacoShown(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle(page)).toHaveAttribute('title', /read and write.*Runs slower/);
  // A keyboard user turns it on as any button: focus, Space.
  await toggle(page).focus();
  await page.keyboard.press('Space');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => new URL(page.url()).searchParams.get('races')).toBe('1');
  await runToEnd(page);

  const console = page.locator('.console');
  await expect(console).toContainText('DATA RACE on counter.value');
  await expect(console).toContainText(/(read|write) at main\.ts:3 by Process-\d \(pid \d+\)/);
  await expect(console).toContainText(/previous (read|write) at main\.ts:3/);

  // Line 3 races with itself: one mark, in both roles, on line 3's row.
  const glyph = page.locator('.monaco-editor .race-glyph');
  await expect(glyph).toHaveCount(1);
  await expect(glyph).toHaveClass(/race-both/);
  expect(await onRow(glyph, lineNumber(page, 3))).toBe(true);
  await expect(page.locator('.monaco-editor .race-line')).toHaveCount(1);
  const box = (await glyph.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:visible');
  await expect(hover).toContainText('Data race: two processes’ accesses on this line conflict');
  await expect(hover).toContainText('DATA RACE on counter.value');
  await expect(hover).toContainText('nothing orders them');

  // The timeline: each access on its own process's lane, listed in the table as text.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const table = page.getByRole('table', { name: /^Timeline: / });
  const raceRows = table.locator('tbody tr', { hasText: 'data race' });
  await expect(raceRows).toHaveCount(2);
  const cells = await raceRows.evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
  );
  const whats = cells.map(([, what]) => what);
  expect(whats).toHaveLength(2);
  expect(whats).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^data race: (read|write) at line 3 \(the earlier access\)$/),
      expect.stringMatching(/^data race: (read|write) at line 3 \(the later access\)$/),
    ]),
  );
  const racers = cells.map(([who]) => who!.split(' ')[1]).sort();
  expect(racers).toEqual(['1001', '1002']);
  await expect(page.locator('#timeline .race-legend')).toBeVisible();
  await expect.poll(async () => Object.keys(await racePixelsByLane(page)).sort()).toEqual(racers);
  // Hovering a diamond names the access.
  const pixels = await racePixelsByLane(page);
  const canvas = (await page.locator('#timeline canvas').boundingBox())!;
  await page.mouse.move(canvas.x + pixels[racers[0]].x, canvas.y + pixels[racers[0]].y);
  await expect(page.locator('.timeline-tip')).toHaveText(
    new RegExp(
      `^Process-\\d ${racers[0]} · data race: (read|write) at line 3 \\(the (earlier|later) access\\) · \\d+ ms$`,
    ),
  );

  // In Chinese: the table and the editor's hover say it again in the new language.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.locator('#timeline tbody tr', { hasText: '数据竞争' })).toHaveText([
    /数据竞争:第 3 行的(读|写)\((前|后)一次访问\)/,
    /数据竞争:第 3 行的(读|写)\((前|后)一次访问\)/,
  ]);
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(hover).toContainText('数据竞争:两个进程在这一行的访问互相冲突');
  await expect(glyph).toHaveCount(1);
});

test('race marks go when their line is edited, and at the next run; off, the program reports nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWith(page, `${RACY}// a line to edit`, '/?lang=en&races=1');
  await monacoShown(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true'); // the link said races=1
  await runToEnd(page);
  const glyph = page.locator('.monaco-editor .race-glyph');
  await expect(glyph).toHaveCount(1);

  // An edit of another line leaves the mark; an edit of line 3 takes it away.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' more');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('a line to edit more');
  await expect(glyph).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await expect(glyph).toHaveCount(0);
  await expect(page.locator('.monaco-editor .race-line')).toHaveCount(0);

  // Run again: marked afresh. Then off: the next run clears them and reports no race.
  await runToEnd(page);
  await expect(glyph).toHaveCount(1);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(new URL(page.url()).searchParams.get('races')).toBeNull();
  await runToEnd(page);
  await expect(page.locator('.line .text', { hasText: /^\d+$/ })).toHaveCount(1);
  await expect(page.locator('.console')).not.toContainText('DATA RACE');
  await expect(page.locator('.line.stderr')).toHaveCount(0);
  await expect(glyph).toHaveCount(0);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByRole('table', { name: /^Timeline: / }).locator('tbody tr'),
  ).not.toHaveCount(0);
  await expect(page.locator('#timeline tbody tr', { hasText: 'data race' })).toHaveCount(0);
  await expect(page.locator('#timeline .race-legend')).toBeHidden();
});

test('Share carries Detect races as races=1; the link opens with it pressed, in Chinese too', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, RACY, '/?lang=en');
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#code=/);
  expect(new URL(await field.inputValue()).searchParams.get('races')).toBeNull();
  await toggle(page).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(field).toHaveValue(/[?&]races=1[&#]/);

  const reader = await context.newPage();
  await reader.goto((await field.inputValue()).replace('lang=en', 'lang=zh'));
  const pressed = reader.getByRole('button', { name: '检测数据竞争' });
  await expect(pressed).toHaveAttribute('aria-pressed', 'true');
  await expect(pressed).toHaveAttribute('title', /共享值和共享数组的读写.*运行会变慢/);
});

/** The gallery's lessons, as the app builds them (the catalog imports programs with `?raw`). */
async function galleryLessons() {
  const catalog = new URL('../src/examples/catalog.ts', import.meta.url).pathname;
  const { module } = await runnerImport<typeof import('../src/examples/catalog')>(catalog, {
    configFile: false,
    logLevel: 'silent',
  });
  return module.LESSONS;
}

test('a lesson opens with its own choice, on for a racy one; the reader’s flip holds in the address bar, a reload and links', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lessons = await galleryLessons();
  const racy = lessons.find((lesson) => lesson.detectRaces);
  const plain = lessons.find((lesson) => !lesson.detectRaces);
  expect(racy, 'a lesson that opens with race detection on').toBeDefined();
  const races = () => new URL(page.url()).searchParams.get('races');
  await page.goto(`/?lesson=${racy!.id}&lang=en`);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

  const picker = page.getByRole('combobox', { name: 'Lesson' });
  await picker.selectOption(plain!.id);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(races()).toBeNull();
  await toggle(page).click();
  expect(races()).toBe('1');
  await picker.selectOption(racy!.id);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  // Off in a lesson that opens with it on: the address says races=0, so a reload keeps it off.
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(races()).toBe('0');
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(
    new RegExp(`\\?lesson=${racy!.id}&lang=en&races=0#code=`),
  );
});

test('an embed with races=1 runs with detection on, and its playground link keeps it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A tutorial page on another origin frames the snippet Copy embed code hands out.
  const tutorial = await startServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>A tutorial</title>${embedSnippet(src)}`);
  });
  try {
    const code = await encodeProgram(RACY);
    const src = embedUrl(baseURL!, { code, lang: 'en', races: true }, { autorun: true });
    await page.goto(`http://localhost:${tutorial.port}/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('button', { name: 'Detect races' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(frame.locator('.console')).toContainText('DATA RACE on counter.value', {
      timeout: 30_000,
    });
    const open = frame.getByRole('link', { name: /Open in playground/ });
    await expect(open).toHaveAttribute('href', /[?&]races=1[&#]/);
    // Turned off in the embed, the link says so no more (the program is of no lesson).
    await frame.getByRole('button', { name: 'Detect races' }).click();
    await expect(open).not.toHaveAttribute('href', /races=/);
  } finally {
    await tutorial.close();
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`after a race, ${theme}: the toggle, marks and timeline have no serious axe violations`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await openWith(page, RACY, '/?lang=en&races=1');
    await monacoShown(page);
    await runToEnd(page);
    await expect(page.locator('.monaco-editor .race-glyph')).toHaveCount(1);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.locator('#timeline .race-legend')).toBeVisible();
    const results = await new AxeBuilder({ page })
      // As in a11y.spec.ts: Monaco's dimmed number of the line after the final newline.
      .exclude('.monaco-editor .dimmed-line-number')
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => [`${v.id}: ${v.help}`, ...v.nodes.map((n) => `  ${n.target.join(' ')}`)]);
    expect(serious).toEqual([]);
  });
}
