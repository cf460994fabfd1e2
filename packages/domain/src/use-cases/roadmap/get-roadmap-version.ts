import { z } from 'zod';
import type { RoadmapVersion } from '../../roadmap/roadmap-version.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readableRoadmap } from '../readable.ts';

export const GetRoadmapVersionInput = z.object({
  roadmapId: idOf('roadmap'),
  /** The version's number, as the assembly and the public page name it (« version 2 »). */
  number: z.number().int().min(1).max(10_000),
});
export type GetRoadmapVersionInput = z.input<typeof GetRoadmapVersionInput>;

/** One frozen version of a roadmap, for whoever may read the roadmap. */
export async function getRoadmapVersion(
  ctx: UseCaseContext,
  input: unknown,
): Promise<RoadmapVersion> {
  const { roadmapId, number } = validate(GetRoadmapVersionInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableRoadmap(ctx, repos, roadmapId);
    const versions = await repos.roadmapVersions.listByRoadmap(roadmapId);
    const version = versions.find((v) => v.number === number);
    if (!version)
      throw new NotFoundError('Version de feuille de route', `${roadmapId} n° ${number}`);
    return version;
  });
}
