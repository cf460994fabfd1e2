import { Indicator, IndicatorFields } from '../../indicators/indicator.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

const IndicatorPatchFields = IndicatorFields.omit({ governanceId: true });

/** Changes an indicator's definition, targets included. */
export async function updateIndicator(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Indicator> {
  const patch = parsePatch(IndicatorPatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.indicators, change.id, 'Indicateur');
    await authorize(ctx, repos, 'indicator.manage', before.governanceId);
    checkVersion(before, change.expectedVersion);
    if (patch.code && patch.code !== before.code) {
      const taken = (await repos.indicators.listByGovernance(before.governanceId)).some(
        (i) => i.code === patch.code,
      );
      if (taken)
        throw new ConflictError(
          `Un indicateur porte déjà le code « ${patch.code} » dans cette gouvernance.`,
        );
    }
    const after = nextVersion(Indicator, before, patch, ctx.clock());
    await repos.indicators.update(after);
    await recordAudit(ctx, repos, {
      entity: 'indicator',
      entityId: after.id,
      governanceId: after.governanceId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
