import { z } from 'zod';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readableRoadmap } from '../readable.ts';

export const GetRoadmapInput = z.object({ roadmapId: idOf('roadmap') });
export type GetRoadmapInput = z.input<typeof GetRoadmapInput>;

/** A roadmap, for whoever may read it (the public too once adopted and public). */
export async function getRoadmap(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const { roadmapId } = validate(GetRoadmapInput, input);
  return ctx.store.transaction((repos) => readableRoadmap(ctx, repos, roadmapId));
}
