import { Indicator, IndicatorFields } from '../../indicators/indicator.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

const IndicatorPatchFields = IndicatorFields.omit({ governanceId: true });

/** Changes an indicator's definition, targets included; its code stays unique in the governance. */
export async function updateIndicator(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Indicator> {
  const changes = parsePatch(IndicatorPatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.indicators, change.id, 'Indicateur');
    await authorize(ctx, repos, 'indicator.manage', before.governanceId);
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
        expectedVersion: change.expectedVersion,
        changes,
      },
    );
  });
}
