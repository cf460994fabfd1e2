import { Organization, OrganizationFields } from '../../actors/organization.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, recordAudit } from '../helpers.ts';

export { OrganizationFields as CreateOrganizationInput };

/** Adds an actor (commune, association, CAF…) to the directory shared by the governances. */
export async function createOrganization(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Organization> {
  const fields = validate(OrganizationFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const organization = validate(Organization, {
      ...fields,
      id: ctx.ids('organization'),
      ...newMeta(ctx.clock()),
    });
    await repos.organizations.insert(organization);
    await recordAudit(ctx, repos, {
      entity: 'organization',
      entityId: organization.id,
      action: 'create',
      after: organization,
    });
    return organization;
  });
}
