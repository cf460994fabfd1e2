import { z } from 'zod';
import type { Organization } from '../../actors/organization.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';
import { authorizeDirectoryRead } from './get-organization.ts';
import { DirectoryQuery } from './list-territories.ts';

export const ListOrganizationsInput = z.object({
  /** Only the organizations whose name contains this, ignoring case and accents. */
  query: DirectoryQuery.optional(),
  ...pageFields('organization'),
});
export type ListOrganizationsInput = z.input<typeof ListOrganizationsInput>;

// The search port returns its matches by name; a page needs all of them to continue by id.
const EVERY_MATCH = Number.MAX_SAFE_INTEGER;

/**
 * The organizations of the directory, in id order, one page at a time, for anyone signed in;
 * with `query`, only those whose name contains it (« mediatheque » finds « Médiathèque
 * Michel-Crépeau »), searched by the repository.
 *
 * @example
 * await listOrganizations(ctx, { query: 'centre social', limit: 20 });
 */
export async function listOrganizations(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Organization>> {
  const { query, after, limit } = validate(ListOrganizationsInput, input);
  authorizeDirectoryRead(ctx);
  return ctx.store.transaction(async (repos) => {
    const matching =
      query === undefined
        ? await repos.organizations.list()
        : await repos.organizations.search(query, EVERY_MATCH);
    return pageAfter(matching, { after, limit });
  });
}
