import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { type RoadmapHealth, roadmapHealth } from '../../roadmap/health.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const GetRoadmapHealthInput = z.object({
  roadmapId: idOf('roadmap'),
  upcomingDays: z.number().int().min(1).max(366).default(30),
});

/**
 * The health of a roadmap today, in its governance's time zone: what a steering committee looks
 * at. Readable by whoever may read the roadmap (the public too, once it is adopted and published).
 */
export async function getRoadmapHealth(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ governance: Governance; roadmap: Roadmap; health: RoadmapHealth }> {
  const { roadmapId, upcomingDays } = validate(GetRoadmapHealthInput, input);
  return ctx.store.transaction(async (repos) => {
    const roadmap = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
    const governance = await authorize(ctx, repos, 'roadmap.read', roadmap.governanceId, {
      roadmap,
      asked: ['Feuille de route', roadmap.id],
    });
    const [actions, milestones, fundingLines, updates] = await Promise.all([
      repos.actions.listByRoadmap(roadmapId),
      repos.milestones.listByRoadmap(roadmapId),
      repos.fundingLines.listByGovernance(roadmap.governanceId),
      repos.updates.listLatestProgress({ roadmapId }),
    ]);
    const health = roadmapHealth({
      roadmap,
      actions,
      milestones,
      fundingLines,
      updates,
      today: localDate(ctx.clock(), governance.timeZone),
      upcomingDays,
    });
    return { governance, roadmap, health };
  });
}
