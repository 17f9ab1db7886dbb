import type { Page } from '@playwright/test';
import type { RunEvent } from '../src/host/run-events';
import { openWith } from './support/playground';
import { expect, runProgram, test, type RunResult } from './support/runner';

type DisplayEvent = Extract<RunEvent, { type: 'display' }>;
const displays = (run: RunResult) =>
  run.raw.events.filter((e): e is DisplayEvent => e.type === 'display');

test('display.image names the shared array; the runner reads what a child wrote into it', async ({
  page,
}) => {
  const run = await runProgram(
    page,
    `import { Process, RawArray } from 'multiprocessing';
import { image, chart } from 'display';
function paint(pixels: RawArray) {
  for (let i = 0; i < pixels.length; i += 4) { pixels[i] = 255; pixels[i + 3] = 255; } // opaque red
  chart({ a: [1, 2.5], b: [3, 4] }, { labels: ['<b>x</b>', 7], type: 'line', title: 't' });
}
if (__name__ === '__main__') {
  const pixels = new RawArray('B', 3 * 2 * 4);
  const rows = new RawArray('i', [5, 0]);
  image(pixels, 3, 2, { format: 'rgba', tintRows: rows, title: 'red' });
  const p = new Process({ target: paint, args: [pixels] });
  p.start();
  p.join();
}`,
  );
  expect(run.stderr).toBe('');
  const [shown, charted] = displays(run);
  expect(shown).toMatchObject({ name: 'MainProcess', pid: 1000 });
  expect(shown.item).toMatchObject({ kind: 'image', width: 3, height: 2, format: 'rgba' });
  expect(shown.item.kind === 'image' && shown.item.pixels).toMatchObject({
    length: 24,
    view: 'Uint8Array',
  });
  // The chart came from the child, by value; labels are text, never markup.
  expect(charted).toMatchObject({
    name: 'Process-1',
    pid: 1001,
    item: {
      kind: 'chart',
      type: 'line',
      title: 't',
      labels: ['<b>x</b>', '7'],
      series: [
        { name: 'a', data: [1, 2.5] },
        { name: 'b', data: [3, 4] },
      ],
    },
  });
  const [snapshot] = run.raw.images!;
  expect(snapshot.pixels).toEqual(Array.from({ length: 6 }, () => [255, 0, 0, 255]).flat());
  expect(snapshot.tintRows).toEqual([5, 0]);
});

test('wrong calls are refused with the rule they broke', async ({ page }) => {
  const run = await runProgram(
    page,
    `import { RawArray, SharedArray } from 'multiprocessing';
import { image, chart } from 'display';
const calls: [string, () => void][] = [
  ['plain', () => image([1, 2, 3, 4] as never, 2, 2)],
  ['typed', () => image(new Int32Array(4) as never, 2, 2)],
  ['small', () => image(new RawArray('i', 10), 4, 3)],
  ['rgba', () => image(new RawArray('i', 48), 4, 3, { format: 'rgba' })],
  ['bigint', () => image(new RawArray('q', 4), 2, 2)],
  ['side', () => image(new RawArray('i', 4), 0, 4)],
  ['tint', () => image(new RawArray('i', 4), 2, 2, { tintRows: new RawArray('i', 1) })],
  ['palette', () => image(new SharedArray('d', 4), 2, 2, { palette: ['#000', 'red'] })],
  ['nan', () => chart([1, NaN])],
  ['labels', () => chart({ t: [1, 2] }, { labels: ['one'] })],
];
for (const [name, call] of calls) {
  try { call(); print(name, 'accepted'); } catch (e) { print(name, (e as Error).name + ': ' + (e as Error).message); }
}`,
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toEqual([
    "plain TypeError: pixels must be a SharedArray or RawArray from 'multiprocessing' (the page reads it from shared memory), not a plain Array",
    "typed TypeError: pixels must be a SharedArray or RawArray from 'multiprocessing' (the page reads it from shared memory), not Int32Array",
    'small ValueError: width * height = 12 pixels, but the array has only 10 elements (one value per pixel)',
    "rgba ValueError: 'rgba' pixels are bytes: use a SharedArray('B', width * height * 4)",
    "bigint ValueError: pixels of typecode 'q' cannot be drawn: use a number typecode (b B h H i I l L f d)",
    'side ValueError: width must be an integer from 1 to 4096, not 0',
    'tint ValueError: tintRows needs one element per row: height = 2, but it has 1',
    `palette ValueError: bad palette colour "red": use '#rgb', '#rrggbb' or a number 0xRRGGBB`,
    'nan ValueError: the data[1] is NaN: every value must be a finite number',
    "labels ValueError: labels has 1 entries but series 't' has 2 values: give one label per value",
  ]);
  expect(displays(run)).toEqual([]); // a refused call shows nothing
});

/** RGBA of the display pane's first canvas at (x, y). */
const pixelAt = (page: Page, x: number, y: number) =>
  page
    .locator('.display-pane canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, [x, y]) => [
        ...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data,
      ],
      [x, y],
    );

test('the page redraws an image from shared memory while the run is live', async ({ page }) => {
  await openWith(
    page,
    `import { RawArray } from 'multiprocessing';
import { image } from 'display';
import { sleep } from 'time';
const W = 32, H = 32;
const pixels = new RawArray('B', W * H);
image(pixels, W, H, { title: 'halves' });
for (let i = 0; i < (W * H) / 2; i++) pixels[i] = 255;
print('top half');
sleep(4);
for (let i = (W * H) / 2; i < W * H; i++) pixels[i] = 255;
`,
  );
  await page.getByRole('button', { name: /Run/ }).click();
  const pane = page.locator('.display-pane');
  await expect(pane.locator('figcaption')).toContainText('halves', { timeout: 20_000 });
  await expect(page.locator('.line .text')).toHaveText(['top half'], { timeout: 20_000 });
  // No event told the page the top half changed: it read shared memory on its own.
  await expect.poll(() => pixelAt(page, 0, 0)).toEqual([255, 255, 255, 255]);
  expect(await pixelAt(page, 0, 31)).toEqual([0, 0, 0, 255]);
  expect(await page.evaluate(() => document.body.dataset.running)).toBe('true');
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 20_000 });
  expect(await pixelAt(page, 0, 31)).toEqual([255, 255, 255, 255]); // the final redraw
});

test('p57 and p58 on the playground: a chart and a tinted image appear, with text captions', async ({
  page,
}) => {
  await page.goto('/?lesson=p58');
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 45_000 });
  const image = page.locator('.display-pane figure.image');
  await expect(image.locator('canvas')).toHaveAttribute('width', '800');
  // The legend names the pids that drew rows. (Under load a process can start after the others
  // have taken every row: it prints that it drew 0 and has no tint.)
  const pids = (await page.locator('.line .text').allTextContents()).flatMap((line) => {
    const drew = /^pid (\d+) drew (\d+) rows/.exec(line);
    return drew && Number(drew[2]) > 0 ? [drew[1]] : [];
  });
  expect(pids.length).toBeGreaterThan(0);
  expect((await image.locator('.tint-legend span').allTextContents()).sort()).toEqual(pids.sort());

  await page.goto('/?lesson=p57');
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 45_000 });
  const chart = page.locator('.display-pane figure.chart canvas');
  await expect(chart).toHaveCount(1); // redrawn after each measurement, not added
  await expect(chart).toHaveAttribute('aria-label', 'speed-up over 1 process');
  // Chart.js (loaded on first use) drew on it: some pixels are not blank.
  const inked = () =>
    chart.evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return data.some((v, i) => i % 4 === 3 && v > 0);
    });
  await expect.poll(inked).toBe(true);
});
