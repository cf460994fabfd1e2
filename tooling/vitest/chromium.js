import { chromium } from 'playwright-core';

/**
 * Debian's headless Chromium (`apt-get install chromium`), as the page tests drive it. The
 * machine's network is closed: without these flags, Chromium keeps trying Google's hosts.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
