import { defineConfig } from '@playwright/test';
import { BUILD_DIR, E2E_PORT as PORT } from './e2e/support/server';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  // Lessons assert what real processes do in real time, on two cores shared with the browser
  // and the other test: a process that starts late under that load can fail a test once (the
  // report lists it as flaky). A defect fails the retry too.
  retries: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'all', testIgnore: /\.solo\.spec\.ts$/ },
    // Timing-sensitive tests and those that load every core (so would starve the others'
    // processes), one at a time when the others are done.
    { name: 'solo', testMatch: /\.solo\.spec\.ts$/, dependencies: ['all'], workers: 1 },
  ],
  // The tests run what ships: the production build (minified, bundled), served by `vite
  // preview` with the same headers as the dev server (scripts/hosting.ts). e2e/preview.spec.ts
  // also runs a program on the dev server.
  webServer: {
    command:
      `npx vite build --logLevel error --outDir ${BUILD_DIR} && ` +
      `npx vite preview --outDir ${BUILD_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/run.html`,
    reuseExistingServer: !process.env.CI,
    // The build takes about 20 s alone, longer on cores shared with other runs.
    timeout: 240_000,
  },
});
