import { execSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

// The production build, served by `vite preview`, must be cross-origin isolated like the dev
// server, and run programs (its process Workers and kernels come from the build).
test.describe.configure({ timeout: 180_000 });

let server: PreviewServer;
let url: string;

test.beforeAll(async () => {
  execSync('npx vite build --logLevel error --outDir build/preview-test', { stdio: 'inherit' });
  server = await preview({
    logLevel: 'error',
    build: { outDir: 'build/preview-test' },
    preview: { host: '127.0.0.1', port: 0 },
  });
  url = server.resolvedUrls!.local[0];
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
});

test('vite preview of the build sends the isolation headers and runs a program', async ({
  page,
  request,
}) => {
  for (const path of ['', 'run.html', 'kernels.wasm']) {
    const response = await request.get(new URL(path, url).href);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(response.headers()['cross-origin-embedder-policy'], path).toBe('require-corp');
  }
  await page.goto(new URL('run.html', url).href);
  await page.waitForFunction(() => typeof window.runProgram === 'function');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const result = await page.evaluate(() =>
    window.runProgram(
      `import { Process, Lock } from 'multiprocessing';
function f(lock: Lock) { lock.withLock(() => print('child with the lock')); }
if (__name__ === '__main__') { const p = new Process({ target: f, args: [new Lock()] }); p.start(); p.join(); print('exit', p.exitCode); }`,
    ),
  );
  const lines = result.events.flatMap((e) => (e.type === 'output' ? [e.text] : []));
  expect(lines).toEqual(['child with the lock', 'exit 0']);
});
