import type { z } from 'zod';
import { Indicator, IndicatorFields } from '../../indicators/indicator.ts';
import { ConflictError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export { IndicatorFields as CreateIndicatorInput };

/** Defines a steering indicator for a governance; its code is unique in the governance. */
export async function createIndicator(ctx: UseCaseContext, input: unknown): Promise<Indicator> {
  const fields = validate(IndicatorFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'indicator.manage', fields.governanceId);
    return insertIndicator(ctx, repos, fields);
  });
}

/** Inserts an indicator after checking its code is free; shared with the default referential. */
export async function insertIndicator(
  ctx: UseCaseContext,
  repos: Repositories,
  fields: z.output<typeof IndicatorFields>,
): Promise<Indicator> {
  const existing = await repos.indicators.listByGovernance(fields.governanceId);
  if (existing.some((i) => i.code === fields.code)) {
    throw new ConflictError(
      `Un indicateur porte déjà le code « ${fields.code} » dans cette gouvernance.`,
    );
  }
  return insertNew(
    ctx,
    repos,
    { schema: Indicator, entity: 'indicator', repo: repos.indicators },
    {
      ...fields,
      id: ctx.ids('indicator'),
    },
  );
}
