import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { serveFolder } from './support/http';

// The production build, served by `vite preview`, must be cross-origin isolated like the dev
// server, and run programs (its process Workers and kernels come from the build).
// Serial: one worker builds once (two workers would each build into OUT, emptying it under
// the other).
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const OUT = 'build/preview-test';
let server: PreviewServer;
let url: string;

test.beforeAll(async () => {
  execSync(`npx vite build --logLevel error --outDir ${OUT}`, { stdio: 'inherit' });
  server = await preview({
    logLevel: 'error',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: 0 },
  });
  url = server.resolvedUrls!.local[0];
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
});

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
}) => {
  const workerScript = readdirSync(`${OUT}/assets`).find((f) => /^worker-main-.*\.js$/.test(f));
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
  expect(await policy(`assets/${workerScript}`)).toContain("connect-src 'none'");
  // Static hosts read the same headers from the build's _headers file.
  const hostHeaders = readFileSync(`${OUT}/_headers`, 'utf8');
  expect(hostHeaders).toContain('Document-Isolation-Policy: isolate-and-require-corp');
  expect(hostHeaders).toMatch(/\/assets\/\*\n {2}Content-Security-Policy: .*connect-src 'none'/);

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
  const host = await serveFolder(OUT);
  try {
    const response = await page.request.get(host.url);
    expect(response.headers()['cross-origin-embedder-policy']).toBeUndefined();
    // The service worker must be one classic script: no import of a shared chunk.
    expect(readFileSync(`${OUT}/coi-sw.js`, 'utf8')).not.toMatch(/\bimport\b/);

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
