/**
 * npm run bench [-- --json] [--only WORD]
 *
 * Builds the site, serves it with `vite preview`, and measures in headless Chromium, in one
 * run, every figure the issues name. Prints a table, or with --json one object
 * { name: { value, unit, target, ok } }. Exits 1 if a target is missed.
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { launchChromium } from './browser';
import type { Measure } from './bench/measure';
import { floodMeasures } from './bench/flood';
import { kernelMeasures } from './bench/kernels';
import { pageMeasures } from './bench/page';
import { poolMeasures } from './bench/pools';
import { processMeasures } from './bench/processes';
import { queueMeasures } from './bench/queues';
import { raceMeasures } from './bench/races';
import { scheduleMeasures } from './bench/schedules';
import { shareMeasures } from './bench/share';
import { syncMeasures } from './bench/sync';
import { userKernelMeasures } from './bench/user-kernels';

const MEASURES: Measure[] = [
  ...processMeasures,
  ...syncMeasures,
  ...queueMeasures,
  ...poolMeasures,
  ...kernelMeasures,
  ...userKernelMeasures,
  ...raceMeasures,
  ...scheduleMeasures,
  ...shareMeasures,
  ...pageMeasures,
  ...floodMeasures,
];

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});
/** `--only WORD` measures just the figures whose name contains WORD. */
const chosen = MEASURES.filter((m) => !values.only || m.name.includes(values.only));

execSync('npx vite build --logLevel error', { stdio: values.json ? 'ignore' : 'inherit' });
const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report its address');
const browser = await launchChromium();
const results: Record<string, { value: number; unit: string; target: string; ok: boolean }> = {};
try {
  const page = await browser.newPage();
  await page.goto(new URL('run.html', url).href);
  await page.waitForFunction(() => typeof window.runProgram === 'function');
  for (const measure of chosen) {
    // A figure that cannot be measured (too little work to time, a run that failed) is
    // reported as missed, with why, and the others are still measured.
    let value = NaN;
    try {
      value = Math.round((await measure.run(page)) * 100) / 100;
    } catch (error) {
      console.error(`${measure.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    results[measure.name] = {
      value,
      unit: measure.unit,
      target: measure.target,
      ok: !Number.isNaN(value) && measure.ok(value),
    };
    if (!values.json) {
      const r = results[measure.name];
      console.log(
        `${measure.name.padEnd(42)} ${String(r.value).padStart(10)} ${r.unit.padEnd(6)} target ${r.target.padEnd(8)} ${r.ok ? 'ok' : 'MISSED'}`,
      );
    }
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (!values.json) console.log(`(navigator.hardwareConcurrency: ${cores})`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
if (values.json) console.log(JSON.stringify(results));
process.exit(Object.values(results).every((r) => r.ok) ? 0 : 1);
