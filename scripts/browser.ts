/**
 * Finds a Chromium for the headless runner, the tests and the bench: $CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium, then Playwright's own download. On Debian as root, with none
 * found, installs Debian's package (Playwright cannot download browsers on this network).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightOwn()];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.error("No Chromium found: installing Debian's chromium package...");
    execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium found. Set CHROMIUM_PATH, or install Debian\'s "chromium" package (apt-get install chromium).',
  );
}

function playwrightOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
