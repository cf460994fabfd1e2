import { DEMO_IDS } from '@maille/demo';
import {
  addGovernanceOrganization,
  getActionSheet,
  getFundingLine,
  recordFundingPayment,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
const FORMATION = 'act_lr0006';
const CDA = 'org_lrcdalr';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

const lineOf = async (id: string) =>
  (await getActionSheet(world.admin, { actionId: FORMATION })).fundingLines.find(
    (l) => l.id === id,
  );

describe('a funding line’s calendar on its sheet and on the funding page', () => {
  it('records the dates and a payment, refusing a calendar out of order with what was typed kept', async () => {
    const cookie = await signedIn(MOREAU);
    const sheet = await getActionSheet(world.admin, { actionId: FORMATION });
    // The CAF's line, granted in the demo.
    const line = sheet.fundingLines.find((l) => l.status === 'accorde');
    if (!line) throw new Error('la fiche de formation devrait avoir un financement accordé');
    const prefix = `fin-${line.id}`;
    const form = {
      version: String(line.version),
      [`${prefix}-funderKind`]: line.funderKind,
      [`${prefix}-amount`]: '9 000',
      [`${prefix}-status`]: 'accorde',
      [`${prefix}-decidedOn`]: line.decidedOn ?? '',
      [`${prefix}-granted`]: '8 000',
    };
    const refused = await post(`/financements/${line.id}`, cookie, {
      ...form,
      [`${prefix}-agreementEndsOn`]: '2020-01-31',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(`id="${prefix}-agreementEndsOn-erreur"`);
    expect(page).toContain('La fin de la convention (31 janvier 2020) précède la décision');
    expect(page).toContain('value="8 000"');
    expect((await lineOf(line.id))?.version).toBe(line.version);

    const saved = await post(`/financements/${line.id}`, cookie, {
      ...form,
      [`${prefix}-agreementEndsOn`]: '2030-12-31',
      [`${prefix}-reportDueOn`]: '2031-03-31',
    });
    expect(saved.status).toBe(303);
    const dated = await lineOf(line.id);
    expect(dated).toMatchObject({
      grantedCents: 800_000,
      agreementEndsOn: '2030-12-31',
      reportDueOn: '2031-03-31',
    });

    const payment = `versement-${line.id}`;
    const over = await post(`/financements/${line.id}/versements`, cookie, {
      version: String(dated?.version),
      [`${payment}-on`]: '2026-11-20',
      [`${payment}-amount`]: '9 000',
    });
    expect(over.status).toBe(400);
    const overPage = await over.text();
    expect(overPage).toContain(`id="${payment}-amount-erreur"`);
    expect(overPage).toContain('dépassent le montant accordé');

    const paid = await post(`/financements/${line.id}/versements`, cookie, {
      version: String(dated?.version),
      [`${payment}-on`]: '2026-11-20',
      [`${payment}-amount`]: '4 000',
      [`${payment}-note`]: 'Avance de 50 %',
    });
    expect(paid.status).toBe(303);
    const sheetPage = await (await get(`/fiches/${FORMATION}`, cookie)).text();
    // Granted and paid, in the table of the sheet.
    expect(sheetPage).toMatch(/8\u202f000\u00a0€<\/td><td>4\u202f000\u00a0€<\/td>/);

    const funding = await get(`/gouvernances/${LR.governance}/financements`, cookie);
    expect(funding.status).toBe(200);
    const fundingPage = await funding.text();
    expect(fundingPage).toContain('Financements et échéances');
    expect(fundingPage).toContain('20 novembre 2026 : versement de 4\u202f000\u00a0€');
    expect(fundingPage).toContain('31 mars 2031 : Bilan à rendre');
    // The funder view: one line asked 9 000 €, granted 8 000 €, paid 4 000 €, 4 000 € to come.
    expect(fundingPage).toMatch(
      /<tr><th scope="row">[^<]+<\/th><td>1<\/td><td>9\u202f000\u00a0€<\/td><td>8\u202f000\u00a0€<\/td><td>4\u202f000\u00a0€<\/td><td>4\u202f000\u00a0€<\/td><\/tr>/,
    );
    const csv = await get(`/gouvernances/${LR.governance}/financements.csv`, cookie);
    expect(csv.headers.get('Content-Disposition')).toMatch(/financements-gov_larochelle-/);
    expect(await csv.text()).toContain('2026-11-20 : 4000,00 €');
  });

  it('offers the governance’s organizations as funder, and corrects or deletes a payment, refusing a wrong one next to its field', async () => {
    const cookie = await signedIn(MOREAU);
    await addGovernanceOrganization(world.admin, {
      governanceId: LR.governance,
      organizationId: CDA,
      role: 'membre',
    });
    const sheetPage = await (await get(`/fiches/${FORMATION}`, cookie)).text();
    // The new line's form offers the agglomeration, one of the governance's organizations.
    expect(sheetPage).toMatch(
      /<select id="funderOrganizationId" name="funderOrganizationId"[^>]*><option value="">Aucune structure précisée<\/option>[^<]*(?:<option[^>]*>[^<]*<\/option>)*<option value="org_lrcdalr">Communauté d’agglomération de La Rochelle<\/option>/,
    );
    // A funder of another governance, posted by hand: refused next to the field, nothing written.
    const outside = await post(`/fiches/${FORMATION}/financements`, cookie, {
      funderKind: 'region',
      funderOrganizationId: 'org_dbregion',
      programme: 'Une subvention d’ailleurs',
      amount: '5 000',
      status: 'demande',
    });
    expect(outside.status).toBe(400);
    const outsidePage = await outside.text();
    expect(outsidePage).toMatch(
      /id="funderOrganizationId-erreur">Cette structure ne fait pas partie de la gouvernance/,
    );
    expect(outsidePage).toContain('value="Une subvention d’ailleurs"');
    expect(
      (await getActionSheet(world.admin, { actionId: FORMATION })).fundingLines.some(
        (l) => l.programme === 'Une subvention d’ailleurs',
      ),
    ).toBe(false);
    const added = await post(`/fiches/${FORMATION}/financements`, cookie, {
      funderKind: 'epci',
      funderOrganizationId: CDA,
      programme: 'Fonds de soutien aux formations',
      amount: '5 000',
      status: 'accorde',
      decidedOn: '2026-10-01',
    });
    expect(added.status).toBe(303);
    const line = (await getActionSheet(world.admin, { actionId: FORMATION })).fundingLines.find(
      (l) => l.programme === 'Fonds de soutien aux formations',
    );
    if (!line) throw new Error('la ligne ajoutée devrait être sur la fiche');
    expect(line.funderOrganizationId).toBe(CDA);
    // Its status history names who granted it and through which channel.
    const withHistory = await (await get(`/fiches/${FORMATION}`, cookie)).text();
    expect(withHistory).toMatch(
      /Historique du statut : Accordé le 24 novembre 2026 par Claire Moreau \(Web\)\./,
    );
    for (const [on, amountCents] of [
      ['2026-10-15', 200_000],
      ['2026-11-02', 100_000],
    ] as const) {
      await recordFundingPayment(world.admin, {
        fundingLineId: line.id,
        payment: { on, amountCents },
      });
    }
    const read = () => getFundingLine(world.admin, { fundingLineId: line.id });
    const { version } = await read();
    const withPayments = await (await get(`/fiches/${FORMATION}`, cookie)).text();
    expect(withPayments).toContain('Versements reçus — Fonds de soutien aux formations');
    expect(withPayments).toContain('15 octobre 2026 : 2\u202f000\u00a0€');
    expect(withPayments).toContain(`action="/financements/${line.id}/versements/1/suppression"`);

    // Dated after today (24 November 2026): refused next to the date, what was typed kept.
    const first = `versement-${line.id}-0`;
    const future = await post(`/financements/${line.id}/versements/0`, cookie, {
      version: String(version),
      [`${first}-on`]: '2026-12-01',
      [`${first}-amount`]: '2 500',
    });
    expect(future.status).toBe(400);
    const futurePage = await future.text();
    expect(futurePage).toContain(`id="${first}-on-erreur"`);
    expect(futurePage).toContain('Le versement du 1er décembre 2026 est dans le futur');
    expect(futurePage).toContain('value="2 500"');
    expect((await read()).version).toBe(version);

    const corrected = await post(`/financements/${line.id}/versements/0`, cookie, {
      version: String(version),
      [`${first}-on`]: '2026-10-15',
      [`${first}-amount`]: '2 500',
      [`${first}-note`]: 'Avance corrigée',
    });
    expect(corrected.status).toBe(303);
    expect((await read()).payments[0]).toEqual({
      on: '2026-10-15',
      amountCents: 250_000,
      note: 'Avance corrigée',
    });

    // Deleting from the page read before the correction: refused as stale, nothing written.
    const stale = await post(`/financements/${line.id}/versements/1/suppression`, cookie, {
      version: String(version),
    });
    expect(stale.status).toBe(409);
    expect((await read()).payments).toHaveLength(2);
    const deleted = await post(`/financements/${line.id}/versements/1/suppression`, cookie, {
      version: String(version + 1),
    });
    expect(deleted.status).toBe(303);
    expect((await read()).payments.map((p) => p.amountCents)).toEqual([250_000]);
  });

  it('shows the funding page to the governance’s readers only', async () => {
    const outsider = await get(
      `/gouvernances/${LR.governance}/financements`,
      await signedIn('per_dbdufour'),
    );
    expect(outsider.status).toBe(404);
  });
});
