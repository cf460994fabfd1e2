import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

/** Changes the name, perimeter, formality, time zone or reminder rules of a governance. */
export async function updateGovernance(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Governance> {
  const changes = parsePatch(GovernanceFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', change.id);
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes,
      },
    );
  });
}
