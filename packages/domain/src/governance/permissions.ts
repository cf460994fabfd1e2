import type { z } from 'zod';
import type { RoadmapStatus } from '../roadmap/roadmap.ts';
import { enumOf } from '../shared/entity.ts';
import { ForbiddenError } from '../shared/errors.ts';
import type { IsoDate } from '../shared/time.ts';
import type { Body } from './body.ts';
import type { Governance, GovernanceRole } from './governance.ts';

/**
 * Who may read or change what in a governance. The rules are data (`PERMISSION_RULES`: one row
 * per operation, one column per audience), so that the API can print them and test every route
 * against them; `can` and `assertCan` apply them.
 *
 * In short:
 * - an instance administrator may do everything, everywhere;
 * - a coordinator of THIS governance may do everything in it;
 * - a member (role `membre`, or a current seat in one of its bodies) reads, posts updates,
 *   records measurements (not validates them), and changes the actions and milestones they
 *   carry: owned by them, or led by their organization;
 * - an observer reads;
 * - a person without a role here (a partner's staff, someone from another governance) may post
 *   updates on an action their organization leads or partners, and read what that needs;
 *   otherwise nothing;
 * - anyone, signed in or not, reads a roadmap that is adopted and marked public;
 * - everyone signed in manages their own person record (personal data law).
 */

/** The operations the rules know, with what a person reads for each. */
export const permissionLabels = {
  'governance.read': 'Consulter la gouvernance',
  'governance.manage': 'Gérer la gouvernance (rôles, fuseau horaire, salon)',
  'body.manage': 'Gérer les instances et leurs membres',
  'meeting.manage': 'Gérer les séances (ordre du jour, compte rendu, présences)',
  'roadmap.read': 'Consulter la feuille de route',
  'roadmap.edit': 'Modifier la feuille de route',
  'roadmap.adopt': 'Adopter ou réviser la feuille de route',
  'action.create': 'Créer une fiche',
  'action.edit': 'Modifier une fiche',
  'action.transition': 'Changer le statut d’une fiche',
  'action.force_transition': 'Forcer un changement de statut hors du circuit prévu',
  'action.promote': 'Promouvoir une fiche-projet en fiche-action',
  'milestone.edit': 'Ajouter ou modifier un jalon',
  'milestone.complete': 'Marquer un jalon comme atteint',
  'milestone.reschedule': 'Reporter un jalon',
  'milestone.progress': 'Indiquer l’avancement d’un jalon',
  'funding.edit': 'Gérer les financements d’une fiche',
  'update.create': 'Publier un point d’étape',
  'indicator.manage': 'Gérer les indicateurs',
  'measurement.record': 'Saisir une mesure',
  'measurement.validate': 'Valider une mesure',
  'person.manage': 'Gérer la fiche d’une personne',
  'organization.manage': 'Gérer les structures de la cartographie',
  'audit.read': 'Consulter l’historique des modifications',
} as const;
export const Permission = enumOf(permissionLabels);
export type Permission = z.infer<typeof Permission>;

/** Every permission, in the order of the table. */
export const PERMISSIONS: readonly Permission[] = Permission.options;

/** The columns of the table: who is asking, relative to the governance. */
export const audienceLabels = {
  administrateur: 'Administrateur·rice de l’instance',
  coordinateur: 'Coordinateur·rice',
  membre: 'Membre',
  observateur: 'Observateur·rice',
  autre_personne: 'Personne sans rôle dans la gouvernance',
  anonyme: 'Public (sans connexion)',
} as const;
export const Audience = enumOf(audienceLabels);
export type Audience = z.infer<typeof Audience>;

/** The conditions a cell of the table may ask for; a cell holds when any of its conditions does. */
export const conditionLabels = {
  always: 'toujours',
  action_steward: 'responsable de la fiche, ou membre d’une de ses structures porteuses',
  action_partner: 'membre d’une structure partenaire de la fiche',
  milestone_owner: 'responsable du jalon',
  public_roadmap: 'feuille de route adoptée et publiée',
  self: 'sa propre fiche personne',
} as const;
export type Condition = keyof typeof conditionLabels;

type Cell = readonly Condition[];
type Row = Readonly<Record<Audience, Cell>>;

const ALWAYS: Cell = ['always'];
const NEVER: Cell = [];
const STEWARD: Cell = ['action_steward'];
const MILESTONE_STEWARD: Cell = ['milestone_owner', 'action_steward'];
const CONNECTED: Cell = ['action_steward', 'action_partner', 'milestone_owner'];

/** A row for what only coordinators (and administrators) may do. */
const COORDINATION_ONLY: Row = {
  administrateur: ALWAYS,
  coordinateur: ALWAYS,
  membre: NEVER,
  observateur: NEVER,
  autre_personne: NEVER,
  anonyme: NEVER,
};

/** A row for reading what the governance keeps for itself. */
const GOVERNANCE_READ: Row = { ...COORDINATION_ONLY, membre: ALWAYS, observateur: ALWAYS };

/** A row for changes a member may make to what they carry. */
const CARRIED: (member: Cell) => Row = (member) => ({ ...COORDINATION_ONLY, membre: member });

/**
 * The permission table: for each operation and each audience, the conditions under which it is
 * allowed (empty: never). The instance administrator and coordinator columns are always
 * `['always']`; they are written out so that the table reads whole.
 *
 * @example
 * PERMISSION_RULES['milestone.complete'].membre; // ['milestone_owner', 'action_steward']
 * PERMISSION_RULES['roadmap.read'].anonyme; // ['public_roadmap']
 */
export const PERMISSION_RULES: Readonly<Record<Permission, Row>> = {
  'governance.read': { ...GOVERNANCE_READ, autre_personne: CONNECTED },
  'governance.manage': COORDINATION_ONLY,
  'body.manage': COORDINATION_ONLY,
  'meeting.manage': COORDINATION_ONLY,
  'roadmap.read': {
    ...GOVERNANCE_READ,
    autre_personne: ['public_roadmap', ...CONNECTED],
    anonyme: ['public_roadmap'],
  },
  'roadmap.edit': COORDINATION_ONLY,
  'roadmap.adopt': COORDINATION_ONLY,
  'action.create': COORDINATION_ONLY,
  'action.edit': CARRIED(STEWARD),
  'action.transition': CARRIED(STEWARD),
  'action.force_transition': COORDINATION_ONLY,
  'action.promote': COORDINATION_ONLY,
  'milestone.edit': CARRIED(STEWARD),
  'milestone.complete': CARRIED(MILESTONE_STEWARD),
  'milestone.reschedule': CARRIED(MILESTONE_STEWARD),
  // Who answers for a milestone says how far along it is, as the check-in form asks them.
  'milestone.progress': CARRIED(MILESTONE_STEWARD),
  'funding.edit': CARRIED(STEWARD),
  'update.create': { ...COORDINATION_ONLY, membre: ALWAYS, autre_personne: CONNECTED },
  'indicator.manage': COORDINATION_ONLY,
  'measurement.record': CARRIED(ALWAYS),
  'measurement.validate': COORDINATION_ONLY,
  'person.manage': {
    ...COORDINATION_ONLY,
    membre: ['self'],
    observateur: ['self'],
    autre_personne: ['self'],
  },
  'organization.manage': COORDINATION_ONLY,
  'audit.read': GOVERNANCE_READ,
};

/**
 * Who asks. `personId` absent means the public. Shaped like the use cases' `Actor`, so an actor
 * can be passed as is.
 */
export interface Principal {
  personId?: string | undefined;
  /** An administrator of the whole instance (the one who runs the server). */
  instanceAdmin?: boolean | undefined;
}

/**
 * The facts a decision reads, resolved by the caller for the governance concerned. Target fields
 * (`roadmap`, `action`, `milestone`, `person`) are given when the operation is about one; a
 * target's `governanceId`, when given, must be this governance's, or nothing is allowed.
 */
export interface PermissionResource {
  governance: Pick<Governance, 'id' | 'roles'>;
  /** The governance's bodies: a current seat makes a member (or an observer, by position). */
  bodies?: readonly Pick<Body, 'governanceId' | 'members'>[] | undefined;
  /**
   * The day seats are read on, in the governance's zone (`localDate`). Without it, a seat counts
   * while it has no end date.
   */
  today?: IsoDate | undefined;
  /** The acting person's organization, for "their organization leads / partners the action". */
  actorOrganizationId?: string | undefined;
  roadmap?:
    | { status: RoadmapStatus; public: boolean; governanceId?: string | undefined }
    | undefined;
  action?:
    | {
        ownerId?: string | undefined;
        leadOrganizationIds: readonly string[];
        partnerOrganizationIds: readonly string[];
        governanceId?: string | undefined;
      }
    | undefined;
  milestone?: { ownerId?: string | undefined; governanceId?: string | undefined } | undefined;
  /** The person record acted upon, for `person.manage`. */
  person?: { id: string } | undefined;
}

const ROLE_RANK: Record<GovernanceRole, number> = { observateur: 1, membre: 2, coordinateur: 3 };

/**
 * A person's role in a governance: the highest of their assigned roles and of their current
 * seats in its bodies (a seat as `observateur` makes an observer, any other position a member),
 * or `null` when they have none. Bodies of other governances are ignored. Without `today`, a
 * seat counts while it has no end date.
 *
 * @example
 * governanceRoleOf('per_alice001', governance, bodies, '2024-05-14'); // 'membre'
 * governanceRoleOf('per_stranger', governance, bodies, '2024-05-14'); // null
 */
export function governanceRoleOf(
  personId: string,
  governance: Pick<Governance, 'id' | 'roles'>,
  bodies: readonly Pick<Body, 'governanceId' | 'members'>[] = [],
  today?: IsoDate,
): GovernanceRole | null {
  let best: GovernanceRole | null = null;
  for (const assignment of governance.roles) {
    if (assignment.personId === personId) best = higher(best, assignment.role);
  }
  if (best === 'coordinateur') return best;
  for (const body of bodies) {
    if (body.governanceId !== governance.id) continue;
    for (const seat of body.members) {
      if (seat.personId !== personId) continue;
      const seated =
        today === undefined
          ? seat.until === undefined
          : seat.since <= today && (seat.until === undefined || seat.until >= today);
      if (seated) best = higher(best, seat.position === 'observateur' ? 'observateur' : 'membre');
    }
  }
  return best;
}

/**
 * Which facts a decision about `principal` in `governance` may read besides the target: the
 * bodies' seats (with `today`) count only for a person the assigned roles do not already make a
 * coordinator, and the actor's organization only for a target action. The caller may leave the
 * others out of the resource: `can` answers the same.
 *
 * @example
 * factsNeeded({ personId: 'per_coord001' }, governance, {}); // { seats: false, organization: false }
 */
export function factsNeeded(
  principal: Principal,
  governance: Pick<Governance, 'roles'>,
  target: { action?: unknown },
): { seats: boolean; organization: boolean } {
  const { personId } = principal;
  if (principal.instanceAdmin || personId === undefined)
    return { seats: false, organization: false };
  const coordinator = governance.roles.some(
    (assignment) => assignment.personId === personId && assignment.role === 'coordinateur',
  );
  return { seats: !coordinator, organization: target.action !== undefined };
}

function higher(current: GovernanceRole | null, role: GovernanceRole): GovernanceRole {
  return current && ROLE_RANK[current] >= ROLE_RANK[role] ? current : role;
}

/**
 * Which column of the table applies to `principal` for this governance.
 *
 * @example
 * audienceOf({}, { governance }); // 'anonyme'
 * audienceOf({ personId: 'per_coord001' }, { governance }); // 'coordinateur'
 */
export function audienceOf(principal: Principal, resource: PermissionResource): Audience {
  if (principal.instanceAdmin) return 'administrateur';
  if (!principal.personId) return 'anonyme';
  return (
    governanceRoleOf(principal.personId, resource.governance, resource.bodies, resource.today) ??
    'autre_personne'
  );
}

/**
 * Whether `principal` may do `permission` on `resource`. Unknown permissions are refused.
 *
 * @example
 * can({ personId: 'per_alice001' }, 'milestone.complete', {
 *   governance, bodies, today, milestone: { ownerId: 'per_alice001' },
 * }); // true: she owns the milestone
 * can({}, 'roadmap.read', { governance, roadmap: { status: 'adoptee', public: true } }); // true
 */
export function can(
  principal: Principal,
  permission: Permission,
  resource: PermissionResource,
): boolean {
  if (principal.instanceAdmin) return true;
  const row = PERMISSION_RULES[permission] as Row | undefined;
  if (!row || targetsAnotherGovernance(resource)) return false;
  return row[audienceOf(principal, resource)].some((condition) =>
    holds(condition, principal, resource),
  );
}

/**
 * Like `can`, but throws a `ForbiddenError` whose French message says what was refused and who
 * may do it.
 *
 * @example
 * assertCan({ personId: 'per_alice001' }, 'roadmap.adopt', { governance });
 * // ForbiddenError: Vous n’avez pas le droit d’adopter ou réviser la feuille de route.
 * //                 C’est réservé à la coordination de la gouvernance.
 */
export function assertCan(
  principal: Principal,
  permission: Permission,
  resource: PermissionResource,
): void {
  if (can(principal, permission, resource)) return;
  throw new ForbiddenError(refusalMessage(principal, permission, resource));
}

function holds(condition: Condition, principal: Principal, resource: PermissionResource): boolean {
  const { personId } = principal;
  const organizationId = resource.actorOrganizationId;
  switch (condition) {
    case 'always':
      return true;
    case 'action_steward': {
      const action = resource.action;
      if (!action) return false;
      return (
        (personId !== undefined && action.ownerId === personId) ||
        (organizationId !== undefined && action.leadOrganizationIds.includes(organizationId))
      );
    }
    case 'action_partner':
      return (
        organizationId !== undefined &&
        resource.action?.partnerOrganizationIds.includes(organizationId) === true
      );
    case 'milestone_owner':
      return personId !== undefined && resource.milestone?.ownerId === personId;
    case 'public_roadmap':
      return resource.roadmap?.status === 'adoptee' && resource.roadmap.public;
    case 'self':
      return personId !== undefined && resource.person?.id === personId;
  }
}

// A target from another governance is a caller's mistake that must not turn into a right.
function targetsAnotherGovernance(resource: PermissionResource): boolean {
  const id = resource.governance.id;
  return [resource.roadmap, resource.action, resource.milestone].some(
    (target) => target?.governanceId !== undefined && target.governanceId !== id,
  );
}

function refusalMessage(
  principal: Principal,
  permission: Permission,
  resource: PermissionResource,
): string {
  const label = permissionLabels[permission] ?? 'faire cela';
  const phrase = label.charAt(0).toLowerCase() + label.slice(1);
  const refused = `Vous n’avez pas le droit ${/^[aeiouyéèêh]/i.test(phrase) ? 'd’' : 'de '}${phrase}.`;
  const audience = audienceOf(principal, resource);
  if (audience === 'anonyme') return `${refused} Identifiez-vous d’abord.`;
  if (targetsAnotherGovernance(resource))
    return `${refused} Cet élément appartient à une autre gouvernance.`;
  const others = (PERMISSION_RULES[permission]?.[audience] ?? []).filter(
    (c) => c !== 'public_roadmap',
  );
  if (audience === 'autre_personne' && others.length === 0) {
    return `${refused} Vous ne faites pas partie de cette gouvernance.`;
  }
  if (others.length === 0) return `${refused} C’est réservé à la coordination de la gouvernance.`;
  const who = others.map((c) => conditionLabels[c]).join(', ou ');
  return `${refused} C’est réservé à la coordination et à : ${who}.`;
}
