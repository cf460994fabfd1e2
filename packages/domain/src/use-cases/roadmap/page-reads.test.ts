import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createAction } from './create-action.ts';
import { createMilestone } from './create-milestone.ts';
import { createRoadmap } from './create-roadmap.ts';
import { getActionSheet } from './get-action-sheet.ts';
import { getRoadmapOverview } from './get-roadmap-overview.ts';
import { recordUpdate } from './record-update.ts';
import { updateRoadmap } from './update-roadmap.ts';

// The world's clock is 2024-05-13: a milestone due 2024-05-01 is late, one due in June is not.
describe('the reads behind the roadmap and fiche-action pages', () => {
  let world: TestWorld;
  let roadmapId: string;
  let bus: string;
  let atelier: string;
  let loose: string;
  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    roadmapId = roadmap.id;
    const withAxes = await updateRoadmap(coordinator, {
      id: roadmapId,
      patch: {
        axes: [
          { id: 'axe_mobilite', title: 'Aller vers', position: 0 },
          { id: 'axe_ateliers', title: 'Apprendre', position: 1 },
        ],
      },
    });
    const [mobility, workshops] = withAxes.axes.map((a) => a.id);
    const action = (code: string, title: string, extra: object) =>
      createAction(coordinator, { roadmapId, code, title, ...extra }).then((a) => a.id);
    bus = await action('A10', 'Bus numérique', {
      axisId: mobility,
      ownerId: world.people.member.id,
      weight: 3,
    });
    atelier = await action('A2', 'Ateliers en médiathèque', { axisId: workshops, weight: 1 });
    loose = await action('A3', 'Sans axe', {});
    await createMilestone(coordinator, {
      roadmapId,
      actionId: bus,
      title: 'Achat du bus',
      dueDate: '2024-05-01',
      ownerId: world.people.member.id,
    });
    await createMilestone(coordinator, {
      roadmapId,
      actionId: bus,
      title: 'Première tournée',
      dueDate: '2024-06-20',
    });
    await recordUpdate(world.as('member'), {
      subject: { type: 'action', id: bus },
      text: 'Le bus est commandé.',
    });
    await recordUpdate(world.as('coordinator'), {
      subject: { type: 'action', id: atelier },
      text: 'La moitié des ateliers a eu lieu.',
      progress: 50,
    });
  });

  it('gives the tree by axis with weighted progress, and filters only what is listed', async () => {
    const all = await getRoadmapOverview(world.as('observer'), { roadmapId });
    expect(all.axes.map((a) => [a.title, a.actions.map((x) => x.code)])).toEqual([
      ['Aller vers', ['A10']],
      ['Apprendre', ['A2']],
      ['Sans axe', ['A3']],
    ]);
    const busRow = all.axes[0]?.actions[0];
    expect(busRow).toMatchObject({
      owner: { name: 'Marc Membre' },
      progress: 0,
      lateMilestoneCount: 1,
      nextDueDate: '2024-05-01',
    });
    expect(all.axes[1]?.actions[0]?.progress).toBe(50);
    // Weighted: the bus (weight 3, no milestone reached), the workshops (weight 1, 50 %) and the
    // sheet of no axis (weight 1, nothing yet) → 10 %.
    expect(all.health.progress.overall.progress).toBeCloseTo(10, 5);
    expect(all.owners).toEqual([{ id: world.people.member.id, name: 'Marc Membre' }]);
    expect(all.may).toEqual({
      'roadmap.edit': false,
      'roadmap.adopt': false,
      'action.create': false,
    });

    const late = await getRoadmapOverview(world.as('observer'), { roadmapId, lateOnly: true });
    expect(late.axes.flatMap((a) => a.actions.map((x) => x.id))).toEqual([bus]);
    expect([late.shown, late.total]).toEqual([1, 3]);
    // The axis still shows its whole progress, not the filtered actions'.
    expect(late.axes[0]?.progress).toBe(all.axes[0]?.progress);

    const noAxis = await getRoadmapOverview(world.as('observer'), {
      roadmapId,
      axisId: 'sans_axe',
    });
    expect(noAxis.axes.flatMap((a) => a.actions.map((x) => x.id))).toEqual([loose]);
    const byOwner = await getRoadmapOverview(world.as('coordinator'), {
      roadmapId,
      ownerId: world.people.member.id,
    });
    expect(byOwner.axes.flatMap((a) => a.actions.map((x) => x.id))).toEqual([bus]);
    expect(byOwner.may['action.create']).toBe(true);
    const drafts = await getRoadmapOverview(world.as('observer'), {
      roadmapId,
      status: 'realisee',
    });
    expect(drafts.shown).toBe(0);
  });

  it('refuses a foreign reader as if the roadmap did not exist, and a bad filter in French', async () => {
    await expect(getRoadmapOverview(world.as('outsider'), { roadmapId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      getRoadmapOverview(world.as('observer'), { roadmapId, status: 'finie' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('gives a fiche-action with its milestones’ state, timeline and what the reader may do', async () => {
    const owner = await getActionSheet(world.as('member'), { actionId: bus });
    expect(owner.owner?.name).toBe('Marc Membre');
    expect(owner.progress).toBe(0);
    expect((await getActionSheet(world.as('member'), { actionId: atelier })).progress).toBe(50);
    expect(owner.milestones.map((m) => [m.milestone.title, m.state])).toEqual([
      ['Achat du bus', 'en_retard'],
      ['Première tournée', 'a_venir'],
    ]);
    expect(owner.updates.map((u) => [u.update.text, u.author.name])).toEqual([
      ['Le bus est commandé.', 'Marc Membre'],
    ]);
    // The member owns the action: they may edit it and post progress, not create sheets.
    expect(owner.may['action.edit']).toBe(true);
    expect(owner.milestones[0]?.may['milestone.complete']).toBe(true);

    const observer = await getActionSheet(world.as('observer'), { actionId: bus });
    expect(observer.may['action.edit']).toBe(false);
    expect(observer.milestones[0]?.may['milestone.complete']).toBe(false);
    await expect(getActionSheet(world.as('outsider'), { actionId: bus })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
