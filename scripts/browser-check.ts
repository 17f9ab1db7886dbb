/** Makes sure a Chromium is there before the end-to-end tests start (installs it where it may). */
import { findChromium } from './browser';

console.log(`Chromium: ${findChromium()}`);
