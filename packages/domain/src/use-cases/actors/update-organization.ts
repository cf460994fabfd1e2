import { Organization, OrganizationFields } from '../../actors/organization.ts';
import { authorizeOrganizationChange } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';

/**
 * Changes some fields of an organization, for a coordinator of its territory. Moving it to another
 * territory needs the right on both.
 */
export async function updateOrganization(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Organization> {
  const { id, expectedVersion, changes } = parseChange(OrganizationFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.organizations, id, 'Organisation');
    await authorizeOrganizationChange(ctx, repos, before);
    const after = await saveChange(
      ctx,
      repos,
      { schema: Organization, entity: 'organization', repo: repos.organizations },
      { before, expectedVersion, changes },
    );
    if (changes.territory) await authorizeOrganizationChange(ctx, repos, after);
    return after;
  });
}
