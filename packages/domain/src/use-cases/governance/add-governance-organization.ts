import { z } from 'zod';
import { Governance, GovernanceOrganizationRole } from '../../governance/governance.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, saveChange } from '../helpers.ts';

export const AddGovernanceOrganizationInput = z.object({
  governanceId: idOf('governance'),
  organizationId: idOf('organization'),
  role: GovernanceOrganizationRole,
  expectedVersion: z.number().int().min(1).optional(),
});
export type AddGovernanceOrganizationInput = z.input<typeof AddGovernanceOrganizationInput>;

/**
 * Makes an organization of the directory a member or a co-porteur of a governance, or changes its
 * role there (`since` then starts again). Asking for the role it already has changes nothing.
 * For those who may manage the governance.
 *
 * @example
 * await addGovernanceOrganization(ctx, {
 *   governanceId: 'gov_larochelle',
 *   organizationId: 'org_caf17',
 *   role: 'co_porteur',
 * });
 */
export async function addGovernanceOrganization(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Governance> {
  const { governanceId, organizationId, role, expectedVersion } = validate(
    AddGovernanceOrganizationInput,
    input,
  );
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', governanceId);
    const organization = await mustGet(repos.organizations, organizationId, 'Organisation');
    if (organization.mergedInto) {
      throw new ConflictError(
        `Cette structure a été fusionnée avec ${organization.mergedInto} : ajoutez plutôt celle-ci.`,
      );
    }
    const current = before.organizations.find((o) => o.organizationId === organizationId);
    if (current?.role === role) {
      checkVersion(before, expectedVersion);
      return before;
    }
    const entry = { organizationId, role, since: ctx.clock() };
    const organizations = current
      ? before.organizations.map((o) => (o.organizationId === organizationId ? entry : o))
      : [...before.organizations, entry];
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      {
        before,
        expectedVersion,
        changes: { organizations },
        action: current ? 'change_organization_role' : 'add_organization',
      },
    );
  });
}
