import { z } from 'zod';
import type { Indicator } from '../../indicators/indicator.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, PageLimit, pageAfter } from '../page.ts';

export const ListIndicatorsInput = z.object({
  governanceId: idOf('governance'),
  /** The id of the last indicator of the previous page. */
  after: idOf('indicator').optional(),
  limit: PageLimit,
});
export type ListIndicatorsInput = z.input<typeof ListIndicatorsInput>;

/** The steering indicators of a governance, in id order, for whoever may read the governance. */
export async function listIndicators(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Indicator>> {
  const { governanceId, after, limit } = validate(ListIndicatorsInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'governance.read', governanceId);
    return pageAfter(await repos.indicators.listByGovernance(governanceId), { after, limit });
  });
}
