import type { Governance } from '../governance/governance.ts';
import {
  assertCan,
  can,
  type Permission,
  type PermissionResource,
} from '../governance/permissions.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { localDate } from '../shared/time.ts';
import type { UseCaseContext } from './context.ts';
import { mustGet } from './helpers.ts';
import type { Repositories } from './ports.ts';

/** What a permission is checked against, besides the governance the use case loads. */
export type AuthorizationTarget = Omit<
  PermissionResource,
  'governance' | 'bodies' | 'actorOrganizationId' | 'today'
>;

/**
 * Loads the governance and checks that the actor may do `permission` in it. Someone who may not
 * even read the governance is told it does not exist (no leak of other territories' data);
 * someone who may read but not act gets a `ForbiddenError`.
 */
export async function authorize(
  ctx: UseCaseContext,
  repos: Repositories,
  permission: Permission,
  governanceId: string,
  target: AuthorizationTarget = {},
): Promise<Governance> {
  const governance = await mustGet(repos.governances, governanceId, 'Gouvernance');
  const resource: PermissionResource = {
    ...target,
    governance,
    bodies: await repos.bodies.listByGovernance(governanceId),
    today: localDate(ctx.clock(), governance.timeZone),
    actorOrganizationId: await organizationOf(ctx, repos),
  };
  const principal = { personId: ctx.actor.personId, instanceAdmin: ctx.actor.instanceAdmin };
  const readPermission: Permission = target.roadmap ? 'roadmap.read' : 'governance.read';
  if (!can(principal, readPermission, resource))
    throw new NotFoundError('Gouvernance', governanceId);
  assertCan(principal, permission, resource);
  return governance;
}

/**
 * Territories, organizations and persons are shared by every governance of an instance: an
 * administrator or the coordinator of at least one governance may create and change them.
 */
export async function authorizeSharedDirectory(
  ctx: UseCaseContext,
  repos: Repositories,
): Promise<void> {
  if (ctx.actor.instanceAdmin) return;
  const personId = ctx.actor.personId;
  if (personId) {
    const governances = await repos.governances.list();
    if (
      governances.some((g) =>
        g.roles.some((r) => r.personId === personId && r.role === 'coordinateur'),
      )
    ) {
      return;
    }
  }
  throw new ForbiddenError(
    'Seul·e un·e coordinateur·rice ou un·e administrateur·rice peut modifier l’annuaire.',
  );
}

/** The acting person's id, or a `ForbiddenError` for an anonymous actor. */
export function actingPersonId(ctx: UseCaseContext): string {
  if (!ctx.actor.personId) throw new ForbiddenError('Identifiez-vous pour faire cela.');
  return ctx.actor.personId;
}

async function organizationOf(
  ctx: UseCaseContext,
  repos: Repositories,
): Promise<string | undefined> {
  if (!ctx.actor.personId) return undefined;
  return (await repos.persons.get(ctx.actor.personId))?.organizationId;
}
