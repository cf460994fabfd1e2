import { z } from 'zod';
import type { Milestone } from '../../roadmap/milestone.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const GetMilestoneInput = z.object({ milestoneId: idOf('milestone') });
export type GetMilestoneInput = z.input<typeof GetMilestoneInput>;

/** A milestone, for whoever may read its roadmap; anyone else is told it does not exist. */
export async function getMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const { milestoneId } = validate(GetMilestoneInput, input);
  return ctx.store.transaction(async (repos) => {
    const milestone = await mustGet(repos.milestones, milestoneId, 'Jalon');
    const roadmap = await mustGet(repos.roadmaps, milestone.roadmapId, 'Feuille de route');
    const action = milestone.actionId ? await repos.actions.get(milestone.actionId) : undefined;
    await authorize(ctx, repos, 'roadmap.read', milestone.governanceId, {
      roadmap,
      milestone,
      ...(action ? { action } : {}),
      asked: ['Jalon', milestone.id],
    });
    return milestone;
  });
}
