import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createAction } from './create-action.ts';
import { createRoadmap } from './create-roadmap.ts';
import { getAction } from './get-action.ts';
import { listActions } from './list-actions.ts';

describe('reading actions', () => {
  let world: TestWorld;
  let roadmapId: string;
  let actionIds: string[];
  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
      axes: [{ title: 'Accompagner les publics' }],
    });
    roadmapId = roadmap.id;
    const axisId = roadmap.axes[0]?.id as string;
    actionIds = [];
    for (const code of ['A1', 'A2', 'A3']) {
      const action = await createAction(coordinator, { roadmapId, axisId, code, title: code });
      actionIds.push(action.id);
    }
  });

  it('walks a roadmap’s actions page by page, each once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listActions(world.as('observer'), { roadmapId, after, limit: 2 });
      seen.push(...page.items.map((a) => a.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual([...actionIds].sort());
  });

  it('refuses a limit over 100', async () => {
    await expect(
      listActions(world.as('coordinator'), { roadmapId, limit: 101 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('reads an action, and tells an outsider neither it nor its roadmap exist', async () => {
    const actionId = actionIds[0] as string;
    expect((await getAction(world.as('member'), { actionId })).id).toBe(actionId);
    await expect(getAction(world.as('outsider'), { actionId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      listActions(world.as('outsider'), { roadmapId, limit: 10 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
