import { createRequire } from 'node:module';
import { DEMO_TERRITORIES, seedDemo } from '@maille/demo';
import { type OfficialDirectory, searchKey, type Territory } from '@maille/domain';
import { loadTerritoryDirectory, perimeterCommunes } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, kernelAt, openTestDatabase, type TestDatabase } from './dialects.ts';

// The official directory loaded over the demo, on both databases: the demo's territories are
// found by their codes and agree with it, a second load changes nothing, and the perimeter,
// postal-code and name reads answer what reading the whole directory would.

const require = createRequire(import.meta.url);
const data = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`);
const NOW = '2026-12-06T09:00:00.000Z';
const LATER = '2027-01-15T09:00:00.000Z';

// Three départements (Charente, Charente-Maritime, Dordogne) keep the test quick on PostgreSQL;
// the whole edition is loaded by the command's own test.
const KEPT = new Set(['16', '17', '24']);
const full = {
  communes: data('communes') as OfficialDirectory['communes'],
  epci: data('epci') as OfficialDirectory['epci'],
  departements: data('departements') as OfficialDirectory['departements'],
  regions: data('regions') as OfficialDirectory['regions'],
};
const communes = full.communes.filter((c) => KEPT.has(c.departement ?? ''));
const codes = new Set(communes.map((c) => c.code));
const directory: OfficialDirectory = {
  ...full,
  communes,
  epci: full.epci.filter((e) => e.membres.some((m) => codes.has(m.code))),
};
const LAGORD = '17200';
/** A later edition in which Lagord has merged into La Rochelle. */
const merged: OfficialDirectory = {
  ...directory,
  communes: directory.communes.filter((c) => c.code !== LAGORD),
  epci: directory.epci.map((e) => ({ ...e, membres: e.membres.filter((m) => m.code !== LAGORD) })),
};

describe.each(DIALECTS)('the official territory directory, on %s', (dialect) => {
  let test: TestDatabase;
  let everything: Territory[];

  const read = <T>(work: Parameters<ReturnType<typeof createStore>['transaction']>[0]) =>
    createStore(test.database).transaction(work) as Promise<T>;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
  });
  afterAll(() => test.drop());

  it('adopts the demo territories by their codes, and they agree with it', async () => {
    const before = await read<Territory[]>((repos) => repos.territories.list());
    const load = await loadTerritoryDirectory(kernelAt(test.database, NOW), {
      edition: 'test 1',
      directory,
    });
    everything = await read<Territory[]>((repos) => repos.territories.list());
    expect(load.created + before.length).toBe(everything.length);
    expect(load.updated).toBe(before.length);
    for (const ref of Object.values(DEMO_TERRITORIES)) {
      const demo = before.find((t) => t.level === ref.level && t.code === ref.code);
      const now = everything.find((t) => t.level === ref.level && t.code === ref.code);
      // Same id (nothing attached to it moves), same name and parents: only figures were added.
      expect(now?.id).toBe(demo?.id);
      expect(now?.name).toBe(demo?.name);
      expect(now?.parents).toEqual(demo?.parents);
      expect(now?.official).toBe(true);
    }
    const laRochelle = everything.find((t) => t.code === '17300');
    expect(laRochelle?.population).toBeGreaterThan(70_000);
    expect(laRochelle?.postalCodes).toEqual(['17000']);
  });

  it('changes nothing when the same edition is loaded again', async () => {
    const load = await loadTerritoryDirectory(kernelAt(test.database, LATER), {
      edition: 'test 1',
      directory,
    });
    expect(load).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(load.unchanged).toBe(load.listed);
    expect(await read<Territory[]>((repos) => repos.territories.list())).toEqual(everything);
  });

  it('finds a perimeter, a postal code and a name as reading everything would', async () => {
    const epci = DEMO_TERRITORIES.cdaLaRochelle;
    const within = await read<Territory[]>((repos) =>
      repos.territories.listWithin(epci, 'commune'),
    );
    const expected = everything
      .filter((t) => t.level === 'commune')
      .filter((t) => t.parents.some((p) => p.level === 'epci' && p.code === epci.code));
    expect(within.map((t) => t.code)).toEqual(expected.map((t) => t.code).sort());
    expect(within.length).toBeGreaterThan(20);
    const region = { level: 'region', code: '75' } as const;
    expect(await read<number>((repos) => repos.territories.countWithin(region, 'epci'))).toBe(
      everything.filter(
        (t) => t.level === 'epci' && t.parents.some((p) => p.level === 'region' && p.code === '75'),
      ).length,
    );

    const cognac = await read<Territory[]>((repos) =>
      repos.territories.listByPostalCodes(['16100']),
    );
    expect(cognac.map((t) => t.name).sort()).toEqual(
      everything
        .filter((t) => t.postalCodes.includes('16100'))
        .map((t) => t.name)
        .sort(),
    );
    expect(cognac.map((t) => t.name)).toContain('Cognac');

    const page = await read<Territory[]>((repos) =>
      repos.territories.search({ query: 'SAINT-JEAN', level: 'commune', limit: 100 }),
    );
    const key = searchKey('SAINT-JEAN');
    expect(page.map((t) => t.id)).toEqual(
      everything
        .filter((t) => t.level === 'commune' && searchKey(t.name).includes(key))
        .map((t) => t.id)
        .sort()
        .slice(0, 100),
    );
  });

  it('keeps a commune a later edition no longer lists, out of perimeters', async () => {
    const load = await loadTerritoryDirectory(kernelAt(test.database, LATER), {
      edition: 'test 2',
      directory: merged,
    });
    expect(load.retired).toBe(1);
    expect(load.created).toBe(0);
    const lagord = await read<Territory | undefined>((repos) =>
      repos.territories.findByCode('commune', LAGORD),
    );
    // Still there under its id, with its history: the demo's places and measurements name it.
    expect(lagord).toMatchObject({ id: 'ter_commune17200', name: 'Lagord', retiredIn: 'test 2' });
    const perimeter = await read<Territory[]>((repos) =>
      perimeterCommunes(repos, DEMO_TERRITORIES.cdaLaRochelle),
    );
    expect(perimeter.map((t) => t.code)).not.toContain(LAGORD);
    expect(perimeter.map((t) => t.code)).toContain('17300');

    // The edition after lists it again (a merger undone): it is current once more.
    const back = await loadTerritoryDirectory(kernelAt(test.database, LATER), {
      edition: 'test 3',
      directory,
    });
    expect(back.retired).toBe(0);
    const again = await read<Territory | undefined>((repos) =>
      repos.territories.findByCode('commune', LAGORD),
    );
    expect(again?.retiredIn).toBeUndefined();
  });

  it('is for the instance’s administrator only', async () => {
    await expect(
      loadTerritoryDirectory(
        kernelAt(test.database, NOW, { personId: 'per_someone01', channel: 'api' }),
        { edition: 'test 1', directory },
      ),
    ).rejects.toThrow(/administrateur/);
  });
});
