import { DEMO_IDS } from '@maille/demo';
import {
  addFundingLine,
  assignRole,
  createPerson,
  erasePersonalData,
  getAction,
  getGovernance,
  recordFundingPayment,
  updateGovernance,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceInChromium, seriousViolations, type Workspace } from './in-chromium.ts';

// The history in Debian's headless Chromium: the section of the governance page, the link to the
// whole history, « Plus ancien » — each page scanned by axe-core.

const LR = DEMO_IDS.laRochelle;
let world: Workspace['world'];
let origin: string;
let browser: Workspace['browser'];
let signIn: Workspace['signIn'];
let close: Workspace['close'] | undefined;

beforeAll(async () => {
  ({ world, origin, browser, signIn, close } = await openWorkspaceInChromium());
});

afterAll(() => close?.());

describe('the history in Chromium', () => {
  it('leads from the governance page to its whole history and back in time, accessibly', async () => {
    // 25 changes: more than a page of history.
    for (let n = 1; n <= 25; n++) {
      const governance = await getGovernance(world.admin, { governanceId: LR.governance });
      await updateGovernance(world.admin, {
        id: LR.governance,
        expectedVersion: governance.version,
        patch: { description: `Description n° ${n}` },
      });
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, LR.coordinator);

    await page.goto(`${origin}/gouvernances/${LR.governance}`);
    const section = page.getByRole('region', { name: 'Historique' });
    expect(await section.getByRole('listitem').first().textContent()).toContain(
      'Description n° 25',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await section.getByRole('link', { name: 'Tout l’historique' }).click();
    await page.waitForURL(`${origin}/gouvernances/${LR.governance}/historique`);
    expect(await page.locator('h1').textContent()).toMatch(/^Historique — /);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Plus ancien' }).click();
    await page.waitForURL(/\/historique\?avant=aud_/);
    expect(await page.locator('main').textContent()).toContain('→ Description n° 5');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Revenir au plus récent' }).click();
    await page.waitForURL(`${origin}/gouvernances/${LR.governance}/historique`);
    await context.close();
  });

  it('reads an action’s history by its current name, a payment item by item, its erased author named nowhere', async () => {
    const action = 'act_lr0001';
    const jeanne = await createPerson(world.admin, {
      displayName: 'Jeanne Dupont-Lefèvre',
      email: 'jeanne.dupont@exemple.fr',
      functions: ['coordinateur'],
    });
    await assignRole(world.admin, {
      governanceId: LR.governance,
      personId: jeanne.id,
      role: 'coordinateur',
    });
    const asJeanne = { ...world.admin, actor: { personId: jeanne.id, channel: 'web' as const } };
    const line = await addFundingLine(asJeanne, {
      actionId: action,
      funderKind: 'region',
      programme: 'Bus numérique',
      amountCents: 2_000_000,
      status: 'accorde',
      grantedCents: 2_000_000,
      decidedOn: '2026-09-15',
    });
    await recordFundingPayment(asJeanne, {
      fundingLineId: line.id,
      payment: { on: '2026-10-05', amountCents: 500_000, note: 'Avance' },
    });
    await erasePersonalData(world.admin, { personId: jeanne.id });
    const { code, title } = await getAction(world.admin, { actionId: action });

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, LR.coordinator);
    await page.goto(`${origin}/gouvernances/${LR.governance}/historique?id=${action}`);
    expect(await page.locator('h1').textContent()).toBe(
      `Historique de l’action « ${code} ${title} »`,
    );
    const payment = page.getByRole('listitem').filter({ hasText: 'a enregistré un versement' });
    expect(await payment.first().textContent()).toMatch(
      /membre supprimé a enregistré un versement du financement « Bus numérique ».*Versements :.*ajouté : « 5\s000\s€ le 5 octobre 2026 \(Avance\) »/s,
    );
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/Jeanne|Dupont|jeanne\.dupont/i);
    expect(main).not.toContain('amountCents');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
