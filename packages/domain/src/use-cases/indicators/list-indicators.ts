import { z } from 'zod';
import type { Indicator } from '../../indicators/indicator.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { pageInGovernance } from '../readable.ts';

export const ListIndicatorsInput = z.object({
  governanceId: idOf('governance'),
  ...pageFields('indicator'),
});
export type ListIndicatorsInput = z.input<typeof ListIndicatorsInput>;

/** The steering indicators of a governance, in id order, for whoever may read the governance. */
export async function listIndicators(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Indicator>> {
  const { governanceId, after, limit } = validate(ListIndicatorsInput, input);
  return ctx.store.transaction((repos) =>
    pageInGovernance(ctx, repos, repos.indicators, governanceId, { after, limit }),
  );
}
