import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';

export const ListGovernancesInput = z.object({
  ...pageFields('governance'),
});
export type ListGovernancesInput = z.input<typeof ListGovernancesInput>;

/**
 * The governances the actor may read, in id order, one page at a time. Those it may not read are
 * left out, as if they did not exist. The repository is read a batch at a time and the walk stops
 * as soon as the page is full (plus one, to know whether another page follows): a person who
 * reads few of many governances does not pay for authorising all of them.
 */
export async function listGovernances(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Governance>> {
  const { after, limit } = validate(ListGovernancesInput, input);
  return ctx.store.transaction(async (repos) => {
    const readable: Governance[] = [];
    let cursor = after;
    while (readable.length <= limit) {
      const batch = await repos.governances.listPage({ after: cursor, limit: limit + 1 });
      for (const governance of batch) {
        if (readable.length > limit) break;
        try {
          // The same check as every other use case, so a list never shows what a read would hide.
          readable.push(await authorize(ctx, repos, 'governance.read', governance.id));
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      }
      const last = batch.at(-1);
      if (batch.length <= limit || !last) break;
      cursor = last.id;
    }
    const items = readable.slice(0, limit);
    const lastItem = items.at(-1);
    return readable.length > limit && lastItem ? { items, next: lastItem.id } : { items };
  });
}
