import type { Organization } from '../actors/organization.ts';
import type { Governance } from '../governance/governance.ts';
import {
  assertCan,
  can,
  factsNeeded,
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
> & {
  /**
   * What the caller named by its id (`['Action', 'act_…']`): someone who may not see the
   * governance is told that this does not exist, never which governance holds it.
   */
  asked?: readonly [label: string, id: string] | undefined;
};

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
  const { asked = ['Gouvernance', governanceId], ...facts } = target;
  const governance = await mustGet(repos.governances, governanceId, 'Gouvernance');
  const { principal, resource } = await permissionFacts(ctx, repos, governance, facts);
  const readPermission: Permission = target.roadmap ? 'roadmap.read' : 'governance.read';
  if (!can(principal, readPermission, resource)) throw new NotFoundError(asked[0], asked[1]);
  assertCan(principal, permission, resource);
  return governance;
}

/**
 * Whether the actor may do each of `permissions` on one target, without throwing: what a page
 * asks to show only the buttons and forms that will be accepted. The use case behind each form
 * still checks with `authorize`.
 */
export async function allowed<P extends Permission>(
  ctx: UseCaseContext,
  repos: Repositories,
  governance: Governance,
  permissions: readonly P[],
  target: AuthorizationTarget = {},
): Promise<Record<P, boolean>> {
  const { asked: _asked, ...facts } = target;
  const { principal, resource } = await permissionFacts(ctx, repos, governance, facts);
  return Object.fromEntries(
    permissions.map((permission) => [permission, can(principal, permission, resource)]),
  ) as Record<P, boolean>;
}

/** The actor and the resource a permission is checked on, reading only the facts it can need. */
async function permissionFacts(
  ctx: UseCaseContext,
  repos: Repositories,
  governance: Governance,
  facts: Omit<AuthorizationTarget, 'asked'>,
) {
  const principal = { personId: ctx.actor.personId, instanceAdmin: ctx.actor.instanceAdmin };
  // Every write is authorized: read only the facts that can change the answer.
  const needed = factsNeeded(principal, governance, facts);
  const resource: PermissionResource = { ...facts, governance };
  if (needed.seats) {
    resource.bodies = await repos.bodies.listByGovernance(governance.id);
    resource.today = localDate(ctx.clock(), governance.timeZone);
  }
  if (needed.organization) resource.actorOrganizationId = await organizationOf(ctx, repos);
  return { principal, resource };
}

/**
 * Territories, organizations and persons form a directory shared by the governances of an
 * instance: an administrator or the coordinator of at least one governance may add to it.
 * Changing an existing record is narrower, see `authorizePersonChange` and
 * `authorizeOrganizationChange`.
 */
export async function authorizeSharedDirectory(
  ctx: UseCaseContext,
  repos: Repositories,
): Promise<void> {
  if (ctx.actor.instanceAdmin) return;
  if ((await coordinatedGovernances(ctx, repos)).length > 0) return;
  throw new ForbiddenError(
    'Seul·e un·e coordinateur·rice ou un·e administrateur·rice peut modifier l’annuaire.',
  );
}

/**
 * Who may change a person's record: an administrator, a coordinator of a governance where the
 * person holds a role or a seat (`manager`), or the person themselves (`self`, for their own
 * name, contact details and reminder preferences only).
 */
export async function authorizePersonChange(
  ctx: UseCaseContext,
  repos: Repositories,
  personId: string,
): Promise<'manager' | 'self'> {
  if (ctx.actor.instanceAdmin) return 'manager';
  for (const governance of await coordinatedGovernances(ctx, repos)) {
    if (governance.roles.some((r) => r.personId === personId)) return 'manager';
    const bodies = await repos.bodies.listByGovernance(governance.id);
    if (bodies.some((b) => b.members.some((m) => m.personId === personId))) return 'manager';
  }
  if (ctx.actor.personId === personId) return 'self';
  throw new NotFoundError('Personne', personId);
}

/**
 * Who may change an organization: an administrator, or a coordinator of a governance whose
 * territory is the organization's or contains it (by the directory's `parents`). An organization
 * with no territory yet may be completed by any coordinator.
 */
export async function authorizeOrganizationChange(
  ctx: UseCaseContext,
  repos: Repositories,
  organization: Organization,
): Promise<void> {
  if (ctx.actor.instanceAdmin) return;
  const governances = await coordinatedGovernances(ctx, repos);
  const place = organization.territory;
  if (governances.length > 0 && !place) return;
  if (place) {
    const known = await repos.territories.findByCode(place.level, place.code);
    const enclosing = [place, ...(known?.parents ?? [])];
    const covers = (g: Governance) =>
      enclosing.some((t) => t.level === g.territory.level && t.code === g.territory.code);
    if (governances.some(covers)) return;
  }
  throw new ForbiddenError(
    'Cette structure n’est pas sur le territoire d’une gouvernance que vous coordonnez.',
  );
}

async function coordinatedGovernances(
  ctx: UseCaseContext,
  repos: Repositories,
): Promise<Governance[]> {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  const governances = await repos.governances.listTakenPartIn(personId);
  return governances.filter((g) =>
    g.roles.some((r) => r.personId === personId && r.role === 'coordinateur'),
  );
}

/** The acting person's id, or a `ForbiddenError` for an anonymous actor. */
export function actingPersonId(ctx: UseCaseContext): string {
  // Status changes, reschedules, adoptions and updates are signed by a person: an administrator
  // acts in the name of their own person record.
  if (!ctx.actor.personId)
    throw new ForbiddenError('Identifiez-vous en tant que personne pour faire cela.');
  return ctx.actor.personId;
}

async function organizationOf(
  ctx: UseCaseContext,
  repos: Repositories,
): Promise<string | undefined> {
  if (!ctx.actor.personId) return undefined;
  return (await repos.persons.get(ctx.actor.personId))?.organizationId;
}
