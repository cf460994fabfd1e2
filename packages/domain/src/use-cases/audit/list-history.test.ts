import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import type { UseCaseContext } from '../context.ts';
import { assignRole } from '../governance/assign-role.ts';
import { createBody } from '../governance/create-body.ts';
import { recordDecision } from '../governance/record-decision.ts';
import { scheduleMeeting } from '../governance/schedule-meeting.ts';
import { updateGovernance } from '../governance/update-governance.ts';
import { createPerson } from '../people/create-person.ts';
import { erasePersonalData } from '../people/personal-data.ts';
import { addFundingLine } from '../roadmap/add-funding-line.ts';
import { createAction } from '../roadmap/create-action.ts';
import { createMilestone } from '../roadmap/create-milestone.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { recordUpdate } from '../roadmap/record-update.ts';
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

  it('shows in an action’s history the changes of its milestones, funding lines and updates, and in its roadmap’s too', async () => {
    const { roadmap, action } = await roadmapAndAction();
    const other = await createAction(coordinator, {
      roadmapId: roadmap.id,
      axisId: roadmap.axes[0]?.id,
      code: 'A2',
      title: 'Ateliers en médiathèque',
    });
    const milestone = await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Premier circuit du bus',
      dueDate: '2027-06-03',
    });
    await addFundingLine(coordinator, {
      actionId: action.id,
      funderKind: 'caf',
      amountCents: 1_000,
    });
    await recordUpdate(world.as('coordinator', 'discord'), {
      subject: { type: 'milestone', id: milestone.id },
      text: 'Le bus est commandé.',
    });
    await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: other.id,
      title: 'Salle réservée',
      dueDate: '2027-06-10',
    });

    const ofAction = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'action',
      entityId: action.id,
    });
    expect(ofAction.items.map((e) => e.event.entity).sort()).toEqual([
      'action',
      'funding_line',
      'milestone',
      'update',
    ]);
    expect(ofAction.items.map((e) => e.line.summary)).toContain(
      'a créé le jalon « Premier circuit du bus »',
    );
    expect(JSON.stringify(ofAction)).not.toContain('Salle réservée');

    // By the roadmap's id alone: its kind is read from the id.
    const ofRoadmap = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entityId: roadmap.id,
      limit: 100,
    });
    const ids = ofRoadmap.items.map((e) => e.event.entityId);
    expect(ids).toEqual(expect.arrayContaining([roadmap.id, action.id, other.id, milestone.id]));
    expect(ofRoadmap.items).toHaveLength(7);
  });

  it('takes a kind of record by its French name, and refuses an unknown one in French', async () => {
    const { roadmap } = await roadmapAndAction();
    const roadmaps = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'feuille_de_route',
    });
    expect(roadmaps.items.map((e) => e.event.entityId)).toEqual([roadmap.id]);
    await expect(
      listHistory(coordinator, { governanceId: world.governance.id, entity: 'fiche' }),
    ).rejects.toThrow(/Type d’élément inconnu/);
    await expect(
      listHistory(coordinator, { governanceId: world.governance.id, entityId: 'xyz_123456' }),
    ).rejects.toThrow(/précisez le type/);
  });

  it('says which meeting decision rescheduled a milestone, in the action’s history', async () => {
    const { roadmap, action } = await roadmapAndAction();
    const milestone = await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Convention signée',
      dueDate: '2024-05-20',
    });
    const body = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
    });
    const meeting = await scheduleMeeting(coordinator, {
      bodyId: body.id,
      startsAt: '2024-05-13T07:00:00.000Z',
      status: 'tenue',
    });
    await recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Reporter la signature au 30 juin.',
      effect: { kind: 'reporter_jalon', milestoneId: milestone.id, to: '2024-06-30' },
    });
    const page = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'action',
      entityId: action.id,
    });
    const moved = page.items.find((e) => e.event.entityId === milestone.id && e.event.decidedBy);
    expect(moved?.line.decision).toBe(
      'Décidé en Comité de pilotage du 13 mai 2024 : Reporter la signature au 30 juin.',
    );
    expect(moved?.line.changes.find((c) => c.field === 'dueDate')).toMatchObject({
      before: '20 mai 2024',
      after: '30 juin 2024',
    });
    const decided = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entityId: meeting.id,
    });
    expect(decided.items[0]?.line.summary).toMatch(/^a enregistré une décision lors de la séance/);
    expect(decided.items[0]?.line.changes[0]).toMatchObject({
      label: 'Décisions',
      added: ['Reporter la signature au 30 juin.'],
    });
  });

  it('names the person or structure a change points to, as they are now', async () => {
    const { action } = await roadmapAndAction();
    await updateAction(coordinator, {
      id: action.id,
      expectedVersion: action.version,
      patch: { ownerId: world.people.coordinator.id },
    });
    const page = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entityId: action.id,
    });
    expect(page.items[0]?.line.changes).toEqual([
      expect.objectContaining({ label: 'Responsable', after: 'Claire Coordinatrice' }),
    ]);
    expect(JSON.stringify(page.items[0]?.line)).not.toContain(world.people.coordinator.id);
  });
});
