import { Indicator, IndicatorFields } from '../../indicators/indicator.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';

const IndicatorPatchFields = IndicatorFields.omit({ governanceId: true });

/** Changes an indicator's definition, targets included; its code stays unique in the governance. */
export async function updateIndicator(ctx: UseCaseContext, input: unknown): Promise<Indicator> {
  const { id, expectedVersion, changes } = parseChange(IndicatorPatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.indicators, id, 'Indicateur');
    await authorize(ctx, repos, 'indicator.manage', before.governanceId, {
      asked: ['Indicateur', before.id],
    });
    if (changes.code && changes.code !== before.code) {
      const siblings = await repos.indicators.listByGovernance(before.governanceId);
      if (siblings.some((i) => i.code === changes.code)) {
        throw new ConflictError(
          `Un indicateur porte déjà le code « ${changes.code} » dans cette gouvernance.`,
        );
      }
    }
    return saveChange(
      ctx,
      repos,
      { schema: Indicator, entity: 'indicator', repo: repos.indicators },
      {
        before,
        expectedVersion,
        changes,
      },
    );
  });
}
