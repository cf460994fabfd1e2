import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidTransitionError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from '../actors/create-organization.ts';
import { listHistory } from '../audit/list-history.ts';
import { adoptRoadmap } from './adopt-roadmap.ts';
import { changeRoadmapStatus } from './change-roadmap-status.ts';
import { completeMilestone } from './complete-milestone.ts';
import { createAction } from './create-action.ts';
import { createMilestone } from './create-milestone.ts';
import { createRoadmap } from './create-roadmap.ts';
import { promoteAction } from './promote-action.ts';
import { recordUpdate } from './record-update.ts';
import { rescheduleMilestone } from './reschedule-milestone.ts';
import { transitionAction } from './transition-action.ts';
import { updateAction } from './update-action.ts';

describe('a roadmap from draft to adopted, through the use cases', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  async function roadmapWithAction() {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route inclusion numérique 2024-2027',
      fromYear: 2024,
      toYear: 2027,
      axes: [{ title: 'Accompagner les publics' }, { title: 'Outiller les aidants' }],
    });
    const firstAxis = roadmap.axes[0];
    if (!firstAxis) throw new Error('the roadmap should have axes');
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      axisId: firstAxis.id,
      code: 'A1',
      title: 'Bus numérique itinérant',
    });
    return { roadmap, action };
  }

  it('gives ids to new axes and starts actions as fiches-projets à mûrir', async () => {
    const { roadmap, action } = await roadmapWithAction();
    expect(roadmap.status).toBe('brouillon');
    expect(roadmap.axes.map((a) => a.id)).toEqual([
      expect.stringMatching(/^axe_/),
      expect.stringMatching(/^axe_/),
    ]);
    expect(action).toMatchObject({ kind: 'fiche_projet', status: 'a_murir', version: 1 });
  });

  it('refuses to promote a fiche-projet without owner, lead and dated milestone, naming each', async () => {
    const { action } = await roadmapWithAction();
    const attempt = promoteAction(world.as('coordinator'), { actionId: action.id });
    await expect(attempt).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(attempt).rejects.toThrow(/responsable|porteu|jalon/i);
  });

  it('promotes once the sheet has an owner, a lead organization and a milestone, then runs it', async () => {
    const coordinator = world.as('coordinator');
    const { roadmap, action } = await roadmapWithAction();
    const lead = await createOrganization(coordinator, {
      name: 'Centre social du Ruban Vert',
      category: 'centre_social',
    });
    await updateAction(coordinator, {
      id: action.id,
      expectedVersion: 1,
      patch: { ownerId: world.people.member.id, leadOrganizationIds: [lead.id] },
    });
    await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Premier circuit du bus',
      dueDate: '2024-06-03',
      ownerId: world.people.member.id,
    });
    const promoted = await promoteAction(coordinator, { actionId: action.id });
    expect(promoted).toMatchObject({ kind: 'fiche_action', version: 3 });
    const ready = await transitionAction(coordinator, { actionId: action.id, to: 'prete' });
    const running = await transitionAction(world.as('member'), {
      actionId: action.id,
      to: 'en_cours',
    });
    expect(running.statusHistory.map((c) => `${c.from}→${c.to}`)).toEqual([
      'a_murir→prete',
      'prete→en_cours',
    ]);
    expect(ready.version + 1).toBe(running.version);
  });

  it('records an update that completes its milestone, both or neither', async () => {
    const coordinator = world.as('coordinator');
    const { roadmap, action } = await roadmapWithAction();
    const milestone = await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Convention signée avec la CAF',
      dueDate: '2024-05-20',
      ownerId: world.people.member.id,
    });
    const update = await recordUpdate(world.as('member', 'discord'), {
      subject: { type: 'milestone', id: milestone.id },
      text: 'Convention signée ce matin.',
      milestoneStatus: 'atteint',
    });
    expect(update).toMatchObject({ channel: 'discord', authorId: world.people.member.id });
    const stored = world.store.dump();
    expect(stored.milestones.find((m) => m.id === milestone.id)).toMatchObject({
      status: 'atteint',
      completedOn: '2024-05-13',
    });
    expect(stored.updates).toHaveLength(1);
  });

  it('keeps no update when the status change it carries is refused', async () => {
    const { action } = await roadmapWithAction();
    const before = world.store.dump();
    await expect(
      recordUpdate(world.as('coordinator'), {
        subject: { type: 'action', id: action.id },
        text: 'Terminé !',
        actionStatus: 'realisee',
      }),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(world.store.dump()).toEqual(before);
  });

  it('keeps every reschedule with its reason and author', async () => {
    const coordinator = world.as('coordinator');
    const { roadmap, action } = await roadmapWithAction();
    const milestone = await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Atelier sur les enjeux',
      dueDate: '2024-05-20',
    });
    const moved = await rescheduleMilestone(coordinator, {
      milestoneId: milestone.id,
      to: '2024-06-10',
      reason: 'Salle indisponible',
    });
    expect(moved).toMatchObject({ status: 'reporte', dueDate: '2024-06-10' });
    expect(moved.reschedules).toEqual([
      expect.objectContaining({
        from: '2024-05-20',
        to: '2024-06-10',
        reason: 'Salle indisponible',
        byId: world.people.coordinator.id,
      }),
    ]);
    const done = await completeMilestone(coordinator, {
      milestoneId: milestone.id,
      completedOn: '2024-06-10',
    });
    expect(done.status).toBe('atteint');
  });

  it('freezes a version at adoption, and another one after a revision', async () => {
    const coordinator = world.as('coordinator');
    const { roadmap } = await roadmapWithAction();
    const adoption = {
      date: '2024-05-30',
      assembly: 'conseil communautaire',
      deliberationRef: 'DEL-2024-042',
    };
    const first = await adoptRoadmap(coordinator, { roadmapId: roadmap.id, adoption });
    expect(first.roadmap).toMatchObject({ status: 'adoptee', adoption });
    expect(first.version).toMatchObject({ number: 1, reason: 'adoption' });
    expect(first.version.snapshot.actions.map((a) => a.code)).toEqual(['A1']);

    await changeRoadmapStatus(coordinator, { roadmapId: roadmap.id, status: 'en_revision' });
    await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A2',
      title: 'Permanences en mairie',
    });
    const second = await adoptRoadmap(coordinator, {
      roadmapId: roadmap.id,
      adoption: { ...adoption, date: '2025-01-15' },
    });
    expect(second.version).toMatchObject({ number: 2, reason: 'revision' });
    expect(second.version.snapshot.actions.map((a) => a.code).sort()).toEqual(['A1', 'A2']);
    // The first version still shows what was voted then.
    expect(first.version.snapshot.actions).toHaveLength(1);
  });
});

describe('the history of a roadmap', () => {
  it('is readable by the governance, newest first, and hidden from others', async () => {
    const world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    world.clock.advanceDays(1);
    await changeRoadmapStatus(coordinator, { roadmapId: roadmap.id, status: 'en_concertation' });
    const history = await listHistory(world.as('observer'), {
      governanceId: world.governance.id,
      entity: 'roadmap',
      entityId: roadmap.id,
    });
    expect(history.items.map((e) => e.event.action)).toEqual(['change_status', 'create']);
    expect(history.items[0]?.event).toMatchObject({
      actorId: world.people.coordinator.id,
      changes: [{ field: 'status', before: 'brouillon', after: 'en_concertation' }],
    });
    await expect(
      listHistory(world.as('outsider'), { governanceId: world.governance.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
