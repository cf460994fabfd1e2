import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import type { UseCaseContext } from '../context.ts';
import { assignRole } from '../governance/assign-role.ts';
import { updateGovernance } from '../governance/update-governance.ts';
import { createPerson } from '../people/create-person.ts';
import { erasePersonalData } from '../people/personal-data.ts';
import { createAction } from '../roadmap/create-action.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { updateAction } from '../roadmap/update-action.ts';
import { type HistoryEntry, listHistory } from './list-history.ts';

describe('the history of a governance, a page at a time, in French', () => {
  let world: TestWorld;
  let coordinator: UseCaseContext;

  beforeEach(async () => {
    world = await createTestWorld();
    coordinator = world.as('coordinator', 'web');
  });

  async function roadmapAndAction() {
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
      axes: [{ title: 'Accompagner les publics' }],
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      axisId: roadmap.axes[0]?.id,
      code: 'A1',
      title: 'Bus numérique',
    });
    return { roadmap, action };
  }

  it('reads newest first, page after page, each line naming its author, record and channel', async () => {
    const { action } = await roadmapAndAction();
    for (const title of ['Bus numérique itinérant', 'Bus France Services']) {
      world.clock.advanceDays(1);
      const current = await world.store.transaction((r) => r.actions.get(action.id));
      await updateAction(world.as('coordinator', 'discord'), {
        id: action.id,
        expectedVersion: current?.version,
        patch: { title },
      });
    }
    const seen: HistoryEntry[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listHistory(world.as('observer'), {
        governanceId: world.governance.id,
        limit: 2,
        before,
      });
      seen.push(...page.items);
      before = page.next;
      pages += 1;
    } while (before !== undefined);
    const all = await listHistory(world.as('observer'), {
      governanceId: world.governance.id,
      limit: 100,
    });
    expect(seen.map((e) => e.event.id)).toEqual(all.items.map((e) => e.event.id));
    expect(pages).toBe(Math.ceil(all.items.length / 2));
    expect(all.items[0]?.line).toMatchObject({
      author: 'Claire Coordinatrice',
      channel: 'Discord',
      summary: 'a modifié l’action « A1 Bus France Services »',
      changes: [
        { label: 'Titre', before: 'Bus numérique itinérant', after: 'Bus France Services' },
      ],
    });
  });

  it('keeps one record’s history when asked', async () => {
    const { roadmap, action } = await roadmapAndAction();
    const page = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'action',
      entityId: action.id,
    });
    expect(page.items.map((e) => [e.event.entityId, e.line.summary])).toEqual([
      [action.id, 'a créé l’action « A1 Bus numérique »'],
    ]);
    const roadmaps = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'roadmap',
    });
    expect(roadmaps.items.map((e) => e.event.entityId)).toEqual([roadmap.id]);
    expect(roadmaps.items[0]?.line.channel).toBe('Web');
  });

  it('refuses a cursor from another governance, and is hidden from strangers', async () => {
    const other = await listHistory(world.as('outsider'), {
      governanceId: world.outsiderGovernance.id,
    });
    const foreign = other.items[0]?.event.id;
    expect(foreign).toBeDefined();
    await expect(
      listHistory(coordinator, { governanceId: world.governance.id, before: foreign }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      listHistory(world.as('outsider'), { governanceId: world.governance.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      listHistory(coordinator, { governanceId: world.governance.id, limit: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('still reads after its author’s erasure, naming no one', async () => {
    const jeanne = await createPerson(world.as('admin'), {
      displayName: 'Jeanne Dupont-Lefèvre',
      functions: ['coordinateur'],
    });
    await assignRole(coordinator, {
      governanceId: world.governance.id,
      personId: jeanne.id,
      role: 'coordinateur',
    });
    const asJeanne = { ...coordinator, actor: { personId: jeanne.id, channel: 'web' as const } };
    await updateGovernance(asJeanne, {
      id: world.governance.id,
      patch: { description: 'Animée par Jeanne Dupont-Lefèvre' },
    });
    await erasePersonalData(world.as('admin'), { personId: jeanne.id });

    const page = await listHistory(coordinator, { governanceId: world.governance.id, limit: 100 });
    const hers = page.items.find((e) => e.event.actorId === jeanne.id);
    expect(hers?.line).toMatchObject({
      author: 'membre supprimé',
      summary: 'a modifié la gouvernance « CTIN de test »',
    });
    expect(JSON.stringify(page)).not.toMatch(/Jeanne|Dupont/i);
  });
});
