import { DEMO_IDS, seedDemo } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';

describe.each(DIALECTS)('the demo seed on %s', (dialect) => {
  it('stores both demo governances once, and does nothing the second time', async () => {
    const test = await openTestDatabase(dialect);
    try {
      const first = await seedDemo(createStore(test.database), NOW);
      expect(first.created).toBe(true);
      expect(first.governances.map((g) => g.id)).toEqual([
        DEMO_IDS.laRochelle.governance,
        DEMO_IDS.dronneEtBelle.governance,
      ]);
      expect(first.written).toBeGreaterThan(50);

      const store = createStore(test.database);
      const milestones = await store.transaction((repos) =>
        repos.milestones.listByRoadmap(DEMO_IDS.laRochelle.roadmap),
      );
      expect(milestones.length).toBeGreaterThan(0);

      const second = await seedDemo(createStore(test.database), '2027-01-05T09:00:00.000Z');
      expect(second).toMatchObject({ created: false, written: 0 });
      const again = await store.transaction((repos) =>
        repos.milestones.listByRoadmap(DEMO_IDS.laRochelle.roadmap),
      );
      expect(again).toEqual(milestones);
    } finally {
      await test.drop();
    }
  });
});
