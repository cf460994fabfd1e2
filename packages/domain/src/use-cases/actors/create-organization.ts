import { Organization, OrganizationFields } from '../../actors/organization.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { OrganizationFields as CreateOrganizationInput };

/** Adds an actor (commune, association, CAF…) to the directory shared by the governances. */
export async function createOrganization(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Organization> {
  const fields = validate(OrganizationFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    return insertNew(
      ctx,
      repos,
      { schema: Organization, entity: 'organization', repo: repos.organizations },
      {
        ...fields,
        id: ctx.ids('organization'),
      },
    );
  });
}
