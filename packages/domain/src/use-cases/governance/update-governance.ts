import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { parseChange, saveChange } from '../helpers.ts';

/** Changes the name, perimeter, formality, time zone or reminder rules of a governance. */
export async function updateGovernance(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const { id, expectedVersion, changes } = parseChange(GovernanceFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', id);
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      {
        before,
        expectedVersion,
        changes,
      },
    );
  });
}
