/** Light and dark themes: following the system unless the reader chose one (remembered). */
import { savedSetting, saveSetting } from './storage';

export type ThemeChoice = 'system' | 'light' | 'dark';

const media = matchMedia('(prefers-color-scheme: dark)');
let choice: ThemeChoice = (savedSetting('theme') as ThemeChoice | null) ?? 'system';
const listeners: ((dark: boolean) => void)[] = [];

export const themeChoice = (): ThemeChoice => choice;
export const isDark = (): boolean => choice === 'dark' || (choice === 'system' && media.matches);

/** Calls `listener` now and whenever the resolved theme changes. */
export function onTheme(listener: (dark: boolean) => void): void {
  listeners.push(listener);
  listener(isDark());
}

export function setTheme(next: ThemeChoice, remember: boolean): void {
  choice = next;
  if (remember) saveSetting('theme', next);
  apply();
}

function apply(): void {
  const dark = isDark();
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  for (const listener of listeners) listener(dark);
}

media.addEventListener('change', apply);
apply();
