import { DEMO_IDS } from '@maille/demo';
import { updateAction, updateRoadmap } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { NOW, openApiForTest, suiteApi } from './harness.ts';
import { bearer, expectProblem } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const TODAY = NOW.slice(0, 10);

const api = suiteApi();

const get = (path: string, token?: string) =>
  api.app.request(path, token === undefined ? {} : { headers: bearer(token) });

/** Checks a CSV download and returns its lines (BOM removed), split into cells. */
async function csvOf(response: Response, filename: string): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Read as bytes: `Response.text()` would silently drop the byte order mark being checked.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(response.status, text).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${filename}"`);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text.slice(1));
}

/** Reads `;`-separated CSV with RFC 4180 quotes, as a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    i += 1;
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && next === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('CSV exports', () => {
  it('give a roadmap’s actions with French headers, labels and euros', async () => {
    const [headers, ...rows] = await csvOf(
      await get(`/roadmaps/${LR.roadmap}/actions.csv`, api.keys.coordinator),
      `fiches-${LR.roadmap}-${TODAY}.csv`,
    );
    expect(headers?.slice(0, 4)).toEqual(['Code', 'Titre', 'Type', 'Statut']);
    expect(rows.length).toBeGreaterThan(0);
    const status = headers?.indexOf('Statut') ?? -1;
    expect(rows.map((r) => r[status])).toContain('En cours');
    const budget = headers?.indexOf('Budget (€)') ?? -1;
    expect(rows.some((r) => /^\d+,\d{2}$/.test(r[budget] ?? ''))).toBe(true);
  });

  it('neutralise a title a spreadsheet would run as a formula', async () => {
    await updateAction(api.kernel({ personId: LR.coordinator }), {
      id: 'act_lr0001',
      patch: { title: '=HYPERLINK("https://x.example";"clic")' },
    });
    const text = await (
      await get(`/roadmaps/${LR.roadmap}/actions.csv`, api.keys.coordinator)
    ).text();
    expect(text).toContain('"\'=HYPERLINK(""https://x.example"";""clic"")"');
    expect(text).not.toMatch(/;=HYPERLINK/);
  });

  it('give a roadmap’s milestones by due date, as ISO dates', async () => {
    const [headers, ...rows] = await csvOf(
      await get(`/roadmaps/${LR.roadmap}/milestones.csv`, api.keys.member),
      `jalons-${LR.roadmap}-${TODAY}.csv`,
    );
    const due = headers?.indexOf('Échéance') ?? -1;
    const dates = rows.map((r) => r[due] ?? '');
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('give the measurements and the actor map to the governance’s readers', async () => {
    const [measureHeaders] = await csvOf(
      await get(`/governances/${LR.governance}/measurements.csv`, api.keys.observer),
      `mesures-${LR.governance}-${TODAY}.csv`,
    );
    expect(measureHeaders).toEqual(expect.arrayContaining(['Indicateur', 'Période', 'Valeur']));
    const [orgHeaders, ...organizations] = await csvOf(
      await get(`/governances/${LR.governance}/organizations.csv`, api.keys.coordinator),
      `structures-${LR.governance}-${TODAY}.csv`,
    );
    expect(orgHeaders?.[0]).toBe('Nom');
    expect(organizations.map((r) => r[0])).toContain('Ville de La Rochelle');
  });

  it('follow the JSON reads’ rules: public roadmap to all, the governance to its own', async () => {
    expect((await get(`/roadmaps/${LR.roadmap}/actions.csv`)).status).toBe(200);
    await expectProblem(
      await get(`/governances/${LR.governance}/measurements.csv`),
      404,
      'introuvable',
    );
    await expectProblem(
      await get(`/governances/${LR.governance}/organizations.csv`, api.keys.outsider),
      404,
      'introuvable',
    );
    const other = await openApiForTest();
    await updateRoadmap(other.kernel({ personId: LR.coordinator }), {
      id: LR.roadmap,
      patch: { public: false },
    });
    await expectProblem(
      await other.app.request(`/roadmaps/${LR.roadmap}/milestones.csv`),
      404,
      'introuvable',
    );
  });

  it('point at a malformed id, and refuse a bad key', async () => {
    const bad = await expectProblem(
      await get('/roadmaps/gov_larochelle/actions.csv'),
      400,
      'validation',
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['/roadmapId']);
    await expectProblem(await get(`/roadmaps/rdm_inconnue1/actions.csv`), 404, 'introuvable');
    await expectProblem(
      await get(`/roadmaps/${LR.roadmap}/actions.csv`, 'mai_000000000000.nope'),
      401,
      'non-authentifie',
    );
  });
});

describe('the JSON export of a governance', () => {
  it('downloads the whole governance for its coordinators, kept by no cache', async () => {
    const response = await get(`/governances/${LR.governance}/export`, api.keys.coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="gouvernance-${LR.governance}-${TODAY}.json"`,
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const document = (await response.json()) as {
      format: string;
      governance: { id: string };
      actions: unknown[];
    };
    expect(document.format).toBe('maille.gouvernance');
    expect(document.governance.id).toBe(LR.governance);
    expect(document.actions.length).toBeGreaterThan(0);
    expect((await get(`/governances/${LR.governance}/export`, api.keys.admin)).status).toBe(200);
  });

  it('holds personal data: refused to members and observers, hidden from others', async () => {
    await expectProblem(
      await get(`/governances/${LR.governance}/export`, api.keys.member),
      403,
      'interdit',
    );
    await expectProblem(
      await get(`/governances/${LR.governance}/export`, api.keys.observer),
      403,
      'interdit',
    );
    await expectProblem(
      await get(`/governances/${LR.governance}/export`, api.keys.outsider),
      404,
      'introuvable',
    );
    await expectProblem(await get(`/governances/${LR.governance}/export`), 404, 'introuvable');
    const bad = await expectProblem(
      await get('/governances/nope/export', api.keys.coordinator),
      400,
      'validation',
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['/governanceId']);
  });
});
