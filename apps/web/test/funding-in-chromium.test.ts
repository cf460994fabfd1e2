import { DEMO_IDS } from '@maille/demo';
import { getFundingLine } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceInChromium, seriousViolations, type Workspace } from './in-chromium.ts';

// Correcting a payment recorded by mistake in Debian's headless Chromium: the State's grant to
// La Rochelle's advisers, paid in two years, on the sheet of its action — scanned by axe-core.

const LR = DEMO_IDS.laRochelle;
const ADVISERS = 'act_lr0001';
let world: Workspace['world'];
let origin: string;
let browser: Workspace['browser'];
let signIn: Workspace['signIn'];
let close: Workspace['close'] | undefined;

beforeAll(async () => {
  ({ world, origin, browser, signIn, close } = await openWorkspaceInChromium());
});

afterAll(() => close?.());

describe('payments on a sheet in Chromium', () => {
  it('corrects a payment, shows a refused one next to its date, and deletes another', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, LR.coordinator);

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
