import { z } from 'zod';
import type { FundingLine } from '../../roadmap/funding-line.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';
import { readableAction } from '../readable.ts';

export const ListFundingLinesInput = z.object({
  actionId: idOf('action'),
  ...pageFields('fundingLine'),
});
export type ListFundingLinesInput = z.input<typeof ListFundingLinesInput>;

/**
 * The funding lines of an action, in id order, for whoever may read its roadmap: the budget is
 * part of the roadmap an assembly adopts, as its frozen versions show.
 */
export async function listFundingLines(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<FundingLine>> {
  const { actionId, after, limit } = validate(ListFundingLinesInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableAction(ctx, repos, actionId);
    return pageAfter(await repos.fundingLines.listByAction(actionId), { after, limit });
  });
}
