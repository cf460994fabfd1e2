import { z } from 'zod';
import type { Indicator } from '../../indicators/indicator.ts';
import { IndicatorFields } from '../../indicators/indicator.ts';
import { defaultIndicatorsFor } from '../../indicators/referential.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertIndicator } from './create-indicator.ts';

export const InstallDefaultIndicatorsInput = z.object({ governanceId: idOf('governance') });

/**
 * Gives a governance Maille's default referential of 11 steering indicators. Indicators whose code
 * the governance already uses are left as they are, so running it twice adds nothing.
 */
export async function installDefaultIndicators(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Indicator[]> {
  const { governanceId } = validate(InstallDefaultIndicatorsInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'indicator.manage', governanceId);
    const taken = new Set(
      (await repos.indicators.listByGovernance(governanceId)).map((i) => i.code),
    );
    const created: Indicator[] = [];
    for (const definition of defaultIndicatorsFor(governanceId)) {
      if (taken.has(definition.code)) continue;
      created.push(await insertIndicator(ctx, repos, validate(IndicatorFields, definition)));
    }
    return created;
  });
}
