import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { encodeProgram } from '../src/share/codec';
import { embedSnippet, embedUrl } from '../src/share/links';
import { startServer, type TestServer } from './support/http';
import { monacoShown, openWith, runToEnd } from './support/playground';

/**
 * axe's serious and critical violations on the page (and its frames) as it is now, one line
 * per rule and one per element, so that a failure says what to fix.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const framed = page.frames().length > 1;
  let results = await analyze(page);
  // axe gives a frame 1 s to take its script and skips it silently when it does not (on two
  // cores shared with other tests, it sometimes does not): try again, then insist.
  for (let tries = 1; framed && !checkedFrames(results) && tries < 4; tries++) {
    results = await analyze(page);
  }
  expect(checkedFrames(results), 'axe checked inside the frames').toBe(framed);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => [
      `${v.impact} ${v.id}: ${v.help}`,
      ...v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary}`),
    ]);
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

function analyze(page: Page): Promise<AxeResults> {
  return (
    new AxeBuilder({ page })
      // Monaco dims the number of the line after a final newline (renderFinalNewline), below
      // text contrast on purpose: a hint, not content, and Monaco's own DOM. Only that is left
      // out; the rest of Monaco, its label and everything around it are checked.
      .exclude('.monaco-editor .dimmed-line-number')
      .analyze()
  );
}

/** A node in a frame is named by two selectors, the iframe's then its own. */
const checkedFrames = (results: AxeResults) =>
  results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));

/** A short lesson with a child process: p01 starts one, sleeps 1 s and prints. */
const LESSON = 'p01';
const THEMES = ['light', 'dark'] as const;
const LANGS = ['en', 'zh'] as const;

for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`the playground, ${lang}, ${theme}: no serious violations once a lesson ran`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/?lesson=${LESSON}&lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
      await monacoShown(page);
      await runToEnd(page);
      await expect(page.locator('#processes tbody tr')).toHaveCount(2);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('#tab-timeline').click();
      await expect(page.locator('#timeline [data-lane]')).toHaveCount(2);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

// A tutorial page on another origin embeds the playground with the snippet the Share menu
// hands out (src/share/links.ts), as e2e/embed.spec.ts does.
let tutorial: TestServer;

test.beforeAll(async () => {
  tutorial = await startServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><html lang="en"><title>A tutorial</title>
<main><p>The lesson's text.</p>${embedSnippet(src)}</main></html>`);
  });
});

test.afterAll(() => tutorial.close());

async function embed(page: Page, src: string): Promise<FrameLocator> {
  await page.goto(`http://localhost:${tutorial.port}/?src=${encodeURIComponent(src)}`);
  return page.frameLocator('iframe');
}

const CHILD = `import { Process } from 'multiprocessing';
function f() { print('child'); }
if (__name__ === '__main__') {
  const p = new Process({ target: f });
  p.start();
  p.join();
}
`;

for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`an embed, ${lang}, ${theme}: no serious violations once it ran`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000); // a run, then Monaco, in a frame, on shared cores
      const src = embedUrl(
        baseURL!,
        { code: await encodeProgram(CHILD), lang },
        { autorun: true, theme, panels: ['editor', 'console', 'timeline'] },
      );
      const frame = await embed(page, src);
      await expect(frame.locator('.line.system')).toHaveText(/exit code 0/, { timeout: 30_000 });
      await expect(frame.locator('.editor-pane[data-editor=monaco]')).toBeVisible({
        timeout: 60_000,
      });
      await expect(frame.locator('#processes tbody tr')).toHaveCount(2);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the timeline reads as a table: each stretch with its process, state, start and end', async ({
  page,
}) => {
  await page.goto(`/?lesson=${LESSON}&lang=en`);
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
  await runToEnd(page);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const table = page.getByRole('table', { name: /^Timeline: what each process did when/ });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Process',
    'State',
    'Start (ms)',
    'End (ms)',
  ]);
  // The main process sleeps 1 s while its child runs: both show, with times in ms.
  const stretches = await table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
    );
  const sleep = stretches.find(
    ([who, state]) => who === 'MainProcess 1000' && state === 'sleeping',
  );
  expect(sleep, JSON.stringify(stretches)).toBeDefined();
  expect(Number(sleep![3]) - Number(sleep![2])).toBeGreaterThanOrEqual(990);
  expect(stretches.filter(([who]) => who === 'Process-1 1001')).not.toEqual([]);
  // The canvas and its lane labels are for the eye: screen readers get the table instead.
  await expect(page.locator('#timeline .timeline-body')).toHaveAttribute('aria-hidden', 'true');
});

test("the timeline's table reads at most 300 stretches, and zooming in narrows it to the rest", async ({
  page,
}) => {
  // Hundreds of stretches, running and sleeping in turns (up to two a sleep; 200 sleeps made
  // 329 to 400 here): more than the table lists.
  await openWith(
    page,
    `import { sleep } from 'time';
for (let i = 0; i < 400; i++) sleep(0.002);
`,
  );
  await runToEnd(page);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const table = page.getByRole('table', { name: /^Timeline: / });
  await expect(table.locator('tbody tr')).toHaveCount(300);
  const caption = table.locator('caption');
  await expect(caption).toHaveText(/ 300 \/ (\d+) stretches shown; zoom in for the rest\.$/);
  const total = Number(/\/ (\d+)/.exec((await caption.textContent())!)![1]);
  expect(total).toBeGreaterThan(300);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  // An eighth of the run is in view: every stretch in it is listed, with no note.
  await expect(caption).toHaveText(
    'Timeline: what each process did when, in ms since the run started.',
  );
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(total / 2);
});
