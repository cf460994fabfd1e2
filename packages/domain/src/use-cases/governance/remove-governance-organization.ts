import { z } from 'zod';
import { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, saveChange } from '../helpers.ts';

export const RemoveGovernanceOrganizationInput = z.object({
  governanceId: idOf('governance'),
  organizationId: idOf('organization'),
  expectedVersion: z.number().int().min(1).optional(),
});
export type RemoveGovernanceOrganizationInput = z.input<typeof RemoveGovernanceOrganizationInput>;

/**
 * Takes an organization out of a governance. One that does not take part is already out: nothing
 * changes (a form sent twice is not an error). For those who may manage the governance.
 *
 * @example
 * await removeGovernanceOrganization(ctx, { governanceId: 'gov_larochelle', organizationId: 'org_caf17' });
 */
export async function removeGovernanceOrganization(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Governance> {
  const { governanceId, organizationId, expectedVersion } = validate(
    RemoveGovernanceOrganizationInput,
    input,
  );
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', governanceId);
    const organizations = before.organizations.filter((o) => o.organizationId !== organizationId);
    if (organizations.length === before.organizations.length) {
      checkVersion(before, expectedVersion);
      return before;
    }
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      { before, expectedVersion, changes: { organizations }, action: 'remove_organization' },
    );
  });
}
