import { z } from 'zod';
import type { Organization } from '../../actors/organization.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const GetOrganizationInput = z.object({ organizationId: idOf('organization') });
export type GetOrganizationInput = z.input<typeof GetOrganizationInput>;

/**
 * Who may read the organizations of the directory: anyone signed in. The directory is shared by
 * every governance of the instance (a CAF or a La Poste desk takes part in several), and a
 * small association's record may carry the contact details of the one person who runs it, so
 * the public does not browse it; the public map of mediation places is the national tools' job.
 */
export function authorizeDirectoryRead(ctx: UseCaseContext): void {
  if (ctx.actor.instanceAdmin || ctx.actor.personId) return;
  throw new ForbiddenError('Identifiez-vous pour consulter l’annuaire des structures.');
}

/** An organization of the directory, for anyone signed in. */
export async function getOrganization(ctx: UseCaseContext, input: unknown): Promise<Organization> {
  const { organizationId } = validate(GetOrganizationInput, input);
  authorizeDirectoryRead(ctx);
  return ctx.store.transaction((repos) =>
    mustGet(repos.organizations, organizationId, 'Organisation'),
  );
}
