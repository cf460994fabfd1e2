/**
 * Screenshots of the web workspace's main pages, desktop and phone, into docs/screenshots/:
 * `pnpm screenshots` from the repository's root. The demo is seeded in a throwaway SQLite file,
 * served on a free port and visited by the machine's Chromium, signed in as the demo coordinator.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEMO_IDS } from '@maille/demo';
import { launchChromium } from '@maille/vitest-config/chromium';
import { openTestWeb } from '../test/harness.ts';

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const LR = DEMO_IDS.laRochelle;
const PAGES = [
  ['accueil', '/'],
  ['gouvernance', `/gouvernances/${LR.governance}`],
  ['instance', `/instances/${LR.steeringCommittee}`],
  ['reunion', '/reunions/mtg_lrcopil01'],
  ['feuille-de-route', `/feuilles-de-route/${LR.roadmap}`],
  ['fiche-action', '/fiches/act_lr0002'],
  ['point-copil', `/gouvernances/${LR.governance}/point-copil`],
  ['indicateurs', `/gouvernances/${LR.governance}/indicateurs`],
  ['lieux', `/gouvernances/${LR.governance}/lieux`],
  ['mon-compte', '/compte'],
] as const;
const VIEWPORTS = [
  ['bureau', { width: 1280, height: 900 }],
  ['telephone', { width: 360, height: 740 }],
] as const;

const world = await openTestWeb();
const server = serve({ fetch: world.web.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  for (const [device, viewport] of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${origin}${await world.linkFor(LR.coordinator)}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${origin}/`);
    for (const [name, path] of PAGES) {
      const response = await page.goto(`${origin}${path}`);
      if (!response?.ok()) throw new Error(`${path} : ${response?.status()}`);
      await page.screenshot({ path: `${OUT}${name}-${device}.png`, fullPage: true });
      console.log(`docs/screenshots/${name}-${device}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  await world.drop();
}
