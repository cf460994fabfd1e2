import { DEMO_IDS } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { expectCreated, expectProblem, read, send } from './requests.ts';

// A funding line's calendar through the API: the request with its deadline, the decision and
// the payments, the governance's calendar and funder view, and the spreadsheet.

const LR = DEMO_IDS.laRochelle;
const ACTION = 'act_lr0006';

const api = suiteApi();

interface Line {
  id: string;
  version: number;
  status: string;
  payments: { on: string; amountCents: number }[];
  statusHistory: { status: string; channel: string; by?: string }[];
}

describe('a funding line’s calendar through the API', () => {
  it('follows a grant from the application to its last payment, and refuses what does not add up', async () => {
    const token = api.keys.coordinator;
    const created = await api.app.request(
      `/actions/${ACTION}/funding-lines`,
      send('POST', {
        token,
        body: {
          funderKind: 'region',
          programme: 'Appel à projets « Numérique inclusif »',
          amountCents: 2_000_000,
          applicationDeadline: '2026-03-31',
        },
      }),
    );
    const line = await expectCreated<Line>(api, created, '/funding-lines', token);
    expect(line.statusHistory).toEqual([
      expect.objectContaining({ status: 'envisage', channel: 'api', by: LR.coordinator }),
    ]);

    // A decision before the deadline is refused, naming the field.
    const early = await api.app.request(
      `/funding-lines/${line.id}`,
      send('PATCH', {
        token,
        ifMatch: `"${line.id}.1"`,
        body: { status: 'accorde', decidedOn: '2026-03-01' },
      }),
    );
    const problem = await expectProblem(early, 400, 'validation');
    expect(problem.errors).toEqual([
      {
        path: '/decidedOn',
        message:
          'La date de décision (1er mars 2026) précède la date limite de dépôt (31 mars 2026).',
      },
    ]);

    const granted = await api.app.request(
      `/funding-lines/${line.id}`,
      send('PATCH', {
        token,
        ifMatch: `"${line.id}.1"`,
        body: { status: 'accorde', decidedOn: '2026-05-15', grantedCents: 1_500_000 },
      }),
    );
    expect(granted.status).toBe(200);

    const over = await api.app.request(
      `/funding-lines/${line.id}/payments`,
      send('POST', {
        token,
        ifMatch: `"${line.id}.2"`,
        body: { on: '2026-06-01', amountCents: 1_600_000 },
      }),
    );
    const refused = await expectProblem(over, 400, 'validation');
    expect(refused.errors?.[0]?.message).toBe(
      'Les versements (16\u202f000\u00a0€) dépassent le montant accordé (15\u202f000\u00a0€).',
    );

    for (const [on, amountCents, version] of [
      ['2026-06-01', 750_000, 2],
      ['2026-11-01', 750_000, 3],
    ] as const) {
      const paid = await api.app.request(
        `/funding-lines/${line.id}/payments`,
        send('POST', { token, ifMatch: `"${line.id}.${version}"`, body: { on, amountCents } }),
      );
      expect(paid.status, await paid.clone().text()).toBe(200);
    }
    const { body: last } = await read<Line>(api, `/funding-lines/${line.id}`, token);
    // The payment that completed the amount granted moved it to « Versé ».
    expect(last.status).toBe('verse');
    expect(last.statusHistory.map((s) => s.status)).toEqual(['envisage', 'accorde', 'verse']);

    const { body: calendar } = await read<{
      funders: { label: string; askedCents: number; grantedCents: number; paidCents: number }[];
      lines: { line: { id: string }; dates: { kind: string; date: string }[] }[];
    }>(api, `/governances/${LR.governance}/funding-calendar`, token);
    const region = calendar.funders.find((f) => f.label === 'Région');
    expect(region).toMatchObject({
      askedCents: 2_000_000,
      grantedCents: 1_500_000,
      paidCents: 1_500_000,
    });
    expect(calendar.lines.find((l) => l.line.id === line.id)?.dates).toEqual([
      { kind: 'depot', date: '2026-03-31', open: false },
      { kind: 'decision', date: '2026-05-15', open: false },
      { kind: 'versement', date: '2026-06-01', open: false, amountCents: 750_000 },
      { kind: 'versement', date: '2026-11-01', open: false, amountCents: 750_000 },
    ]);

    const csv = await api.app.request(
      `/governances/${LR.governance}/funding-lines.csv`,
      send('GET', { token }),
    );
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const header = text.split('\r\n')[0] ?? '';
    expect(header).toContain('Montant accordé (€);Montant versé (€);Date limite de dépôt');
    const row = text.split('\r\n').find((r) => r.includes(line.id)) ?? '';
    expect(row).toContain(
      'Appel à projets « Numérique inclusif »;Versé;20000,00;15000,00;15000,00;2026-03-31;2026-05-15',
    );
  });

  it('refuses a funder outside the governance, in French naming the field, and writes nothing', async () => {
    const token = api.keys.coordinator;
    const lines = async () =>
      (
        await read<{ items: { id: string; version: number }[] }>(
          api,
          `/actions/${ACTION}/funding-lines`,
          token,
        )
      ).body.items;
    const before = await lines();
    // The Région Nouvelle-Aquitaine funds Dronne et Belle, not La Rochelle's governance.
    const created = await api.app.request(
      `/actions/${ACTION}/funding-lines`,
      send('POST', {
        token,
        body: { funderKind: 'region', funderOrganizationId: 'org_dbregion', amountCents: 500_000 },
      }),
    );
    const problem = await expectProblem(created, 400, 'validation');
    expect(problem.errors).toEqual([
      {
        path: '/funderOrganizationId',
        message:
          'Cette structure ne fait pas partie de la gouvernance : ajoutez-la à ses structures avant d’en faire le financeur.',
      },
    ]);
    // Nor may an existing line be given that funder.
    const line = before[0];
    if (!line) throw new Error('la fiche devrait avoir un financement');
    const patched = await api.app.request(
      `/funding-lines/${line.id}`,
      send('PATCH', {
        token,
        ifMatch: `"${line.id}.${line.version}"`,
        body: { funderOrganizationId: 'org_dbregion' },
      }),
    );
    const refused = await expectProblem(patched, 400, 'validation');
    expect(refused.errors?.map((e) => e.path)).toEqual(['/funderOrganizationId']);
    expect(await lines()).toEqual(before);
  });

  it('answers a malformed payment with the field to correct, and writes nothing', async () => {
    const token = api.keys.coordinator;
    const before = await read<Line>(api, `/funding-lines/${LR.stateFunding}`, token);
    const response = await api.app.request(
      `/funding-lines/${LR.stateFunding}/payments`,
      send('POST', {
        token,
        ifMatch: before.etag,
        body: { on: '31/12/2030', amountCents: -5 },
      }),
    );
    const problem = await expectProblem(response, 400, 'validation');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['/amountCents', '/on']);
    const after = await read<Line>(api, `/funding-lines/${LR.stateFunding}`, token);
    expect(after.etag).toBe(before.etag);
  });
  it('corrects then deletes a payment recorded by mistake, under If-Match, writing nothing when refused', async () => {
    const token = api.keys.coordinator;
    const path = `/funding-lines/${LR.stateFunding}/payments`;
    const before = await read<Line>(api, `/funding-lines/${LR.stateFunding}`, token);
    expect(before.body.status).toBe('verse');
    expect(before.body.payments).toHaveLength(2);

    // A payment dated after today (24 November 2026): refused, naming the body's field.
    const future = await api.app.request(
      `${path}/1`,
      send('PUT', {
        token,
        ifMatch: before.etag,
        body: { on: '2026-12-15', amountCents: 20_000_000 },
      }),
    );
    const refused = await expectProblem(future, 400, 'validation');
    expect(refused.errors).toEqual([
      {
        path: '/on',
        message:
          'Le versement du 15 décembre 2026 est dans le futur : enregistrez-le une fois reçu.',
      },
    ]);
    // A payment the line does not have.
    await expectProblem(
      await api.app.request(
        `${path}/7`,
        send('PUT', { token, ifMatch: before.etag, body: { on: '2022-06-15', amountCents: 1 } }),
      ),
      404,
      'introuvable',
    );
    expect((await read<Line>(api, `/funding-lines/${LR.stateFunding}`, token)).etag).toBe(
      before.etag,
    );

    // The second year was 150 000 €, not 200 000 €: the line is no longer fully paid.
    const corrected = await api.app.request(
      `${path}/1`,
      send('PUT', {
        token,
        ifMatch: before.etag,
        body: { on: '2022-06-15', amountCents: 15_000_000, note: 'Seconde année, corrigée' },
      }),
    );
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    const line = (await corrected.json()) as Line;
    expect(line.payments.map((p) => p.amountCents)).toEqual([20_000_000, 15_000_000]);
    expect(line.status).toBe('accorde');
    expect(corrected.headers.get('ETag')).toBe(`"${LR.stateFunding}.${before.body.version + 1}"`);

    // Deleting with the version read before the correction: stale, refused before any rule.
    await expectProblem(
      await api.app.request(`${path}/0`, send('DELETE', { token, ifMatch: before.etag })),
      412,
      'precondition-echouee',
    );
    const deleted = await api.app.request(
      `${path}/0`,
      send('DELETE', { token, ifMatch: corrected.headers.get('ETag') }),
    );
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect(((await deleted.json()) as Line).payments).toEqual([
      { on: '2022-06-15', amountCents: 15_000_000, note: 'Seconde année, corrigée' },
    ]);

    // Both changes are in the line's history, by the coordinator, through the API.
    const { body: history } = await read<{
      items: { event: { action: string; actorId?: string; channel: string } }[];
    }>(
      api,
      `/governances/${LR.governance}/history?entity=funding_line&entityId=${LR.stateFunding}`,
      token,
    );
    expect(history.items.slice(0, 2).map((i) => i.event)).toEqual([
      expect.objectContaining({
        action: 'payment_deletion',
        actorId: LR.coordinator,
        channel: 'api',
      }),
      expect.objectContaining({
        action: 'payment_correction',
        actorId: LR.coordinator,
        channel: 'api',
      }),
    ]);
  });

  it('keeps a reader from correcting a payment', async () => {
    const before = await read<Line>(api, `/funding-lines/${LR.stateFunding}`, api.keys.observer);
    const response = await api.app.request(
      `/funding-lines/${LR.stateFunding}/payments/0`,
      send('DELETE', { token: api.keys.observer, ifMatch: before.etag }),
    );
    await expectProblem(response, 403, 'interdit');
    expect(
      (await read<Line>(api, `/funding-lines/${LR.stateFunding}`, api.keys.observer)).etag,
    ).toBe(before.etag);
  });
});
