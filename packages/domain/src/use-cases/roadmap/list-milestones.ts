import { z } from 'zod';
import type { Milestone } from '../../roadmap/milestone.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';
import { readableAction, readableRoadmap } from '../readable.ts';

export const ListRoadmapMilestonesInput = z.object({
  roadmapId: idOf('roadmap'),
  ...pageFields('milestone'),
});
export type ListRoadmapMilestonesInput = z.input<typeof ListRoadmapMilestonesInput>;

export const ListActionMilestonesInput = z.object({
  actionId: idOf('action'),
  ...pageFields('milestone'),
});
export type ListActionMilestonesInput = z.input<typeof ListActionMilestonesInput>;

/**
 * Every milestone of a roadmap, its own and its actions', in id order, one page at a time, for
 * whoever may read the roadmap.
 */
export async function listRoadmapMilestones(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Milestone>> {
  const { roadmapId, after, limit } = validate(ListRoadmapMilestonesInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableRoadmap(ctx, repos, roadmapId);
    return pageAfter(await repos.milestones.listByRoadmap(roadmapId), { after, limit });
  });
}

/** The milestones of one action, in id order, one page at a time. */
export async function listActionMilestones(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Milestone>> {
  const { actionId, after, limit } = validate(ListActionMilestonesInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableAction(ctx, repos, actionId);
    return pageAfter(await repos.milestones.listByAction(actionId), { after, limit });
  });
}
