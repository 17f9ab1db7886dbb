import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startDevServer } from '../scripts/dev-server';
import { serveFolder } from './support/http';
import { BUILD_DIR } from './support/server';

// The suite runs against the production build served by `vite preview` (playwright.config.ts
// builds it into BUILD_DIR): it must be cross-origin isolated and run programs, its process
// Workers and kernels coming from the build. The dev server must be too.
test.describe.configure({ timeout: 180_000 });

const LOCK_PROGRAM = `import { Process, Lock } from 'multiprocessing';
function f(lock: Lock) { lock.withLock(() => print('child with the lock')); }
if (__name__ === '__main__') { const p = new Process({ target: f, args: [new Lock()] }); p.start(); p.join(); print('exit', p.exitCode); }`;

async function runInRunner(page: Page, base: string): Promise<string[]> {
  await page.goto(new URL('run.html', base).href);
  await page.waitForFunction(() => typeof window.runProgram === 'function');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const result = await page.evaluate((source) => window.runProgram(source), LOCK_PROGRAM);
  return result.events.flatMap((e) => (e.type === 'output' ? [e.text] : []));
}

test('vite preview of the build sends every header and runs a program', async ({
  page,
  request,
  baseURL,
}) => {
  const url = `${baseURL!}/`;
  const workerScript = readdirSync(`${BUILD_DIR}/assets`).find((f) =>
    /^worker-main-.*\.js$/.test(f),
  );
  for (const path of ['', 'run.html', 'kernels.wasm', `assets/${workerScript}`]) {
    const response = await request.get(new URL(path, url).href);
    const headers = response.headers();
    expect(response.status(), path).toBe(200);
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy'], path).toBe('require-corp');
    expect(headers['cross-origin-resource-policy'], path).toBe('cross-origin');
    expect(headers['document-isolation-policy'], path).toBe('isolate-and-require-corp');
  }
  const policy = async (path: string) =>
    (await request.get(new URL(path, url).href)).headers()['content-security-policy'];
  expect(await policy('')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await policy(`assets/${workerScript}`)).toContain('connect-src data:');
  // Static hosts read the same headers from the build's _headers file.
  const hostHeaders = readFileSync(`${BUILD_DIR}/_headers`, 'utf8');
  expect(hostHeaders).toContain('Document-Isolation-Policy: isolate-and-require-corp');
  expect(hostHeaders).toMatch(/\/assets\/\*\n {2}Content-Security-Policy: .*connect-src data:;/);

  expect(await runInRunner(page, url)).toEqual(['child with the lock', 'exit 0']);
  // A program's Workers cannot reach the network (their own Content-Security-Policy).
  const fetched = await page.evaluate(() =>
    window.runProgram(
      "fetch('/').then(() => print('fetched'), (e) => print('refused', e.name)); setTimeout(() => {}, 300);",
    ),
  );
  expect(fetched.events.flatMap((e) => (e.type === 'output' ? [e.text] : []))).toEqual([
    'refused TypeError',
  ]);
});

test('on a host that sends no headers, the service worker isolates the page after one reload', async ({
  page,
}) => {
  const host = await serveFolder(BUILD_DIR);
  try {
    const response = await page.request.get(host.url);
    expect(response.headers()['cross-origin-embedder-policy']).toBeUndefined();
    // The service worker must be one classic script: no import of a shared chunk.
    expect(readFileSync(`${BUILD_DIR}/coi-sw.js`, 'utf8')).not.toMatch(/\bimport\b/);

    await page.goto(host.url);
    await expect
      // The page reloads itself once: an evaluate across that reload fails, and is retried.
      .poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.getByRole('button', { name: /Run/ }).click();
    await expect(page.locator('.line.system')).toContainText('exit code 0', { timeout: 30_000 });
    expect(await runInRunner(page, host.url)).toEqual(['child with the lock', 'exit 0']);
  } finally {
    await host.close();
  }
});

test('the dev server sends the isolation headers and runs a program', async ({ page, request }) => {
  const { server, url } = await startDevServer();
  try {
    for (const path of ['', 'run.html', 'kernels.wasm']) {
      const headers = (await request.get(new URL(path, url).href)).headers();
      expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(headers['cross-origin-embedder-policy'], path).toBe('require-corp');
    }
    expect(await runInRunner(page, url)).toEqual(['child with the lock', 'exit 0']);
  } finally {
    await server.close();
  }
});
