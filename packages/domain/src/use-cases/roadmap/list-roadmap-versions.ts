import { z } from 'zod';
import type { RoadmapVersion } from '../../roadmap/roadmap-version.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { readableRoadmap } from '../readable.ts';
import { pageInOrder } from './ordered-page.ts';

export const ListRoadmapVersionsInput = z.object({
  roadmapId: idOf('roadmap'),
  ...pageFields('roadmapVersion'),
});
export type ListRoadmapVersionsInput = z.input<typeof ListRoadmapVersionsInput>;

/** The frozen versions of a roadmap, oldest (version 1, the first adoption) first. */
export async function listRoadmapVersions(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<RoadmapVersion>> {
  const { roadmapId, after, limit } = validate(ListRoadmapVersionsInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableRoadmap(ctx, repos, roadmapId);
    const versions = await repos.roadmapVersions.listByRoadmap(roadmapId);
    return pageInOrder(versions, { after, limit }, (a, b) => a.number - b.number);
  });
}
