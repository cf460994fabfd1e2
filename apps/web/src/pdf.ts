import { existsSync } from 'node:fs';

/** Turns a page's HTML into an A4 PDF. */
export type PrintToPdf = (page: string) => Promise<Uint8Array>;

/**
 * The machine's Chromium as a printer, or `undefined` when it is not installed (the brief then
 * says so in French). One PDF at a time: each launches its own headless Chromium (~150 MB for a
 * second) and closes it, so a burst of downloads waits rather than filling the memory, and
 * nothing stays running while nobody prints.
 */
export function chromiumPrinter(executablePath: string): PrintToPdf | undefined {
  if (!existsSync(executablePath)) return undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return (page) => {
    const printed = queue.then(() => print(executablePath, page));
    queue = printed.catch(() => undefined);
    return printed;
  };
}

async function print(executablePath: string, page: string): Promise<Uint8Array> {
  // Loaded at the first print: the server does not carry Playwright while nobody prints.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    // No network: the page carries its stylesheet, and Chromium must not call Google's hosts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const tab = await browser.newPage();
    await tab.route('**/*', (route) => route.abort());
    await tab.setContent(page, { waitUntil: 'load' });
    return await tab.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
