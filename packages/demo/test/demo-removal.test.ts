import { createInMemoryStore, sequentialIds } from '@maille/domain/testing';
import {
  assignRole,
  createCoordinator,
  getDemoState,
  loadTerritoryDirectory,
  removeDemo,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { expect, it } from 'vitest';
import {
  buildDemoDataset,
  DEFAULT_DEMO_NOW,
  DEMO_IDS,
  DEMO_TERRITORIES,
  demoRecords,
} from '../src/index.ts';

// The in-memory store honours the removal's contract as @maille/db does (tested there on both
// dialects): the demo goes whole, a real governance and what it shares stay.

it('removes the demo from the in-memory store, keeping what a real governance shares', async () => {
  const store = createInMemoryStore(buildDemoDataset({ now: DEFAULT_DEMO_NOW }));
  const admin: UseCaseContext = {
    store,
    clock: () => DEFAULT_DEMO_NOW,
    ids: sequentialIds(),
    actor: { instanceAdmin: true, channel: 'cli' },
  };
  // The official directory, reduced to the agglomeration of La Rochelle: a real governance's
  // territory is checked against it.
  await loadTerritoryDirectory(admin, {
    edition: 'test',
    directory: {
      communes: [
        { code: '17300', nom: 'La Rochelle', type: 'commune-actuelle', departement: '17' },
      ],
      epci: [{ code: '241700434', nom: 'CA de La Rochelle', membres: [{ code: '17300' }] }],
      departements: [{ code: '17', nom: 'Charente-Maritime', region: '75' }],
      regions: [{ code: '75', nom: 'Nouvelle-Aquitaine' }],
    },
  });
  const { person, governance } = await createCoordinator(admin, {
    displayName: 'Awa Diallo',
    email: 'awa.diallo@exemple.fr',
    governance: { name: 'Réseau rochelais', territory: DEMO_TERRITORIES.cdaLaRochelle },
  });
  if (!governance) throw new Error('the coordinator should have their governance');
  const shared = DEMO_IDS.laRochelle.coordinator;
  await assignRole(admin, { governanceId: governance.id, personId: shared, role: 'membre' });
  const realBefore = store.dump().governances.find((g) => g.id === governance.id);

  const { removed } = await removeDemo(admin, demoRecords());

  const after = store.dump();
  const demo = new Set<string>([DEMO_IDS.laRochelle.governance, DEMO_IDS.dronneEtBelle.governance]);
  for (const [table, rows] of Object.entries(after)) {
    const left = (rows as { id?: string; governanceId?: string }[]).filter(
      (row) => demo.has(row.governanceId ?? '') || demo.has(row.id ?? ''),
    );
    expect({ table, left: left.length }).toEqual({ table, left: 0 });
  }
  expect(removed.governances).toBe(2);
  expect(after.governances.find((g) => g.id === governance.id)).toEqual(realBefore);
  const persons = after.persons.map((p) => p.id).sort();
  expect(persons).toEqual([person.id, shared].sort());
  const codes = after.territories.map((t) => `${t.level}:${t.code}`);
  expect(codes).toContain('epci:241700434');
  expect(codes).not.toContain('epci:200041572');
  expect((await getDemoState(admin)).removedAt).toBe(DEFAULT_DEMO_NOW);
});

it('leaves the in-memory store as it was when the removal fails half-way', async () => {
  const store = createInMemoryStore(buildDemoDataset({ now: DEFAULT_DEMO_NOW }));
  const before = JSON.stringify(store.dump());
  const failing: UseCaseContext = {
    store: {
      transaction: (work) =>
        store.transaction((repos) =>
          work({
            ...repos,
            auditEvents: {
              ...repos.auditEvents,
              insert: async () => {
                throw new Error('coupure');
              },
            },
          }),
        ),
    },
    clock: () => DEFAULT_DEMO_NOW,
    ids: sequentialIds(),
    actor: { instanceAdmin: true, channel: 'cli' },
  };
  await expect(removeDemo(failing, demoRecords())).rejects.toThrow('coupure');
  expect(JSON.stringify(store.dump())).toBe(before);
});
