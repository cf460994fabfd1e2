import { describe, expect, it } from 'vitest';
import { createInMemoryStore, sequentialIds } from './testing/index.ts';
import {
  createAction,
  createGovernance,
  createMilestone,
  createPerson,
  createRoadmap,
  getRoadmapHealth,
} from './use-cases/index.ts';

// The example of README.md, run as written (with a fixed clock), so the documentation stays true.
describe('the README example', () => {
  it('builds a governance and reads a late milestone in its roadmap health', async () => {
    const store = createInMemoryStore();
    const clock = () => '2024-06-10T09:00:00.000Z';
    const ids = sequentialIds();
    const admin = { store, clock, ids, actor: { instanceAdmin: true, channel: 'api' as const } };

    const claire = await createPerson(admin, {
      displayName: 'Claire Martin',
      functions: ['coordinateur'],
    });
    const ctx = { ...admin, actor: { personId: claire.id, channel: 'api' as const } };

    const governance = await createGovernance(ctx, {
      name: 'CTIN du Grand Exemple',
      territory: { level: 'epci', code: '241700434' },
      perimeter: 'epci',
    });
    const roadmap = await createRoadmap(ctx, {
      governanceId: governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    const action = await createAction(ctx, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Bus numérique',
    });
    await createMilestone(ctx, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Premier circuit',
      dueDate: '2024-06-03',
    });

    const { health } = await getRoadmapHealth(ctx, { roadmapId: roadmap.id });
    expect(health.lateMilestones).toEqual([
      expect.objectContaining({
        title: 'Premier circuit',
        daysLate: 7,
        action: expect.objectContaining({ code: 'A1' }),
      }),
    ]);
  });
});
