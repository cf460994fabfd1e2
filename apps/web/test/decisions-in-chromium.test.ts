import { DEMO_IDS } from '@maille/demo';
import { getMilestone } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceInChromium, seriousViolations, type Workspace } from './in-chromium.ts';

/*
 * A coordinator records, in Chromium, a steering committee's decision that reschedules a
 * milestone: the form keeps what was typed when it is refused, then the milestone's new date and
 * the decision are seen from both sides.
 */

const LR = DEMO_IDS.laRochelle;
const HELD = 'mtg_lrcopil01';
const MILESTONE = 'mil_lr0101';
const TEXT = 'Reporter le bilan annuel des conseillers au 30 juin.';
let world: Workspace['world'];
let origin: string;
let browser: Workspace['browser'];
let signIn: Workspace['signIn'];
let close: Workspace['close'] | undefined;

beforeAll(async () => {
  ({ world, origin, browser, signIn, close } = await openWorkspaceInChromium());
});

afterAll(() => close?.());

describe('a decision recorded on the meeting page, in Chromium', () => {
  it('reschedules a milestone to 30 June 2027, and the action page says so with a link back', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, LR.coordinator);

    await page.goto(`${origin}/reunions/${HELD}`);
    await page.getByText('Consigner une décision', { exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('La décision (obligatoire)').fill(TEXT);
    await page.getByLabel('Ce qu’elle change').selectOption({ label: 'Reporter un jalon' });
    await page.getByLabel('Jalon à reporter').selectOption(MILESTONE);
    // The new date forgotten: refused in French next to the field, nothing lost, nothing written.
    await page.getByRole('button', { name: 'Consigner la décision' }).click();
    await expect.poll(() => page.locator('#to-erreur').count()).toBe(1);
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'Le formulaire n’a pas été enregistré',
    );
    expect(await page.getByLabel('La décision (obligatoire)').inputValue()).toBe(TEXT);
    expect(await page.getByLabel('Jalon à reporter').inputValue()).toBe(MILESTONE);
    expect((await getMilestone(world.admin, { milestoneId: MILESTONE })).version).toBe(1);

    await page.getByLabel('Nouvelle échéance').fill('2027-06-30');
    await page.getByRole('button', { name: 'Consigner la décision' }).click();
    const changed = page.getByRole('link', { name: /reporté du .* au 30 juin 2027/ });
    await changed.waitFor();
    await changed.click();
    await page.waitForURL(/\/fiches\/act_lr0001/);
    const item = page.locator(`#jalon-${MILESTONE}`);
    expect(await item.textContent()).toContain('30 juin 2027');
    expect(await item.locator('.decided').textContent()).toMatch(
      new RegExp(`Décidé en séance du .*\\(Comité de pilotage de la feuille de route\\) : ${TEXT}`),
    );
    await item.locator('.decided a').click();
    await page.waitForURL(`${origin}/reunions/${HELD}`);
    expect(await page.locator('h1').textContent()).toContain('Comité de pilotage');
  });
});
