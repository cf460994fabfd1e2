import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

/** Changes the name, perimeter, formality, time zone or reminder rules of a governance. */
export async function updateGovernance(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Governance> {
  const patch = parsePatch(GovernanceFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', change.id);
    checkVersion(before, change.expectedVersion);
    const after = nextVersion(Governance, before, patch, ctx.clock());
    await repos.governances.update(after);
    await recordAudit(ctx, repos, {
      entity: 'governance',
      entityId: after.id,
      governanceId: after.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
