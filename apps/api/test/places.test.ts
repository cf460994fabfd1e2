import { readFileSync } from 'node:fs';
import { createStore } from '@maille/db';
import { charenteDirectory } from '@maille/db/testing';
import { createGovernance, loadTerritoryDirectory } from '@maille/domain/use-cases';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PEOPLE, suiteApi } from './harness.ts';
import { bearer, expectProblem, postJson, read, send } from './requests.ts';

// The places of digital mediation through the API, as a coordinator's script would use it: the
// Charente file of the national map sent whole, its report, the places of the CA du Grand Cognac
// with their freshness, the exports, the diagnosis, a merge, and the files refused.

/** The Charente file as the national map published it in July 2023 (188 records). */
const CHARENTE = new Uint8Array(
  readFileSync(
    new URL(
      '../../../packages/domain/test-fixtures/lieux-mediation-numerique/charente-2023-07-11.json',
      import.meta.url,
    ),
  ),
);
const RECORDS = (JSON.parse(new TextDecoder().decode(CHARENTE)) as unknown[]).length;
const GRAND_COGNAC = '200070514';

interface Report {
  id: string;
  format: string;
  fileName?: string;
  counts: Record<'created' | 'updated' | 'unchanged' | 'merged' | 'rejected' | 'fixed', number>;
  entries: { position: number; outcome: string; fixes: string[]; reason?: string }[];
  duplicateGroups: string[][];
}
interface Place {
  id: string;
  name: string;
  nationalIds: string[];
}

const api = suiteApi();
let governanceId: string;
let places: string;

beforeAll(async () => {
  await loadTerritoryDirectory(api.kernel({ instanceAdmin: true }), {
    edition: 'decoupage-administratif 6.0.0 (Charente)',
    directory: charenteDirectory(),
  });
  // La Rochelle's coordinator opens a second governance: she coordinates it.
  governanceId = (
    await createGovernance(api.kernel({ personId: ROLE_PEOPLE.coordinator }), {
      name: 'Coordination du Grand Cognac',
      territory: { level: 'epci', code: GRAND_COGNAC },
      perimeter: 'epci',
    })
  ).id;
  places = `/governances/${governanceId}/places`;
}, 60_000);

/** Sends `body` as the file to import, as `curl --data-binary @file` would. */
const importFile = (
  body: Uint8Array,
  { token = api.keys.coordinator, type = 'application/json', query = '' } = {},
) =>
  api.app.request(`/places/imports${query}`, {
    method: 'POST',
    headers: { 'Content-Type': type, ...bearer(token) },
    body,
  });

const countOrganizations = () =>
  createStore(api.database).transaction(async (repos) => (await repos.organizations.list()).length);
const countImports = () =>
  createStore(api.database).transaction(
    async (repos) => (await repos.placesImports.listLatest(1000)).length,
  );

describe('importing the national places file', () => {
  it('imports the Charente file sent as the body: 201, its report, and where to read it again', async () => {
    const before = await countOrganizations();
    const response = await importFile(CHARENTE, { query: '?fichier=charente.json' });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    const report = JSON.parse(text) as Report;
    expect(response.headers.get('Location')).toBe(`/places/imports/${report.id}`);
    expect(report).toMatchObject({ format: 'json', fileName: 'charente.json' });
    expect(report.counts.created).toBeGreaterThan(150);
    expect(report.counts.created + report.counts.rejected).toBe(RECORDS);
    expect(await countOrganizations()).toBe(before + report.counts.created);
    expect(report.entries.map((e) => e.position)).toEqual(
      Array.from({ length: RECORDS }, (_, i) => i + 1),
    );
    expect(report.entries.some((e) => e.fixes.some((fix) => /INSEE/.test(fix)))).toBe(true);
    expect(report.entries.filter((e) => e.outcome === 'rejete').every((e) => e.reason)).toBe(true);

    const back = await read<Report>(api, `/places/imports/${report.id}`, api.keys.coordinator);
    expect(back.body).toEqual(report);
    await expectProblem(
      await api.app.request(
        '/places/imports/imp_inconnu0001',
        send('GET', { token: api.keys.coordinator }),
      ),
      404,
      'introuvable',
    );
    const list = await read<{ items: { id: string }[] }>(
      api,
      '/places/imports',
      api.keys.coordinator,
    );
    expect(list.body.items.map((i) => i.id)).toContain(report.id);
  });

  it('changes nothing when the same file is sent again, whatever its declared type', async () => {
    const before = await countOrganizations();
    for (const type of ['application/octet-stream', 'text/csv', 'application/json']) {
      const response = await importFile(CHARENTE, { type });
      const text = await response.text();
      expect(response.status, `${type}: ${text}`).toBe(201);
      const { counts } = JSON.parse(text) as Report;
      expect(counts).toMatchObject({ created: 0, updated: 0 });
      expect(counts.unchanged).toBeGreaterThan(150);
    }
    expect(await countOrganizations()).toBe(before);
  });

  it('answers a retried request under the same Idempotency-Key with the first report', async () => {
    const retry = () =>
      api.app.request('/places/imports', {
        method: 'POST',
        headers: { 'Idempotency-Key': '"charente-2023"', ...bearer(api.keys.coordinator) },
        body: CHARENTE,
      });
    const first = await retry();
    expect(first.status).toBe(201);
    const imports = await countImports();
    const again = await retry();
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotency-Replayed')).toBe('true');
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(((await again.json()) as Report).id).toBe(((await first.json()) as Report).id);
    expect(await countImports()).toBe(imports);
  });

  it('refuses in French a file that is not one, and writes nothing', async () => {
    const organizations = await countOrganizations();
    const imports = await countImports();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const latin1 = new Uint8Array([0x6e, 0x6f, 0x6d, 0x0a, 0x4d, 0xe9, 0x64, 0x69, 0x61, 0x0a]);
    for (const [body, type, said] of [
      [png, 'image/png', /image PNG/],
      [new Uint8Array(0), 'application/json', /vide/],
      [latin1, 'text/csv', /UTF-8.*Latin-1/],
      [new TextEncoder().encode('[{"id": "x",'), 'application/json', /JSON mais est mal formé/],
    ] as const) {
      const problem = await expectProblem(await importFile(body, { type }), 400, 'validation');
      expect(problem.errors?.map((e) => e.message).join(' ')).toMatch(said);
    }
    expect(await countOrganizations()).toBe(organizations);
    expect(await countImports()).toBe(imports);
  });

  it('refuses a file over 50 MB with a 413 in French, and writes nothing', async () => {
    const organizations = await countOrganizations();
    const problem = await expectProblem(
      await importFile(new Uint8Array(50 * 1024 * 1024 + 1), { type: 'application/octet-stream' }),
      413,
      'trop-volumineux',
    );
    expect(problem.detail).toMatch(/\(50 Mo\)/);
    expect(await countOrganizations()).toBe(organizations);
  });

  it('takes a file over the 1 MiB of other writes, which keep their limit', async () => {
    const padded = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    padded.set(CHARENTE);
    const accepted = await importFile(padded);
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    expect(((await accepted.json()) as Report).counts.created).toBe(0);

    const response = await api.app.request(
      '/places/merges',
      postJson(
        { keptId: 'org_a', otherId: 'org_b', choices: { x: 'x'.repeat(2 * 1024 * 1024) } },
        bearer(api.keys.coordinator),
      ),
    );
    await expectProblem(response, 413, 'trop-volumineux');
  });

  it('is for a coordinator or the administrator, with a key', async () => {
    const organizations = await countOrganizations();
    await expectProblem(
      await api.app.request('/places/imports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: CHARENTE,
      }),
      401,
      'non-authentifie',
    );
    const refused = await expectProblem(
      await importFile(CHARENTE, { token: api.keys.member }),
      403,
      'interdit',
    );
    expect(refused.detail).toMatch(/coordinat/);
    await expectProblem(
      await api.app.request('/places/imports', send('GET', { token: api.keys.member })),
      403,
      'interdit',
    );
    expect(await countOrganizations()).toBe(organizations);
  });
});

describe('the places of a governance', () => {
  it('lists the places of its communes, each with the freshness of its record', async () => {
    const { body } = await read<{
      places: { place: Place & { address?: { postalCode: string } }; freshness: string }[];
      duplicates: string[][];
    }>(api, places, api.keys.coordinator);
    expect(body.places.length).toBeGreaterThan(10);
    expect(body.places.every(({ place }) => place.address?.postalCode.startsWith('16'))).toBe(true);
    // The file is of July 2023: on the API's clock, November 2026, every record has aged.
    expect(new Set(body.places.map((p) => p.freshness))).toEqual(new Set(['a_actualiser']));
    expect(body.duplicates.length).toBeGreaterThan(0);
    expect(body.duplicates.flat().every((id) => body.places.some((p) => p.place.id === id))).toBe(
      true,
    );
  });

  it('exports them in the national schema, as JSON records and as a CSV file', async () => {
    const json = await api.app.request(`${places}/export`, send('GET', { token: api.keys.admin }));
    expect(json.status).toBe(200);
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(json.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="lieux-.*\.json"$/,
    );
    const records = (await json.json()) as Record<string, unknown>[];
    expect(Array.isArray(records)).toBe(true);
    expect(records.length).toBeGreaterThan(10);
    expect(Object.keys(records[0] ?? {})).toEqual(
      expect.arrayContaining(['id', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj']),
    );
    expect(records.every((r) => String(r.code_postal).startsWith('16'))).toBe(true);

    const csv = await api.app.request(
      `${places}/export?format=csv`,
      send('GET', { token: api.keys.coordinator }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="lieux-.*\.csv"$/,
    );
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^"?id"?,/);
    expect(lines[0]).toContain('code_postal');
    expect(lines.length).toBeGreaterThan(records.length);

    const xml = await api.app.request(
      `${places}/export?format=xml`,
      send('GET', { token: api.keys.coordinator }),
    );
    await expectProblem(xml, 400, 'validation');
  });

  it('diagnoses its perimeter, in JSON and as a CSV with one line per commune', async () => {
    const { body } = await read<{
      governanceId: string;
      communes: { total: number; withPlace: number; withoutPlace: number };
      places: { total: number; byFreshness: Record<string, number> };
      rows: { code: string }[];
    }>(api, `/governances/${governanceId}/diagnosis`, api.keys.coordinator);
    expect(body.governanceId).toBe(governanceId);
    expect(body.communes.total).toBeGreaterThan(50);
    expect(body.communes.withPlace).toBeGreaterThan(3);
    expect(body.communes.withoutPlace).toBe(body.communes.total - body.communes.withPlace);
    expect(body.places.byFreshness.a_actualiser).toBe(body.places.total);

    const csv = await api.app.request(
      `/governances/${governanceId}/diagnosis.csv`,
      send('GET', { token: api.keys.coordinator }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".*\.csv"$/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines.length).toBe(1 + body.communes.total);
    expect(lines.slice(1).some((line) => line.includes('Cognac'))).toBe(true);
  });

  it('is hidden from someone who may not read the governance', async () => {
    for (const path of [places, `${places}/export`, `/governances/${governanceId}/diagnosis`])
      await expectProblem(
        await api.app.request(path, send('GET', { token: api.keys.outsider })),
        404,
        'introuvable',
      );
  });

  it('merges a duplicate pair: the kept place holds both national ids, the other leaves the list', async () => {
    const before = await read<{ places: { place: Place }[]; duplicates: string[][] }>(
      api,
      places,
      api.keys.coordinator,
    );
    const [keptId, otherId] = before.body.duplicates[0] as [string, string];
    const byId = (id: string) => before.body.places.find((p) => p.place.id === id)?.place as Place;
    await expectProblem(
      await api.app.request(
        '/places/merges',
        postJson({ keptId, otherId }, bearer(api.keys.member)),
      ),
      403,
      'interdit',
    );

    const response = await api.app.request(
      '/places/merges',
      postJson({ keptId, otherId }, bearer(api.keys.coordinator)),
    );
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const { place, conflicts } = JSON.parse(text) as { place: Place; conflicts: unknown[] };
    expect(place.id).toBe(keptId);
    expect(place.nationalIds).toEqual(
      expect.arrayContaining([...byId(keptId).nationalIds, ...byId(otherId).nationalIds]),
    );
    expect(Array.isArray(conflicts)).toBe(true);

    const after = await read<{ places: { place: Place }[] }>(api, places, api.keys.coordinator);
    expect(after.body.places.map((p) => p.place.id)).not.toContain(otherId);
    expect(after.body.places.map((p) => p.place.id)).toContain(keptId);
    expect(after.body.places).toHaveLength(before.body.places.length - 1);

    // Sent again (a retry), or the other way round (a colleague's stale list): refused, as merged
    // again the records would both leave every list.
    for (const pair of [
      { keptId, otherId },
      { keptId: otherId, otherId: keptId },
    ]) {
      const again = await expectProblem(
        await api.app.request('/places/merges', postJson(pair, bearer(api.keys.coordinator))),
        409,
        'conflit',
      );
      expect(again.detail).toContain(`La fiche ${otherId} a déjà été fusionnée dans ${keptId}`);
    }
    const still = await read<{ places: { place: Place }[] }>(api, places, api.keys.coordinator);
    expect(still.body.places.map((p) => p.place.id)).toEqual(
      after.body.places.map((p) => p.place.id),
    );
  });
});
