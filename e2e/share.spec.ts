import { expect, test, type Page } from '@playwright/test';
import { decodeFiles, encodeProgram } from '../src/share/codec';
import { readLinkOptions, shareUrl } from '../src/share/links';
import { lessonSource } from './support/lessons';
import { openWith, setProgram } from './support/playground';

/** The editor's text once Monaco shows it (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  await expect(page.locator('.editor-pane[data-editor=monaco]')).toBeVisible({ timeout: 60_000 });
  return (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** Records the page's Content-Security-Policy violations (the page's CSP must allow the app). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test('Share puts the program in a link; the link opens it in a new page, not running', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await watchViolations(page);
  await page.goto('/?lesson=p59');
  await page.evaluate(() => localStorage.clear());
  const program = "print('shared', 6 * 7);";
  await setProgram(page, program);
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/\?lesson=p59&lang=(en|zh)#code=1\.[\w-]+$/);
  const link = await field.inputValue();
  await expect(page.locator('.share-note')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const reader = await context.newPage();
  const readerViolations = await watchViolations(reader);
  await reader.goto(link);
  expect(await editorText(reader)).toBe(program);
  await expect(reader.locator('#lesson-info h2')).toHaveText(/^p59 · /);
  // By the time Monaco is up, an automatic run would long have printed.
  await expect(reader.locator('.console .line')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: /Stop/ })).toBeDisabled();
  await reader.getByRole('button', { name: /Run/ }).click();
  await expect(reader.locator('.line .text')).toHaveText(['shared 42'], { timeout: 20_000 });
  // The reader's edits are not the link's program any more: the URL drops it.
  await reader.locator('.monaco-editor .view-lines').click();
  await reader.keyboard.press('End');
  await reader.keyboard.type(' // edited');
  await expect.poll(() => new URL(reader.url()).hash).toBe('');
  expect(await violations()).toEqual([]);
  expect(await readerViolations()).toEqual([]);
});

test('every gallery lesson round-trips through a link', async ({ page, baseURL }) => {
  // The lessons the gallery offers, each round-tripped by the same codec and link modules.
  await page.goto('/');
  const ids = await page
    .locator('#lesson option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const broken: string[] = [];
  let longest = 0;
  for (const id of ids) {
    const source = lessonSource(id);
    const code = await encodeProgram(source);
    const link = shareUrl(`${baseURL!}/`, { code, lesson: id, lang: 'zh' });
    longest = Math.max(longest, link.length);
    const read = readLinkOptions(link);
    if ((await decodeFiles(read.code!))[0].text !== source || read.lesson !== id) broken.push(id);
  }
  expect(ids.length).toBeGreaterThan(50);
  expect(broken).toEqual([]);
  expect(longest).toBeLessThan(8_000);
});

test('a damaged link opens the playground with a message that says so', async ({ page }) => {
  const token = await encodeProgram("print('cut me');\n".repeat(20));
  const cases = [
    [token.slice(0, token.length - 12), /damaged or was cut short/],
    ['1.@@@', /damaged or was cut short/],
    ['9.AAAA', /newer version of the playground/],
  ] as const;
  for (const [i, [code, message]] of cases.entries()) {
    await page.goto(`/?case=${i}#code=${code}`); // a new query: a new document, not a hash change
    await expect(page.locator('.link-problem[role=alert]')).toHaveText(message);
    // The page works on, with the welcome program.
    await expect(page.getByRole('button', { name: /Run/ })).toBeEnabled();
    expect(await editorText(page)).toMatch(/multiprocessing/);
  }
});

test('a program over 64 KB is refused with a message; Copy embed code gives an iframe', async ({
  page,
}) => {
  // Saved rather than typed: Monaco takes 70 KB of keystrokes slowly.
  await openWith(page, `// ${'x'.repeat(70_000)}\n`);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('.share-note.error')).toHaveText(/68\.4 KB.*at most 64 KB/);
  await expect(page.getByRole('textbox', { name: 'Share link' })).toBeHidden();

  await setProgram(page, "print('embedded');\n");
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/[^"]+\?embed=1&amp;lang=\w+#code=1\.[\w-]+"/);
  expect(snippet).toContain('allow="cross-origin-isolated');
  expect(snippet).not.toContain('sandbox');
});
