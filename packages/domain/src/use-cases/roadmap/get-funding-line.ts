import { z } from 'zod';
import type { FundingLine } from '../../roadmap/funding-line.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { readableAction } from '../readable.ts';

export const GetFundingLineInput = z.object({ fundingLineId: idOf('fundingLine') });
export type GetFundingLineInput = z.input<typeof GetFundingLineInput>;

/** A funding line, for whoever may read its action's roadmap. */
export async function getFundingLine(ctx: UseCaseContext, input: unknown): Promise<FundingLine> {
  const { fundingLineId } = validate(GetFundingLineInput, input);
  return ctx.store.transaction(async (repos) => {
    const line = await mustGet(repos.fundingLines, fundingLineId, 'Financement');
    await readableAction(ctx, repos, line.actionId, ['Financement', line.id]);
    return line;
  });
}
