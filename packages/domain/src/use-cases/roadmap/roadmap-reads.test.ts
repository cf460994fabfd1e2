import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { addFundingLine } from './add-funding-line.ts';
import { adoptRoadmap } from './adopt-roadmap.ts';
import { changeRoadmapStatus } from './change-roadmap-status.ts';
import { createAction } from './create-action.ts';
import { createMilestone } from './create-milestone.ts';
import { createRoadmap } from './create-roadmap.ts';
import { getFundingLine } from './get-funding-line.ts';
import { getMilestone } from './get-milestone.ts';
import { getRoadmap } from './get-roadmap.ts';
import { getRoadmapVersion } from './get-roadmap-version.ts';
import { getUpdate } from './get-update.ts';
import { listFundingLines } from './list-funding-lines.ts';
import { listActionMilestones, listRoadmapMilestones } from './list-milestones.ts';
import { listRoadmapVersions } from './list-roadmap-versions.ts';
import { listRoadmaps } from './list-roadmaps.ts';
import { listUpdates } from './list-updates.ts';
import { recordUpdate } from './record-update.ts';
import { updateRoadmap } from './update-roadmap.ts';

describe('reading a roadmap and what belongs to it', () => {
  let world: TestWorld;
  let roadmapId: string;
  let actionId: string;
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
    actionId = (await createAction(coordinator, { roadmapId, code: 'A1', title: 'Bus numérique' }))
      .id;
  });

  const adopt = (date: string) =>
    adoptRoadmap(world.as('coordinator'), {
      roadmapId,
      adoption: { date, assembly: 'Conseil communautaire' },
    });

  it('shows the public only the adopted public roadmaps, and hides the governance otherwise', async () => {
    const draft = await createRoadmap(world.as('coordinator'), {
      governanceId: world.governance.id,
      title: 'Brouillon suivant',
      fromYear: 2028,
      toYear: 2030,
      public: true,
    });
    const governanceId = world.governance.id;
    await expect(
      listRoadmaps(world.as('public'), { governanceId, limit: 10 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await updateRoadmap(world.as('coordinator'), { id: roadmapId, patch: { public: true } });
    await adopt('2024-05-10');
    const seen = await listRoadmaps(world.as('public'), { governanceId, limit: 10 });
    expect(seen.items.map((r) => r.id)).toEqual([roadmapId]);
    const all = await listRoadmaps(world.as('observer'), { governanceId, limit: 10 });
    expect(all.items.map((r) => r.id).sort()).toEqual([roadmapId, draft.id].sort());
    expect((await getRoadmap(world.as('public'), { roadmapId })).status).toBe('adoptee');
    await expect(getRoadmap(world.as('public'), { roadmapId: draft.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lists the frozen versions by number and reads one by its number', async () => {
    await adopt('2024-05-10');
    await changeRoadmapStatus(world.as('coordinator'), { roadmapId, status: 'en_revision' });
    await adopt('2025-06-01');
    const page = await listRoadmapVersions(world.as('member'), { roadmapId, limit: 1 });
    expect(page.items.map((v) => v.number)).toEqual([1]);
    const rest = await listRoadmapVersions(world.as('member'), {
      roadmapId,
      after: page.next,
      limit: 10,
    });
    expect(rest.items.map((v) => [v.number, v.reason])).toEqual([[2, 'revision']]);
    const second = await getRoadmapVersion(world.as('member'), { roadmapId, number: 2 });
    expect(second.snapshot.roadmap.adoption?.date).toBe('2025-06-01');
    await expect(
      getRoadmapVersion(world.as('member'), { roadmapId, number: 3 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists a roadmap’s milestones, its own and its actions’, and an action’s alone', async () => {
    const coordinator = world.as('coordinator');
    const own = await createMilestone(coordinator, {
      roadmapId,
      title: 'Revue à mi-parcours',
      dueDate: '2025-12-01',
    });
    const ofAction = await createMilestone(coordinator, {
      roadmapId,
      actionId,
      title: 'Premier arrêt du bus',
      dueDate: '2024-09-01',
    });
    const all = await listRoadmapMilestones(world.as('observer'), { roadmapId, limit: 10 });
    expect(all.items.map((m) => m.id).sort()).toEqual([own.id, ofAction.id].sort());
    const mine = await listActionMilestones(world.as('observer'), { actionId, limit: 10 });
    expect(mine.items.map((m) => m.id)).toEqual([ofAction.id]);
    await expect(
      listActionMilestones(world.as('outsider'), { actionId, limit: 10 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pages the updates of a subject newest first, and refuses a cursor of another list', async () => {
    const texts: string[] = [];
    for (const text of ['Premier point.', 'Deuxième point.', 'Troisième point.']) {
      world.clock.advanceDays(1);
      await recordUpdate(world.as('member'), { subject: { type: 'action', id: actionId }, text });
      texts.push(text);
    }
    const other = await recordUpdate(world.as('member'), {
      subject: { type: 'roadmap', id: roadmapId },
      text: 'Sur la feuille de route.',
    });
    const subject = { type: 'action', id: actionId } as const;
    const first = await listUpdates(world.as('observer'), { subject, limit: 2 });
    const second = await listUpdates(world.as('observer'), {
      subject,
      after: first.next,
      limit: 2,
    });
    expect([...first.items, ...second.items].map((u) => u.text)).toEqual([...texts].reverse());
    expect(second.next).toBeUndefined();
    await expect(
      listUpdates(world.as('observer'), { subject, after: other.id, limit: 2 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await getUpdate(world.as('observer'), { updateId: other.id })).text).toBe(
      'Sur la feuille de route.',
    );
    await expect(getUpdate(world.as('outsider'), { updateId: other.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('shows an action’s milestones and funding to the public once the roadmap is adopted and public', async () => {
    const coordinator = world.as('coordinator');
    const milestone = await createMilestone(coordinator, {
      roadmapId,
      actionId,
      title: 'Premier arrêt du bus',
      dueDate: '2024-09-01',
    });
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'region',
      amountCents: 1_000_000,
    });
    for (const who of ['public', 'outsider'] as const) {
      await expect(
        getMilestone(world.as(who), { milestoneId: milestone.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        getFundingLine(world.as(who), { fundingLineId: line.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await updateRoadmap(coordinator, { id: roadmapId, patch: { public: true } });
    await adopt('2024-05-10');
    expect((await getMilestone(world.as('public'), { milestoneId: milestone.id })).id).toBe(
      milestone.id,
    );
    const funding = await listFundingLines(world.as('outsider'), { actionId, limit: 10 });
    expect(funding.items.map((f) => f.amountCents)).toEqual([1_000_000]);
    expect((await getFundingLine(world.as('public'), { fundingLineId: line.id })).id).toBe(line.id);
  });
});
