import { lessonSource } from '../support/lessons';
import { expect, test } from '../support/runner';
import { explore, replay, transcript } from '../support/schedules';

// p63 "Be the scheduler" (#17): its explanation promises that exploring schedules finds the
// update its unlocked counter loses, that the failing schedule replays exactly, and that the
// fix it gives (the Value's lock around the line) explores clean.

const SOURCE = lessonSource('p63');
const FILE = { fileName: 'p63.ts' };

test('p63: exploring finds a schedule that loses an update within 200, and its replay shows the same run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The runner's --explore 200 without --seed: seed 1.
  const found = await explore(page, SOURCE, { ...FILE, schedules: 200, seed: 1 });
  expect(found.failing?.why).toBe('the main process exited with code 1');
  expect(found.explored).toBeLessThanOrEqual(200);
  const failing = found.failing!;
  // Fine steps: a read and a write are steps of their own.
  expect(failing.schedule).toMatch(/^1f\.[0-9a-z]+\./);
  const expected = transcript(failing);
  expect(expected).toMatch(/ stdout: total [0-5]$/m);
  expect(expected).toContain('lost an update: the total is');
  for (let k = 0; k < 3; k++) {
    const again = await replay(page, SOURCE, failing.schedule!, FILE);
    expect(again.diverged).toBe(false);
    expect(transcript(again)).toBe(expected);
  }
});

test('p63 with the fix it gives (the Value lock around the line): 40 schedules, none fails', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const line = 'c.value = c.value + 1;';
  expect(SOURCE).toContain(line);
  const fixed = SOURCE.replace(line, `c.getLock().withLock(() => { ${line} });`);
  const found = await explore(page, fixed, { ...FILE, schedules: 40, seed: 1 });
  expect(found.failing).toBeNull();
  expect(found.explored).toBe(40);
});

test('p63 in the page: it opens with race detection off, and Find a failing schedule finds the lost update', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?lesson=p63&lang=en');
  await expect(page.locator('body[data-workers=ready]')).toBeAttached({ timeout: 60_000 });
  // With detection on, the page's exploration would fail the first schedule on the race report.
  await expect(page.getByRole('button', { name: 'Detect races' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.getByRole('button', { name: 'Find a failing schedule' }).click();
  const status = page.getByRole('region', { name: 'Schedule' }).getByRole('status');
  await expect(status).toHaveText(/^Schedule \d+ fails: the main process exited with code 1\./, {
    timeout: 240_000,
  });
  await expect(page.locator('.console')).toContainText(/total [0-5]\b/);
  await expect(page.locator('.console')).toContainText('lost an update: the total is');
});
