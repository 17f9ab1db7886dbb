import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { median, type Measure } from './measure';

const DIST = new URL('../../dist/', import.meta.url);

/**
 * The playground's JS a reader downloads before Monaco: the built index.html's entry script
 * and the modules it preloads (its static imports), gzipped as a server would send them.
 * Monaco and everything else arrive later, through dynamic imports.
 */
const initialJs: Measure = {
  name: 'initial_js_gzip',
  unit: 'KB',
  target: '< 250',
  ok: (v) => v < 250,
  async run() {
    const html = readFileSync(new URL('index.html', DIST), 'utf8');
    const files = [
      ...html.matchAll(/<script type="module"[^>]* src="\.?\/?([^"]+)"/g),
      ...html.matchAll(/<link rel="modulepreload"[^>]* href="\.?\/?([^"]+)"/g),
    ].map((m) => m[1]);
    if (files.length === 0) throw new Error('no entry script in dist/index.html');
    const bytes = files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(new URL(file, DIST))).length,
      0,
    );
    return bytes / 1024;
  },
};

/**
 * Navigation to the moment Run works (the page marks `playground-ready` once Run is wired;
 * Monaco is still loading then), median of 5 fresh loads in headless Chromium.
 */
const firstRun: Measure = {
  name: 'navigation_to_run_ready',
  unit: 'ms',
  target: '< 1000',
  ok: (v) => v < 1000,
  async run(page) {
    const times: number[] = [];
    const url = new URL('./', page.url()).href;
    const context = await page.context().browser()!.newContext();
    const fresh = await context.newPage();
    for (let k = 0; k < 5; k++) {
      await fresh.goto(url);
      await fresh.waitForFunction(() => performance.getEntriesByName('playground-ready').length);
      times.push(
        await fresh.evaluate(() => performance.getEntriesByName('playground-ready')[0].startTime),
      );
    }
    await context.close();
    return median(times);
  },
};

export const pageMeasures: Measure[] = [initialJs, firstRun];
