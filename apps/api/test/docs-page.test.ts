import { launchChromium } from '@maille/vitest-config/chromium';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ListeningApi, listen, openTestApi, type TestApi } from './harness.ts';

/*
 * The /docs page in a real headless Chromium (Debian's), served by the real node server: it must
 * render, in French, with its own stylesheet under the strict CSP, and ask nothing of any other
 * host — the API may run where there is no internet.
 */

let api: TestApi;
let server: ListeningApi;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  api = await openTestApi();
  server = await listen(api);
  origin = server.origin;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.drop();
});

it('renders the reference in French with its own stylesheet, and loads nothing from elsewhere', async () => {
  const page = await browser.newPage();
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  const response = await page.goto(`${origin}/docs`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  expect(await page.locator('h1').textContent()).toContain('API de Maille');

  // Every operation of the document has its card: the page is built from /openapi.json.
  const document = (await (await fetch(`${origin}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
  expect(await page.locator('article.operation').count()).toBe(operations.length);
  const publishUpdate = page.locator('article.operation', { hasText: 'POST /updates' });
  await expect.poll(() => publishUpdate.count()).toBe(1);
  expect(await publishUpdate.textContent()).toContain('Publier un point d’étape');
  expect(await publishUpdate.textContent()).toContain('Clé d’API obligatoire');

  // The stylesheet applied (a GET badge is green): the CSP let it in, and only it.
  // A string, evaluated in the page: this package's types know Node, not the DOM.
  const badgeColor = "getComputedStyle(document.querySelector('.method.get')).backgroundColor";
  expect(await page.evaluate(badgeColor)).toBe('rgb(24, 117, 60)');
  expect(requested.every((url) => url.startsWith(origin))).toBe(true);
  expect(requested).toContain(`${origin}/docs/style.css`);
  expect(problems).toEqual([]);
  await page.close();
});

it('unfolds the fields of a request body, with their constraints in French', async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/docs`);
  const publishUpdate = page.locator('article.operation', { hasText: 'POST /updates' });
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, cells apart, is the point.
  const text = await publishUpdate.innerText();
  // The body's fields, required or not, with the limits the kernel enforces.
  expect(text).toMatch(/text\s+oui\s+texte, de 1 à 5000 caractères/);
  expect(text).toContain('l’une de : avancement, blocage, decision, information');
  await page.close();
});
