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
});
