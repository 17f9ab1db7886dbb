import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser';

// E2E_PORT lets two test runs share a machine without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 5188);

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
  webServer: {
    command: `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/run.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
