import { Organization, OrganizationFields } from '../../actors/organization.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

/** Changes some fields of an organization. */
export async function updateOrganization(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Organization> {
  const patch = parsePatch(OrganizationFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const before = await mustGet(repos.organizations, change.id, 'Organisation');
    checkVersion(before, change.expectedVersion);
    const after = nextVersion(Organization, before, patch, ctx.clock());
    await repos.organizations.update(after);
    await recordAudit(ctx, repos, {
      entity: 'organization',
      entityId: after.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
