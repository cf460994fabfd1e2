import { z } from 'zod';
import { Roadmap, RoadmapStatus } from '../../roadmap/roadmap.ts';
import { checkRoadmapTransition } from '../../roadmap/roadmap-status.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';

export const ChangeRoadmapStatusInput = z.object({
  roadmapId: idOf('roadmap'),
  expectedVersion: z.number().int().min(1).optional(),
  status: RoadmapStatus.exclude(['adoptee']),
});
export type ChangeRoadmapStatusInput = z.input<typeof ChangeRoadmapStatusInput>;

/** Opens consultation, starts a revision or archives a roadmap (adoption is `adoptRoadmap`). */
export async function changeRoadmapStatus(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const { roadmapId, expectedVersion, status } = validate(ChangeRoadmapStatusInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'roadmap.adopt', before.governanceId, {
      roadmap: before,
      asked: ['Feuille de route', before.id],
    });
    checkRoadmapTransition(before.status, status);
    return saveChange(
      ctx,
      repos,
      { schema: Roadmap, entity: 'roadmap', repo: repos.roadmaps },
      {
        before,
        expectedVersion,
        changes: { status },
        action: 'change_status',
      },
    );
  });
}
