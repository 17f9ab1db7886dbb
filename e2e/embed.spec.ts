import { expect, test, type Page } from '@playwright/test';
import { encodeProgram } from '../src/share/codec';
import { isHeightMessage } from '../src/share/embed-protocol';
import { serveFolder, startServer, type TestServer } from './support/http';
import { setProgram } from './support/playground';
import { BUILD_DIR } from './support/server';

// A tutorial page on another origin (another port, and `localhost` rather than 127.0.0.1, so
// another site too) that sends no COOP/COEP: it embeds the playground with the documented
// snippet and records the messages the embed posts to it.
let tutorial: TestServer;

test.beforeAll(async () => {
  tutorial = await startServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>A tutorial</title>
<script>window.messages = []; addEventListener('message', (e) => messages.push(e.data));</script>
<p>The lesson's text.</p>
<iframe src="${attribute}" width="100%" height="300" style="border: 0" allow="cross-origin-isolated"></iframe>`);
  });
});

test.afterAll(() => tutorial.close());

const LOCK_PROGRAM = `import { Process, Lock } from 'multiprocessing';
function f(lock: Lock) { lock.withLock(() => print('child with the lock')); }
if (__name__ === '__main__') {
  const p = new Process({ target: f, args: [new Lock()] });
  p.start();
  p.join();
  print('exit', p.exitCode);
}
`;

/** Opens the tutorial page embedding the playground with these URL parameters. */
async function embed(page: Page, baseURL: string, query: string, program = LOCK_PROGRAM) {
  const src = `${baseURL}/?${query}#code=${await encodeProgram(program)}`;
  await page.goto(`http://localhost:${tutorial.port}/?src=${encodeURIComponent(src)}`);
  return page.frameLocator('iframe');
}

test('a page on another origin without COOP/COEP embeds the playground, and Lock runs in it', async ({
  page,
  baseURL,
}) => {
  const frame = await embed(page, baseURL!, 'embed=1&autorun=1&readonly=1&id=lock-demo');
  await expect(frame.locator('.line .text')).toHaveText(['child with the lock', 'exit 0'], {
    timeout: 30_000,
  });
  // The tutorial page is not isolated; the frame is, by its Document-Isolation-Policy.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await page.frames()[1].evaluate(() => crossOriginIsolated)).toBe(true);

  // The frame tells its parent the height its content needs.
  const contentHeight = await page
    .frames()[1]
    .evaluate(() => document.querySelector('#app')!.getBoundingClientRect().height);
  await expect
    .poll(async () => {
      const messages = await page.evaluate(
        () => (window as unknown as { messages: unknown[] }).messages,
      );
      return messages.filter(isHeightMessage).at(-1);
    })
    .toEqual({
      type: 'concurrency-playground:height',
      id: 'lock-demo',
      height: Math.ceil(contentHeight),
    });
  expect(contentHeight).toBeGreaterThan(200);

  await expect(frame.getByRole('link', { name: /Open in playground/ })).toHaveAttribute(
    'href',
    /^http:\/\/127\.0\.0\.1:\d+\/\?lang=\w+#code=1\./,
  );

  // readonly: neither the plain editor nor Monaco takes an edit.
  await expect(frame.locator('.editor-pane[data-editor=monaco]')).toBeVisible({ timeout: 60_000 });
  await frame.locator('.monaco-editor .view-lines').click();
  await page.keyboard.type('XYZ');
  await page.keyboard.press('Enter');
  await expect(frame.locator('.monaco-editor .view-lines')).not.toContainText('XYZ');
  expect(
    (await frame.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '),
  ).toContain("print('child with the lock')");
});

test('an embed without readonly or autorun takes edits and waits for Run; panels and open=0', async ({
  page,
  baseURL,
}) => {
  let frame = await embed(page, baseURL!, 'embed=1&open=0', "print('hi');\n");
  await expect(frame.getByRole('link', { name: /Open in playground/ })).toHaveCount(0);
  await setProgram(page, "print('edited');\n", frame);
  await expect(frame.getByRole('button', { name: /Run/ })).toBeEnabled();
  await expect(frame.locator('.console .line')).toHaveCount(0);
  await frame.getByRole('button', { name: /Run/ }).click();
  await expect(frame.locator('.line .text')).toHaveText(['edited'], { timeout: 20_000 });

  frame = await embed(
    page,
    baseURL!,
    'embed=1&autorun=1&panels=console&theme=dark',
    "print('hi');\n",
  );
  await expect(frame.locator('.line .text')).toHaveText(['hi'], { timeout: 20_000 });
  await expect(frame.locator('[data-panel=editor]')).toBeHidden();
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(13, 17, 23)'); // dark
  await expect(frame.getByRole('link', { name: /Open in playground/ })).toBeVisible();
});

test('where isolation is off, the embed says it cannot run and offers a new tab that can', async ({
  page,
  context,
}) => {
  // The build on a host that sends no headers: a browser without Document-Isolation-Policy,
  // inside a page that is not isolated. (A frame never installs the service worker.)
  const host = await serveFolder(BUILD_DIR);
  try {
    const frame = await embed(page, host.url.replace(/\/$/, ''), 'embed=1&autorun=1&lang=en');
    const notice = frame.locator('.embed-not-isolated[role=alert]');
    await expect(notice).toContainText('Programs cannot run in this frame');
    await expect(frame.getByRole('button', { name: /Run/ })).toBeDisabled();
    await expect(frame.locator('.console .line')).toHaveCount(0);
    const newTab = notice.getByRole('link', { name: 'Open in a new tab' });
    await expect(newTab).toHaveAttribute('target', '_blank');
    await expect(newTab).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/\?lang=en#code=1\./);

    const [tab] = await Promise.all([context.waitForEvent('page'), newTab.click()]);
    // Top-level, the page isolates itself through its service worker (one reload).
    await expect
      .poll(() => tab.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 20_000 })
      .toBe(true);
    await expect(tab.getByRole('button', { name: /Run/ })).toBeEnabled();
    await expect(tab.locator('.console .line')).toHaveCount(0); // a link never runs by itself
    await tab.getByRole('button', { name: /Run/ }).click();
    await expect(tab.locator('.line .text')).toHaveText(['child with the lock', 'exit 0'], {
      timeout: 30_000,
    });
  } finally {
    await host.close();
  }
});

test('autorun runs only in a frame: the same link opened top-level waits for Run', async ({
  page,
  baseURL,
}) => {
  const program = "print('ran');\n";
  const link = `${baseURL!}/?embed=1&autorun=1#code=${await encodeProgram(program)}`;
  const frame = await embed(page, baseURL!, 'embed=1&autorun=1', program);
  await expect(frame.locator('.line .text')).toHaveText(['ran'], { timeout: 20_000 });

  await page.goto(link);
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Run/ })).toBeEnabled();
  // Autorun would start at once, as the framed run above did: give it time to show.
  await page.waitForTimeout(2_000);
  await expect(page.locator('.console .line')).toHaveCount(0);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line .text')).toHaveText(['ran'], { timeout: 20_000 });
});
