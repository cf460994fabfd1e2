import { DEMO_IDS, DEMO_TERRITORIES, demoRecords, seedDemo } from '@maille/demo';
import {
  assignRole,
  createCoordinator,
  getDemoState,
  loadTerritoryDirectory,
  type Repositories,
  removeDemo,
  renewPersonalCalendarFeed,
  type Store,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import {
  charenteDirectory,
  DIALECTS,
  kernelAt,
  openTestDatabase,
  type TestDatabase,
  tableContents,
} from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const LATER = '2026-12-01T09:00:00.000Z';
const DEMO_GOVERNANCES = [DEMO_IDS.laRochelle.governance, DEMO_IDS.dronneEtBelle.governance];
const GOVERNED = [
  'bodies',
  'meetings',
  'roadmaps',
  'roadmap_versions',
  'actions',
  'milestones',
  'funding_lines',
  'updates',
  'indicators',
  'measurements',
  'deliveries',
  'calendar_feeds',
  'audit_events',
];

describe.each(DIALECTS)('removing the demo on %s', (dialect) => {
  let test: TestDatabase;
  let realGovernanceId: string;
  let realPersonId: string;
  const shared = DEMO_IDS.laRochelle.coordinator;

  const read = <T>(work: (repos: Repositories) => Promise<T>) =>
    createStore(test.database).transaction(work);
  const countOf = async (table: string, column: string, values: readonly string[]) => {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(values)})
    `.execute(test.database.db);
    return Number(rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    // The official directory of Charente, with every département and région: Charente-Maritime,
    // Dordogne and Nouvelle-Aquitaine, seeded by the demo, become the directory's.
    await loadTerritoryDirectory(kernelAt(test.database, NOW), {
      edition: 'test',
      directory: charenteDirectory(),
    });
    // A real coordination on the demo's agglomeration, where the demo's coordinator is a member.
    const created = await createCoordinator(kernelAt(test.database, NOW), {
      displayName: 'Awa Diallo',
      email: 'awa.diallo@example.fr',
      governance: { name: 'Réseau rochelais', territory: DEMO_TERRITORIES.cdaLaRochelle },
    });
    if (!created.governance) throw new Error('the coordinator should have their governance');
    realGovernanceId = created.governance.id;
    realPersonId = created.person.id;
    await assignRole(kernelAt(test.database, NOW, { personId: realPersonId, channel: 'web' }), {
      governanceId: realGovernanceId,
      personId: shared,
      role: 'membre',
    });
    // The Dronne coordinator took her own agenda link from the workspace, then renewed it.
    const dufour = DEMO_IDS.dronneEtBelle.coordinator;
    for (let i = 0; i < 2; i++)
      await renewPersonalCalendarFeed(
        kernelAt(test.database, NOW, { personId: dufour, channel: 'web' }),
        { personId: dufour },
      );
  });
  afterAll(() => test.drop());

  it('a failure in the middle leaves everything as it was', async () => {
    const before = await tableContents(test.database);
    const store = createStore(test.database);
    // The removal runs whole, then the audit event cannot be written: the power cut of a test.
    const failing: Store = {
      transaction: (work) =>
        store.transaction((repos) =>
          work(
            new Proxy(repos, {
              get(target, property) {
                if (property !== 'auditEvents') return Reflect.get(target, property);
                return {
                  ...target.auditEvents,
                  insert: async () => {
                    throw new Error('coupure');
                  },
                };
              },
            }),
          ),
        ),
    };
    await expect(
      removeDemo({ ...kernelAt(test.database, LATER), store: failing }, demoRecords()),
    ).rejects.toThrow('coupure');
    expect(await tableContents(test.database)).toBe(before);
    expect(await getDemoState(kernelAt(test.database, LATER))).toEqual({});
  });

  it('removes the demo and everything attached to it, and nothing real', async () => {
    const realBefore = await read(async (repos) => ({
      governance: await repos.governances.get(realGovernanceId),
      coordinator: await repos.persons.get(realPersonId),
      member: await repos.persons.get(shared),
      history: await repos.auditEvents.listByGovernance(realGovernanceId),
    }));
    for (const table of ['bodies', 'roadmaps', 'actions', 'milestones', 'updates', 'measurements'])
      expect(await countOf(table, 'governance_id', DEMO_GOVERNANCES)).toBeGreaterThan(0);
    const records = demoRecords();

    const { governances, removed } = await removeDemo(kernelAt(test.database, LATER), records);

    expect(governances).toHaveLength(2);
    expect(removed.governances).toBe(2);
    expect(removed.milestones).toBeGreaterThan(0);
    expect(await countOf('governances', 'id', DEMO_GOVERNANCES)).toBe(0);
    for (const table of GOVERNED)
      expect({ table, rows: await countOf(table, 'governance_id', DEMO_GOVERNANCES) }).toEqual({
        table,
        rows: 0,
      });
    // Every demo person is gone but the member of the real governance, who stays whole.
    expect(await countOf('persons', 'id', records.persons)).toBe(1);
    // Her agenda links went with her: her own link names no one real.
    expect(await countOf('persons', 'id', [DEMO_IDS.dronneEtBelle.coordinator])).toBe(0);
    expect(await countOf('calendar_feeds', 'person_id', [DEMO_IDS.dronneEtBelle.coordinator])).toBe(
      0,
    );
    const realAfter = await read(async (repos) => ({
      governance: await repos.governances.get(realGovernanceId),
      coordinator: await repos.persons.get(realPersonId),
      member: await repos.persons.get(shared),
      history: await repos.auditEvents.listByGovernance(realGovernanceId),
    }));
    expect(realAfter).toEqual(realBefore);
    // Her organization stays with her; the other demo organizations go.
    const organizationId = realBefore.member?.organizationId;
    expect(organizationId).toBeDefined();
    expect(await countOf('organizations', 'id', records.organizations)).toBe(1);
    expect(await countOf('organizations', 'id', [organizationId ?? ''])).toBe(1);

    const territory = (ref: { level: string; code: string }) =>
      read((repos) => repos.territories.findByCode(ref.level as 'epci', ref.code));
    // The agglomeration the real governance coordinates stays, and the directory's territories.
    expect(await territory(DEMO_TERRITORIES.cdaLaRochelle)).toBeDefined();
    expect(await territory(DEMO_TERRITORIES.charenteMaritime)).toBeDefined();
    expect(await territory(DEMO_TERRITORIES.dordogne)).toBeDefined();
    expect(await territory({ level: 'commune', code: '16015' })).toBeDefined();
    // The demo's own territories, named by nothing real, go.
    expect(await territory(DEMO_TERRITORIES.ccDronneEtBelle)).toBeUndefined();
    expect(await territory(DEMO_TERRITORIES.brantome)).toBeUndefined();

    expect((await getDemoState(kernelAt(test.database, LATER))).removedAt).toBe(LATER);
    // The demo can be put back on purpose (`seedDemo`), next to what was kept.
    const again = await seedDemo(createStore(test.database), LATER);
    expect(again.created).toBe(true);
    expect(await countOf('governances', 'id', DEMO_GOVERNANCES)).toBe(2);
    // Put back, it is no longer « removed »: `maille start` shows it again.
    expect(await getDemoState(kernelAt(test.database, LATER))).toEqual({});
  });
});
