import type { Browser } from 'playwright-core';

/** Debian's headless Chromium, as the page tests drive it (no network, no sandbox). */
export function launchChromium(): Promise<Browser>;
