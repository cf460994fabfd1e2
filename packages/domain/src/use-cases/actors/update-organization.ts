import { Organization, OrganizationFields } from '../../actors/organization.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

/** Changes some fields of an organization. */
export async function updateOrganization(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Organization> {
  const changes = parsePatch(OrganizationFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const before = await mustGet(repos.organizations, change.id, 'Organisation');
    return saveChange(
      ctx,
      repos,
      { schema: Organization, entity: 'organization', repo: repos.organizations },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes,
      },
    );
  });
}
