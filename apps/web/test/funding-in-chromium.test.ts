import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { DEMO_IDS } from '@maille/demo';
import { getFundingLine } from '@maille/domain/use-cases';
import { launchChromium } from '@maille/vitest-config/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestWeb } from './harness.ts';

// Correcting a payment recorded by mistake in Debian's headless Chromium: the State's grant to
// La Rochelle's advisers, paid in two years, on the sheet of its action — scanned by axe-core.

const LR = DEMO_IDS.laRochelle;
const ADVISERS = 'act_lr0001';
let world: Awaited<ReturnType<typeof openTestWeb>>;
let server: ReturnType<typeof serve>;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  world = await openTestWeb();
  server = serve({ fetch: world.web.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await world?.drop();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('payments on a sheet in Chromium', () => {
  it('corrects a payment, shows a refused one next to its date, and deletes another', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${await world.linkFor(LR.coordinator)}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${origin}/`);

    await page.goto(`${origin}/fiches/${ADVISERS}`);
    const payments = page.getByRole('list', { name: /^Versements reçus — / });
    expect(await payments.getByRole('listitem').count()).toBe(2);
    await page.evaluate("for (const d of document.querySelectorAll('details')) d.open = true");
    expect(await seriousViolations(page)).toEqual([]);

    // The second year, typed as paid next month: refused, the error next to the date.
    const second = payments.getByRole('listitem').nth(1);
    await second.getByLabel('Date du versement').fill('2026-12-15');
    await second.getByLabel('Montant versé (€)').fill('150 000');
    await second.getByRole('button', { name: 'Corriger ce versement' }).click();
    await page.waitForLoadState();
    const error = page.locator(`[id="versement-${LR.stateFunding}-1-on-erreur"]`);
    expect(await error.textContent()).toContain('est dans le futur');
    expect(await seriousViolations(page)).toEqual([]);

    const again = page.getByRole('list', { name: /^Versements reçus — / }).getByRole('listitem');
    await again.nth(1).getByLabel('Date du versement').fill('2022-06-15');
    await again.nth(1).getByRole('button', { name: 'Corriger ce versement' }).click();
    await page.waitForURL(`${origin}/fiches/${ADVISERS}#financements`);
    expect(
      (await getFundingLine(world.admin, { fundingLineId: LR.stateFunding })).payments[1],
    ).toMatchObject({ on: '2022-06-15', amountCents: 15_000_000 });

    const first = page.getByRole('list', { name: /^Versements reçus — / }).getByRole('listitem');
    await first.nth(0).locator('summary').click();
    await first.nth(0).getByRole('button', { name: 'Supprimer ce versement' }).click();
    await page.waitForURL(`${origin}/fiches/${ADVISERS}#financements`);
    const line = await getFundingLine(world.admin, { fundingLineId: LR.stateFunding });
    expect(line.payments.map((p) => p.amountCents)).toEqual([15_000_000]);
    expect(
      await page
        .getByRole('list', { name: /^Versements reçus — / })
        .getByRole('listitem')
        .count(),
    ).toBe(1);
    await context.close();
  }, 120_000);
});
