import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { launchChromium } from '@maille/vitest-config/chromium';
import type { Page } from 'playwright-core';
import { openTestWeb } from './harness.ts';

/**
 * The web workspace served by a real node server on a free port, and Debian's headless Chromium
 * to visit it: what every `*-in-chromium` test starts from.
 */
export async function openWorkspaceInChromium() {
  const world = await openTestWeb();
  const server = serve({ fetch: world.web.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    world,
    origin,
    browser,
    /** Opens a fresh sign-in link for the person and confirms it, as they would by hand. */
    signIn: async (page: Page, personId: string) => {
      await page.goto(`${origin}${await world.linkFor(personId)}`);
      await page.getByRole('button', { name: 'Me connecter' }).click();
      await page.waitForURL(`${origin}/`);
    },
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await world.drop();
    },
  };
}

/** Axe's violations of impact serious or critical on the page, by rule. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type Workspace = Awaited<ReturnType<typeof openWorkspaceInChromium>>;
