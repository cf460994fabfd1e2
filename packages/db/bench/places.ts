import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BenchRow, formatMs, measureAsync, timeOnce } from '@maille/bench';
import { buildDemoDataset } from '@maille/demo';
import { type OfficialDirectory, Organization } from '@maille/domain';
import { generatePlacesFile } from '@maille/domain/testing';
import {
  createGovernance,
  getTerritorialDiagnosis,
  importPlaces,
  loadTerritoryDirectory,
} from '@maille/domain/use-cases';
import { createStore, type DialectName } from '../src/index.ts';
import { kernelAt, openTestDatabase } from '../test/dialects.ts';
import { label } from './milestones.ts';

/**
 * The field's data (issue 16): the whole official directory loaded (its files read and parsed
 * included), 10 000 generated places imported with their report, and the diagnosis of a
 * département's perimeter (Dordogne: some 500 communes, 1 000 places), each in a fresh database.
 */

const require = createRequire(import.meta.url);
const NOW = '2026-12-06T09:00:00.000Z';
const file = (name: string) =>
  JSON.parse(
    readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'),
  );

function readDirectory(): OfficialDirectory {
  return {
    communes: file('communes'),
    epci: file('epci'),
    departements: file('departements'),
    regions: file('regions'),
  };
}

export async function benchPlaces(dialect: DialectName): Promise<BenchRow[]> {
  const test = await openTestDatabase(dialect);
  try {
    const admin = kernelAt(test.database, NOW);
    const load = await timeOnce(() =>
      loadTerritoryDirectory(admin, { edition: 'bench', directory: readDirectory() }),
    );
    const places = new TextEncoder().encode(generatePlacesFile(10_000, 1));
    const imported = await timeOnce(() => importPlaces(admin, { content: places }));
    if (imported.value.counts.created < 9_000)
      throw new Error('the generated places should import');

    // 1 000 places in the communes of Dordogne, two in some, none in others.
    const store = createStore(test.database);
    const communes = await store.transaction((repos) =>
      repos.territories.listWithin({ level: 'departement', code: '24' }, 'commune'),
    );
    const model = buildDemoDataset().organizations.find(
      (o) => o.services.length > 0,
    ) as Organization;
    await store.transaction(async (repos) => {
      for (let i = 0; i < 1_000; i++) {
        const commune = communes[(i * 7) % Math.floor(communes.length * 0.7)];
        if (!commune) continue;
        // Through the kernel's schema, as every write stores it.
        await repos.organizations.insert(
          Organization.parse({
            ...model,
            id: `org_bench${String(i).padStart(5, '0')}`,
            name: `Lieu ${i}`,
            nationalIds: [],
            address: {
              street: `${i} rue de la Mairie`,
              postalCode: commune.postalCodes[0] ?? '24000',
              city: commune.name,
              inseeCode: commune.code,
            },
            openingHours: i % 3 === 0 ? 'Mo-Fr 09:00-12:00; Sa 09:00-12:00' : 'Mo-Fr 14:00-19:00',
            sourceUpdatedAt: i % 4 === 0 ? '2024-01-15' : '2026-06-01',
          }),
        );
      }
    });
    const dordogne = await createGovernance(admin, {
      name: 'Coordination de la Dordogne',
      territory: { level: 'departement', code: '24' },
      perimeter: 'departement',
    });
    const diagnosis = await measureAsync(
      async () => {
        const { diagnosis: d } = await getTerritorialDiagnosis(admin, {
          governanceId: dordogne.id,
        });
        if (d.places.total !== 1_000)
          throw new Error(`1 000 places expected, got ${d.places.total}`);
      },
      { runs: 51, warmup: 5 },
    );
    const sqlite = dialect === 'sqlite';
    return [
      {
        what: `Chargement du répertoire officiel entier (${load.value.listed} territoires, fichiers lus compris ; ${label(dialect)})`,
        result: formatMs(load.ms),
        target: sqlite ? '< 5 s' : 'mesuré',
        met: !sqlite || load.ms < 5_000,
      },
      {
        what: `Import de 10 000 lieux générés, avec le rapport (${label(dialect)})`,
        result: formatMs(imported.ms),
        target: sqlite ? '< 10 s' : 'mesuré',
        met: !sqlite || imported.ms < 10_000,
      },
      {
        what: `Diagnostic territorial de la Dordogne (${communes.length} communes, 1 000 lieux ; ${label(dialect)}, médiane)`,
        result: formatMs(diagnosis.medianMs),
        target: sqlite ? '< 100 ms' : 'mesuré',
        met: !sqlite || diagnosis.medianMs < 100,
      },
    ];
  } finally {
    await test.drop();
  }
}
