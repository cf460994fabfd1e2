import { readFileSync } from 'node:fs';
import { freshness, type Organization, ValidationError } from '@maille/domain';
import { tableSchemaProblems } from '@maille/domain/testing';
import {
  addGovernanceOrganization,
  createGovernance,
  exportPlaces,
  getGovernance,
  getGovernanceDashboard,
  getPlacesImport,
  getTerritorialDiagnosis,
  importPlaces,
  installDefaultIndicators,
  listGovernancePlaces,
  loadTerritoryDirectory,
  mergeDuplicatePlaces,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import {
  CHARENTE_FILE,
  charenteDirectory,
  DIALECTS,
  GRAND_COGNAC,
  kernelAt,
  openTestDatabase,
  type TestDatabase,
} from './dialects.ts';

// The Charente file of the national map imported as a coordinator would, on both databases: the
// report, a second import that changes nothing, the places of a real EPCI with their freshness,
// the merge of a duplicate, the export valid against the national schema, the diagnosis.

const NOW = '2026-12-06T09:00:00.000Z';
const charente = new Uint8Array(readFileSync(CHARENTE_FILE));
const schema = JSON.parse(
  readFileSync(
    new URL(
      '../../../domain/test-fixtures/lieux-mediation-numerique/schema-1.0.2.json',
      CHARENTE_FILE,
    ),
    'utf8',
  ),
);
const records = JSON.parse(new TextDecoder().decode(charente)) as { id: string }[];

describe.each(DIALECTS)('importing the national places file, on %s', (dialect) => {
  let test: TestDatabase;
  let governanceId: string;
  const admin = () => kernelAt(test.database, NOW);
  const organizations = () =>
    createStore(test.database).transaction((repos) => repos.organizations.list());

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await loadTerritoryDirectory(admin(), { edition: 'test', directory: charenteDirectory() });
    governanceId = (
      await createGovernance(admin(), {
        name: 'Coordination du Grand Cognac',
        territory: { level: 'epci', code: GRAND_COGNAC },
        perimeter: 'epci',
      })
    ).id;
  }, 60_000);
  afterAll(() => test.drop());

  it('imports every place of the Charente file and keeps a report of what it fixed', async () => {
    const report = await importPlaces(admin(), { content: charente, fileName: 'charente.json' });
    expect(report.format).toBe('json');
    expect(report.counts.created + report.counts.rejected).toBe(records.length);
    expect(report.counts.created).toBe((await organizations()).length);
    // Most records of the file have no INSEE code: the directory gives it from postal code and name.
    expect(report.counts.fixed).toBeGreaterThan(100);
    expect(report.entries.some((e) => e.fixes.some((f) => /INSEE/.test(f)))).toBe(true);
    expect(report.entries.map((e) => e.position)).toEqual(records.map((_, i) => i + 1));
    // The same place published twice under two ids: proposed for merging, not merged.
    expect(report.duplicateGroups.length).toBeGreaterThanOrEqual(5);
    expect(await getPlacesImport(admin(), { importId: report.id })).toEqual(report);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await organizations();
    const report = await importPlaces(admin(), { content: charente, fileName: 'charente.json' });
    expect(report.counts).toMatchObject({ created: 0, updated: 0 });
    expect(report.counts.unchanged).toBe(before.length);
    expect(await organizations()).toEqual(before);
  });

  it('shows a real EPCI its places with their freshness, and diagnoses its perimeter', async () => {
    const { places, duplicates } = await listGovernancePlaces(admin(), { governanceId });
    expect(places.length).toBeGreaterThan(10);
    expect(places.every(({ place }) => place.address?.postalCode.startsWith('16'))).toBe(true);
    // The file is of July 2023: in December 2026 its records are over 18 months old.
    expect(places.map((p) => p.freshness)).toContain('a_actualiser');
    expect(places[0]?.freshness).toBe(freshness(places[0]?.place as Organization, NOW));
    expect(duplicates.length).toBeGreaterThan(0);

    const { diagnosis } = await getTerritorialDiagnosis(admin(), { governanceId });
    expect(diagnosis.communes.total).toBeGreaterThan(50);
    expect(diagnosis.communes.withPlace).toBeGreaterThan(3);
    expect(diagnosis.communes.withoutPlace).toBe(
      diagnosis.communes.total - diagnosis.communes.withPlace,
    );
    expect(diagnosis.communes.populationWithoutPlace).toBeGreaterThan(0);
    expect(diagnosis.places.total).toBe(
      places.filter(({ place }) => place.services.length > 0).length,
    );
    expect(diagnosis.places.byFreshness.a_actualiser).toBeGreaterThan(0);
  });

  it('merges a duplicate keeping both national ids, and a new import lands on the kept place', async () => {
    const { duplicates } = await listGovernancePlaces(admin(), { governanceId });
    const [kept, other] = duplicates[0] as [Organization, Organization];
    // The governance counted the other record among its members: the kept place takes its seat.
    const member = await addGovernanceOrganization(admin(), {
      governanceId,
      organizationId: other.id,
      role: 'membre',
    });
    const { place, conflicts } = await mergeDuplicatePlaces(admin(), {
      keptId: kept.id,
      otherId: other.id,
    });
    expect(place.nationalIds).toEqual(
      expect.arrayContaining([...kept.nationalIds, ...other.nationalIds]),
    );
    expect(Array.isArray(conflicts)).toBe(true);
    // Merged once: a page reloaded or a request retried cannot merge it again.
    await expect(
      mergeDuplicatePlaces(admin(), { keptId: other.id, otherId: kept.id }),
    ).rejects.toThrow(/déjà été fusionné/);
    const governance = await getGovernance(admin(), { governanceId });
    expect(governance.version).toBeGreaterThan(member.version);
    expect(governance.organizations.map((o) => o.organizationId)).toEqual([kept.id]);
    const after = await listGovernancePlaces(admin(), { governanceId });
    expect(after.places.map((p) => p.place.id)).not.toContain(other.id);
    expect(after.places.map((p) => p.place.id)).toContain(kept.id);

    // The computed indicator counts the merged place once, as the diagnosis does.
    await installDefaultIndicators(admin(), { governanceId });
    const dashboard = await getGovernanceDashboard(admin(), { governanceId });
    const { diagnosis } = await getTerritorialDiagnosis(admin(), { governanceId });
    const places = dashboard.indicators.find((s) => s.indicator.code === 'lieux_mediation');
    expect(places?.value).toBe(diagnosis.places.total);

    const count = (await organizations()).length;
    const again = await importPlaces(admin(), { content: charente });
    expect(again.counts.created).toBe(0);
    expect(again.counts.merged).toBeGreaterThanOrEqual(2);
    expect((await organizations()).length).toBe(count);
  });

  it('exports the places in the national schema, every record valid against it', async () => {
    const json = await exportPlaces(admin(), { governanceId, format: 'json' });
    const exported = JSON.parse(json.content) as Record<string, unknown>[];
    expect(exported.length).toBeGreaterThan(10);
    expect(tableSchemaProblems(schema, exported)).toEqual([]);
    const csv = await exportPlaces(admin(), { governanceId, format: 'csv' });
    expect(csv.contentType).toMatch(/text\/csv/);
    expect(csv.content.split('\n')[0]).toMatch(/^"?id"?,/);
  });

  it('refuses a file that is no places file, in French, and writes nothing', async () => {
    const before = await organizations();
    const imports = await createStore(test.database).transaction((repos) =>
      repos.placesImports.listLatest(100),
    );
    for (const bad of [
      new TextEncoder().encode('%PDF-1.4 not a places file'),
      new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
      new Uint8Array(0),
    ]) {
      const refused = await importPlaces(admin(), { content: bad }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).message).toMatch(/[éèàç]|fichier/i);
    }
    expect(await organizations()).toEqual(before);
    expect(
      await createStore(test.database).transaction((repos) => repos.placesImports.listLatest(100)),
    ).toEqual(imports);
  });

  it('is for a coordinator or the administrator', async () => {
    await expect(
      importPlaces(kernelAt(test.database, NOW, { personId: 'per_nobody01', channel: 'api' }), {
        content: charente,
      }),
    ).rejects.toThrow(/coordinat/);
  });
});
