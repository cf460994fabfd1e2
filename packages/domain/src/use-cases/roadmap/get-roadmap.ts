import { z } from 'zod';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const GetRoadmapInput = z.object({ roadmapId: idOf('roadmap') });
export type GetRoadmapInput = z.input<typeof GetRoadmapInput>;

/** A roadmap, for whoever may read it (the public too once adopted and public). */
export async function getRoadmap(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const { roadmapId } = validate(GetRoadmapInput, input);
  return ctx.store.transaction((repos) => readableRoadmap(ctx, repos, roadmapId));
}

/**
 * Loads a roadmap the actor may read, or tells them it does not exist: the first step of every
 * read of what belongs to a roadmap (its versions, milestones, updates).
 */
export async function readableRoadmap(
  ctx: UseCaseContext,
  repos: Repositories,
  roadmapId: string,
): Promise<Roadmap> {
  const roadmap = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
  await authorize(ctx, repos, 'roadmap.read', roadmap.governanceId, {
    roadmap,
    asked: ['Feuille de route', roadmap.id],
  });
  return roadmap;
}
