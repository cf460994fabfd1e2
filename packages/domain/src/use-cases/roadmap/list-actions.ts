import { z } from 'zod';
import type { Action } from '../../roadmap/action.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';
import { readableRoadmap } from '../readable.ts';

export const ListActionsInput = z.object({
  roadmapId: idOf('roadmap'),
  ...pageFields('action'),
});
export type ListActionsInput = z.input<typeof ListActionsInput>;

/** The actions of a roadmap, in id order, one page at a time, for whoever may read the roadmap. */
export async function listActions(ctx: UseCaseContext, input: unknown): Promise<Page<Action>> {
  const { roadmapId, after, limit } = validate(ListActionsInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableRoadmap(ctx, repos, roadmapId);
    return pageAfter(await repos.actions.listByRoadmap(roadmapId), { after, limit });
  });
}
