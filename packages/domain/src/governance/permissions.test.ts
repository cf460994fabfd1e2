import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../shared/errors.ts';
import type { Body, BodyMember } from './body.ts';
import type { Governance } from './governance.ts';
import {
  Audience,
  assertCan,
  audienceLabels,
  audienceOf,
  can,
  conditionLabels,
  factsNeeded,
  governanceRoleOf,
  PERMISSION_RULES,
  PERMISSIONS,
  type Permission,
  type PermissionResource,
  type Principal,
  permissionLabels,
} from './permissions.ts';

const TODAY = '2024-05-14';
const GOV = 'gov_dronne01';
const ACTOR_ORG = 'org_actor001';
const SOMEONE = 'per_someone1';

function governance(): Pick<Governance, 'id' | 'roles'> {
  const since = '2023-01-01T00:00:00.000Z';
  return {
    id: GOV,
    roles: [
      { personId: 'per_coord001', role: 'coordinateur', since },
      { personId: 'per_member01', role: 'membre', since },
      { personId: 'per_observ01', role: 'observateur', since },
    ],
  };
}

function seat(personId: string, overrides: Partial<BodyMember> = {}): BodyMember {
  return { personId, position: 'membre', since: '2023-01-01', ...overrides };
}

function body(governanceId: string, members: BodyMember[]): Pick<Body, 'governanceId' | 'members'> {
  return { governanceId, members };
}

const bodies = [
  body(GOV, [
    seat('per_seated01', { position: 'vice_president' }),
    seat('per_seatobs1', { position: 'observateur' }),
    seat('per_former01', { until: '2023-06-30' }),
    seat('per_future01', { since: '2025-01-01' }),
  ]),
  // Grand Périgueux's steering committee: a seat there gives nothing in Dronne et Belle.
  body('gov_perigu01', [seat('per_stranger')]),
];

type Scenario =
  | 'neutre'
  | 'porte_la_fiche'
  | 'structure_porteuse'
  | 'structure_partenaire'
  | 'porte_le_jalon'
  | 'feuille_publique'
  | 'sa_fiche_personne';

/** The facts of one request: by default, a draft roadmap and an action carried by someone else. */
function resource(principal: Principal, scenario: Scenario): PermissionResource {
  const me = principal.personId;
  return {
    governance: governance(),
    bodies,
    today: TODAY,
    ...(me ? { actorOrganizationId: ACTOR_ORG } : {}),
    roadmap:
      scenario === 'feuille_publique'
        ? { status: 'adoptee', public: true }
        : { status: 'brouillon', public: false },
    action: {
      ownerId: scenario === 'porte_la_fiche' ? me : SOMEONE,
      leadOrganizationIds:
        scenario === 'structure_porteuse' ? ['org_lead0001', ACTOR_ORG] : ['org_lead0001'],
      partnerOrganizationIds: scenario === 'structure_partenaire' ? [ACTOR_ORG] : ['org_partn001'],
    },
    milestone: { ownerId: scenario === 'porte_le_jalon' ? me : SOMEONE },
    person: { id: scenario === 'sa_fiche_personne' && me ? me : SOMEONE },
  };
}

function granted(principal: Principal, scenario: Scenario): Permission[] {
  return PERMISSIONS.filter((p) => can(principal, p, resource(principal, scenario))).sort();
}

// The expected table, written by hand from the rules of the field — not derived from
// PERMISSION_RULES, so that a change of the rules shows up here.
const ALL = [...PERMISSIONS];
const READ: Permission[] = ['governance.read', 'roadmap.read', 'audit.read'];
const MEMBER: Permission[] = [...READ, 'update.create', 'measurement.record'];
const CARRIES_ACTION: Permission[] = [
  'action.edit',
  'action.transition',
  'milestone.edit',
  'milestone.complete',
  'milestone.reschedule',
  'milestone.progress',
  'funding.edit',
];
const CARRIES_MILESTONE: Permission[] = [
  'milestone.complete',
  'milestone.reschedule',
  'milestone.progress',
];
const CONNECTED_OUTSIDER: Permission[] = ['governance.read', 'roadmap.read', 'update.create'];

const everywhere = (permissions: Permission[]): Record<Scenario, Permission[]> => ({
  neutre: permissions,
  porte_la_fiche: permissions,
  structure_porteuse: permissions,
  structure_partenaire: permissions,
  porte_le_jalon: permissions,
  feuille_publique: permissions,
  sa_fiche_personne: permissions,
});

const memberTable: Record<Scenario, Permission[]> = {
  neutre: MEMBER,
  porte_la_fiche: [...MEMBER, ...CARRIES_ACTION],
  structure_porteuse: [...MEMBER, ...CARRIES_ACTION],
  structure_partenaire: MEMBER,
  porte_le_jalon: [...MEMBER, ...CARRIES_MILESTONE],
  feuille_publique: MEMBER,
  sa_fiche_personne: [...MEMBER, 'person.manage'],
};
const observerTable: Record<Scenario, Permission[]> = {
  ...everywhere(READ),
  sa_fiche_personne: [...READ, 'person.manage'],
};
const outsiderTable: Record<Scenario, Permission[]> = {
  neutre: [],
  porte_la_fiche: CONNECTED_OUTSIDER,
  structure_porteuse: CONNECTED_OUTSIDER,
  structure_partenaire: CONNECTED_OUTSIDER,
  porte_le_jalon: CONNECTED_OUTSIDER,
  feuille_publique: ['roadmap.read'],
  sa_fiche_personne: ['person.manage'],
};
const publicTable: Record<Scenario, Permission[]> = {
  ...everywhere([]),
  feuille_publique: ['roadmap.read'],
};

const TABLE: [string, Principal, Record<Scenario, Permission[]>][] = [
  [
    'administrateur de l’instance',
    { personId: 'per_admin001', instanceAdmin: true },
    everywhere(ALL),
  ],
  ['administrateur sans personne', { instanceAdmin: true }, everywhere(ALL)],
  ['coordinateur', { personId: 'per_coord001' }, everywhere(ALL)],
  ['membre (rôle)', { personId: 'per_member01' }, memberTable],
  ['membre (siège au comité de pilotage)', { personId: 'per_seated01' }, memberTable],
  ['observateur (rôle)', { personId: 'per_observ01' }, observerTable],
  ['observateur (siège)', { personId: 'per_seatobs1' }, observerTable],
  ['ancien membre du comité', { personId: 'per_former01' }, outsiderTable],
  ['futur membre du comité', { personId: 'per_future01' }, outsiderTable],
  ['membre d’une autre gouvernance', { personId: 'per_stranger' }, outsiderTable],
  ['public', {}, publicTable],
];

describe('the permission matrix', () => {
  describe.each(TABLE)('%s', (_, principal, expected) => {
    it.each(Object.keys(expected) as Scenario[])('%s', (scenario) => {
      expect(granted(principal, scenario)).toEqual([...new Set(expected[scenario])].sort());
    });
  });

  it('refuses a change by a member of another governance, in French', () => {
    const stranger = { personId: 'per_stranger' };
    const attempt = () => assertCan(stranger, 'action.edit', resource(stranger, 'neutre'));
    expect(attempt).toThrow(ForbiddenError);
    expect(attempt).toThrow(
      'Vous n’avez pas le droit de modifier une fiche. Vous ne faites pas partie de cette gouvernance.',
    );
  });

  it('says who may do what a member was refused', () => {
    const member = { personId: 'per_member01' };
    expect(() => assertCan(member, 'roadmap.adopt', resource(member, 'neutre'))).toThrow(
      'Vous n’avez pas le droit d’adopter ou réviser la feuille de route. C’est réservé à la coordination de la gouvernance.',
    );
    expect(() => assertCan(member, 'milestone.complete', resource(member, 'neutre'))).toThrow(
      'C’est réservé à la coordination et à : responsable du jalon, ou responsable de la fiche, ou membre d’une de ses structures porteuses.',
    );
    expect(() => assertCan({}, 'update.create', resource({}, 'neutre'))).toThrow(
      /Identifiez-vous d’abord/,
    );
    expect(() => assertCan(member, 'update.create', resource(member, 'neutre'))).not.toThrow();
  });

  it('refuses a target of another governance, even to its coordinator', () => {
    const coordinator = { personId: 'per_coord001' };
    const withActionOf = (governanceId: string): PermissionResource => ({
      ...resource(coordinator, 'neutre'),
      action: { leadOrganizationIds: [], partnerOrganizationIds: [], governanceId },
    });
    const foreign = withActionOf('gov_perigu01');
    expect(can(coordinator, 'action.edit', foreign)).toBe(false);
    expect(() => assertCan(coordinator, 'action.edit', foreign)).toThrow(
      /appartient à une autre gouvernance/,
    );
    expect(can(coordinator, 'action.edit', withActionOf(GOV))).toBe(true);
  });

  it('keeps an adopted roadmap private unless marked public, and a public one private until adopted', () => {
    const base = { governance: governance() };
    expect(
      can({}, 'roadmap.read', { ...base, roadmap: { status: 'adoptee', public: false } }),
    ).toBe(false);
    expect(
      can({}, 'roadmap.read', { ...base, roadmap: { status: 'en_concertation', public: true } }),
    ).toBe(false);
    expect(can({}, 'roadmap.read', { ...base, roadmap: { status: 'adoptee', public: true } })).toBe(
      true,
    );
    expect(
      can({}, 'governance.read', { ...base, roadmap: { status: 'adoptee', public: true } }),
    ).toBe(false);
  });

  it('refuses a permission it does not know', () => {
    const coordinator = { personId: 'per_coord001' };
    expect(can(coordinator, 'everything' as Permission, resource(coordinator, 'neutre'))).toBe(
      false,
    );
  });

  it('is complete: every permission has a French label and a cell for every audience', () => {
    expect(Object.keys(PERMISSION_RULES).sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      expect(permissionLabels[permission]).toMatch(/^\p{Lu}/u);
      const row = PERMISSION_RULES[permission];
      expect(Object.keys(row).sort()).toEqual([...Audience.options].sort());
      expect(row.administrateur).toEqual(['always']);
      expect(row.coordinateur).toEqual(['always']);
      for (const cell of Object.values(row)) {
        for (const condition of cell) expect(conditionLabels).toHaveProperty(condition);
      }
    }
    for (const audience of Audience.options) expect(audienceLabels[audience]).toMatch(/^\p{Lu}/u);
  });
});

describe('factsNeeded', () => {
  /** The resource of a scenario with only the facts `factsNeeded` asks for. */
  function trimmed(principal: Principal, full: PermissionResource): PermissionResource {
    const { bodies: seats, today, actorOrganizationId, ...rest } = full;
    const needed = factsNeeded(principal, full.governance, full);
    return {
      ...rest,
      ...(needed.seats ? { bodies: seats, today } : {}),
      ...(needed.organization ? { actorOrganizationId } : {}),
    };
  }

  /** What the actor is told: granted, or the refusal's message. */
  function verdict(principal: Principal, permission: Permission, facts: PermissionResource) {
    try {
      assertCan(principal, permission, facts);
      return 'accordé';
    } catch (error) {
      return (error as Error).message;
    }
  }

  it('leaves out only facts that change no decision nor any refusal message', () => {
    for (const [, principal] of TABLE) {
      for (const scenario of Object.keys(everywhere([])) as Scenario[]) {
        const full = resource(principal, scenario);
        const { action, ...withoutAction } = full;
        for (const facts of [full, withoutAction]) {
          const less = trimmed(principal, facts);
          for (const permission of PERMISSIONS) {
            expect(verdict(principal, permission, less), `${permission}, ${scenario}`).toBe(
              verdict(principal, permission, facts),
            );
          }
        }
      }
    }
  });

  it('skips the seats of a coordinator, and the organization when no action is concerned', () => {
    const gov = governance();
    expect(factsNeeded({ personId: 'per_coord001' }, gov, {})).toEqual({
      seats: false,
      organization: false,
    });
    expect(factsNeeded({ personId: 'per_member01' }, gov, {})).toEqual({
      seats: true,
      organization: false,
    });
    expect(factsNeeded({ personId: 'per_member01' }, gov, { action: {} })).toEqual({
      seats: true,
      organization: true,
    });
    expect(factsNeeded({}, gov, { action: {} })).toEqual({ seats: false, organization: false });
  });
});

describe('governanceRoleOf', () => {
  const gov = governance();

  it('reads assigned roles and current seats', () => {
    expect(governanceRoleOf('per_coord001', gov, bodies, TODAY)).toBe('coordinateur');
    expect(governanceRoleOf('per_member01', gov, bodies, TODAY)).toBe('membre');
    expect(governanceRoleOf('per_seated01', gov, bodies, TODAY)).toBe('membre');
    expect(governanceRoleOf('per_seatobs1', gov, bodies, TODAY)).toBe('observateur');
  });

  it('ignores ended and future seats, and other governances’ bodies', () => {
    expect(governanceRoleOf('per_former01', gov, bodies, TODAY)).toBeNull();
    expect(governanceRoleOf('per_former01', gov, bodies, '2023-06-30')).toBe('membre');
    expect(governanceRoleOf('per_future01', gov, bodies, TODAY)).toBeNull();
    expect(governanceRoleOf('per_stranger', gov, bodies, TODAY)).toBeNull();
  });

  it('keeps the highest of a role and a seat', () => {
    const observerSeated = body(GOV, [seat('per_observ01', { position: 'president' })]);
    expect(governanceRoleOf('per_observ01', gov, [observerSeated], TODAY)).toBe('membre');
    const coordinatorObserving = body(GOV, [seat('per_coord001', { position: 'observateur' })]);
    expect(governanceRoleOf('per_coord001', gov, [coordinatorObserving], TODAY)).toBe(
      'coordinateur',
    );
  });

  it('counts open seats when no date is given', () => {
    expect(governanceRoleOf('per_seated01', gov, bodies)).toBe('membre');
    expect(governanceRoleOf('per_former01', gov, bodies)).toBeNull();
  });

  it('gives the audience of the table', () => {
    expect(audienceOf({}, { governance: gov })).toBe('anonyme');
    expect(audienceOf({ instanceAdmin: true }, { governance: gov })).toBe('administrateur');
    expect(
      audienceOf({ personId: 'per_stranger' }, { governance: gov, bodies, today: TODAY }),
    ).toBe('autre_personne');
    expect(
      audienceOf({ personId: 'per_seated01' }, { governance: gov, bodies, today: TODAY }),
    ).toBe('membre');
  });
});
