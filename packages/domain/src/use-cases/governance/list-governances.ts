import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, PageLimit, pageAfter } from '../page.ts';

export const ListGovernancesInput = z.object({
  /** The id of the last governance of the previous page. */
  after: idOf('governance').optional(),
  limit: PageLimit,
});
export type ListGovernancesInput = z.input<typeof ListGovernancesInput>;

/**
 * The governances the actor may read, in id order, one page at a time. Those it may not read are
 * left out, as if they did not exist.
 */
export async function listGovernances(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Governance>> {
  const { after, limit } = validate(ListGovernancesInput, input);
  return ctx.store.transaction(async (repos) => {
    const readable: Governance[] = [];
    for (const governance of await repos.governances.list()) {
      try {
        // The same check as every other use case, so a list never shows what a read would hide.
        readable.push(await authorize(ctx, repos, 'governance.read', governance.id));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return pageAfter(readable, { after, limit });
  });
}
