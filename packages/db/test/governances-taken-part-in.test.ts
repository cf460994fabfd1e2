import { buildDemoDataset, DEMO_IDS, seedDemo } from '@maille/demo';
import type { Governance } from '@maille/domain';
import type { Store } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// `governances.listTakenPartIn` looks into the JSON of roles and seats in the database, so that a
// person's pages do not read every governance of the instance. It must find what the kernel
// would find by reading them all.

const NOW = '2026-11-24T09:00:00.000Z';
const demo = buildDemoDataset();
const { laRochelle, dronneEtBelle } = DEMO_IDS;

describe.each(DIALECTS)('the governances a person takes part in, on %s', (dialect) => {
  let test: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    store = createStore(test.database);
    await seedDemo(store, NOW);
    // La Rochelle's coordinator once sat on a committee of Dronne et Belle: a past seat counts.
    await store.transaction(async (repos) => {
      const [body] = await repos.bodies.listByGovernance(dronneEtBelle.governance);
      if (!body) throw new Error('the demo should give Dronne et Belle a body');
      await repos.bodies.update({
        ...body,
        members: [
          ...body.members,
          {
            personId: laRochelle.coordinator,
            position: 'membre',
            since: '2024-01-01',
            until: '2024-06-30',
          },
        ],
        version: body.version + 1,
      });
    });
  });
  afterAll(() => test.drop());

  /** What the kernel finds by reading every governance and every body. */
  async function byReadingAll(personId: string): Promise<string[]> {
    return store.transaction(async (repos) => {
      const found: string[] = [];
      for (const governance of await repos.governances.list()) {
        const bodies = await repos.bodies.listByGovernance(governance.id);
        if (
          governance.roles.some((r) => r.personId === personId) ||
          bodies.some((b) => b.members.some((m) => m.personId === personId))
        )
          found.push(governance.id);
      }
      return found;
    });
  }

  const takenPartIn = (personId: string) =>
    store.transaction(async (repos) =>
      (await repos.governances.listTakenPartIn(personId)).map((g: Governance) => g.id),
    );

  it('finds for every person of the demo what reading every governance finds', async () => {
    let somewhere = 0;
    for (const person of demo.persons) {
      const expected = await byReadingAll(person.id);
      expect(await takenPartIn(person.id)).toEqual(expected);
      if (expected.length > 0) somewhere += 1;
    }
    expect(somewhere).toBeGreaterThan(5);
  });

  it('counts a past seat, and a role and a seat in one governance once', async () => {
    expect(await takenPartIn(laRochelle.coordinator)).toEqual(
      [dronneEtBelle.governance, laRochelle.governance].sort(),
    );
  });

  it('finds nothing for a person who takes part nowhere', async () => {
    expect(await takenPartIn('per_nullepart')).toEqual([]);
  });
});
