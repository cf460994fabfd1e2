import { z } from 'zod';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';

export const ListRoadmapsInput = z.object({
  governanceId: idOf('governance'),
  ...pageFields('roadmap'),
});
export type ListRoadmapsInput = z.input<typeof ListRoadmapsInput>;

/**
 * The roadmaps of a governance the actor may read, in id order, one page at a time: all of them
 * for its members, the adopted public ones for anyone else. Someone who may read neither the
 * governance nor any of its roadmaps is told the governance does not exist.
 */
export async function listRoadmaps(ctx: UseCaseContext, input: unknown): Promise<Page<Roadmap>> {
  const { governanceId, after, limit } = validate(ListRoadmapsInput, input);
  return ctx.store.transaction(async (repos) => {
    const readable: Roadmap[] = [];
    for (const roadmap of await repos.roadmaps.listByGovernance(governanceId)) {
      // The same check as a read, so a list never shows what a read would hide.
      if (await allows(authorize(ctx, repos, 'roadmap.read', governanceId, { roadmap })))
        readable.push(roadmap);
    }
    if (readable.length === 0) await authorize(ctx, repos, 'governance.read', governanceId);
    return pageAfter(readable, { after, limit });
  });
}

async function allows(check: Promise<unknown>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
