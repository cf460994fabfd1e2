import { describe, expect, it } from 'vitest';
import type { Action } from './action.ts';
import type { FundingLine } from './funding-line.ts';
import { roadmapHealth } from './health.ts';
import type { Milestone } from './milestone.ts';
import { formatEuros } from './money.ts';
import type { Axis } from './roadmap.ts';
import type { Update } from './update.ts';

const GOV = 'gov_dronne01';
const RDM = 'rdm_dronne01';
const META = {
  createdAt: '2023-01-05T09:00:00.000Z',
  updatedAt: '2023-01-05T09:00:00.000Z',
  version: 1,
};
const TODAY = '2024-01-15';

function action(n: number, overrides: Partial<Action> = {}): Action {
  return {
    id: `act_dronne0${n}`,
    governanceId: GOV,
    roadmapId: RDM,
    code: `A${n}`,
    title: `Fiche ${n}`,
    kind: 'fiche_action',
    status: 'en_cours',
    statusHistory: [],
    leadOrganizationIds: ['org_ccdronne1'],
    partnerOrganizationIds: [],
    ownerId: 'per_referent1',
    priority: 'moyenne',
    weight: 1,
    needs: [],
    indicatorIds: [],
    ...META,
    ...overrides,
  };
}

let milestoneCount = 0;
function milestone(
  actionId: string | undefined,
  dueDate: string,
  overrides: Partial<Milestone> = {},
): Milestone {
  milestoneCount++;
  return {
    id: `mil_dronne${String(milestoneCount).padStart(3, '0')}`,
    governanceId: GOV,
    roadmapId: RDM,
    ...(actionId ? { actionId } : {}),
    title: `Jalon ${milestoneCount}`,
    dueDate,
    weight: 1,
    status: 'a_venir',
    reschedules: [],
    ...META,
    ...overrides,
  };
}

let lineCount = 0;
function line(
  actionId: string,
  overrides: Partial<FundingLine> & Pick<FundingLine, 'funderKind' | 'amountCents'>,
): FundingLine {
  lineCount++;
  return {
    id: `fun_dronne${String(lineCount).padStart(3, '0')}`,
    governanceId: GOV,
    actionId,
    status: 'accorde',
    payments: [],
    statusHistory: [],
    ...META,
    ...overrides,
  };
}

const euros = (amount: number) => amount * 100;

const axes: Axis[] = [
  { id: 'axe_acces001', code: '1', title: 'Accès aux droits', position: 1 },
  { id: 'axe_compet01', code: '2', title: 'Compétences numériques', position: 2 },
];

/**
 * Dronne et Belle, a year after the roadmap was validated (December 2022): eight action sheets,
 * four done; the mobile-support bus (A3) paid by four funders.
 */
function dronneEtBelle() {
  const bus = action(3, {
    title: 'Bus itinérant de l’accompagnement numérique',
    axisId: 'axe_acces001',
    budgetCents: euros(160_000),
  });
  const actions = [
    action(1, { status: 'realisee', axisId: 'axe_acces001' }),
    action(2, { status: 'realisee', axisId: 'axe_compet01' }),
    bus,
    action(4, { status: 'realisee', axisId: 'axe_compet01' }),
    action(5, { status: 'realisee' }),
    action(6, {
      kind: 'fiche_projet',
      status: 'a_murir',
      ownerId: undefined,
      leadOrganizationIds: [],
    }),
    action(7, { kind: 'fiche_projet', status: 'prete', axisId: 'axe_compet01' }),
    action(8, { status: 'suspendue', axisId: 'axe_compet01', ownerId: undefined }),
  ];
  const milestones = [
    milestone(bus.id, '2023-09-01', { title: 'Achat du bus', status: 'atteint' }),
    milestone(bus.id, '2024-01-05', { title: 'Première tournée', ownerId: 'per_referent1' }),
    milestone(bus.id, '2024-02-01', { title: 'Tournée des 14 communes' }),
    milestone('act_dronne08', '2023-12-20', {
      title: 'Relance des partenaires',
      status: 'reporte',
    }),
    milestone(undefined, '2024-01-30', { title: 'Comité de pilotage annuel' }),
    milestone('act_dronne07', '2024-03-15', { title: 'Atelier de lancement' }),
  ];
  const fundingLines = [
    line(bus.id, {
      funderKind: 'etat',
      programme: 'Conseiller numérique — France Relance',
      amountCents: euros(50_000),
      status: 'verse',
    }),
    line(bus.id, { funderKind: 'fondation', programme: 'Fonds privé', amountCents: euros(30_000) }),
    line(bus.id, {
      funderKind: 'region',
      programme: 'Acquisition du bus',
      amountCents: euros(40_000),
    }),
    line(bus.id, {
      funderKind: 'departement',
      programme: 'Budget participatif',
      amountCents: euros(20_000),
      status: 'en_instruction',
    }),
  ];
  return { roadmap: { id: RDM, axes }, actions, milestones, fundingLines };
}

describe('roadmapHealth — Dronne et Belle', () => {
  const health = roadmapHealth({ ...dronneEtBelle(), today: TODAY });

  it('counts eight sheets; the done rate is that of fiches-actions: 4 of 6', () => {
    expect(health.actions.total).toBe(8);
    expect(health.actions.byStatus).toEqual({
      a_murir: 1,
      prete: 1,
      en_cours: 1,
      realisee: 4,
      suspendue: 1,
      abandonnee: 0,
    });
    expect(health.actions.byKind).toEqual({ fiche_projet: 2, fiche_action: 6 });
    expect(health.doneRate).toBe(4 / 6);
  });

  it('adds up the bus’s four funders against its budget', () => {
    expect(health.funding.budgetCents).toBe(euros(160_000));
    expect(health.funding.securedCents).toBe(euros(120_000)); // État versé + fonds privé + Région
    expect(health.funding.pendingCents).toBe(euros(20_000)); // Département, en instruction
    expect(health.funding.gapCents).toBe(euros(40_000));
    expect(health.funding.securedRatio).toBe(0.75);
    expect(formatEuros(health.funding.securedCents)).toBe('120\u202F000\u00A0€');
    expect(health.funding.byAction).toEqual([
      expect.objectContaining({
        action: {
          id: 'act_dronne03',
          code: 'A3',
          title: 'Bus itinérant de l’accompagnement numérique',
        },
        budgetCents: euros(160_000),
        securedCents: euros(120_000),
        securedRatio: 0.75,
        lineCount: 4,
      }),
    ]);
    expect(
      health.funding.byFunder.map((f) => [f.funderKind, f.securedCents, f.pendingCents]),
    ).toEqual([
      ['etat', euros(50_000), 0],
      ['region', euros(40_000), 0],
      ['fondation', euros(30_000), 0],
      ['departement', 0, euros(20_000)],
    ]);
    expect(health.funding.byStatus).toMatchObject({ verse: euros(50_000), accorde: euros(70_000) });
  });

  it('lists late milestones, the latest first, with their action', () => {
    expect(health.lateMilestones.map((m) => [m.title, m.daysLate, m.action?.code])).toEqual([
      ['Relance des partenaires', 26, 'A8'], // postponed to 20 December, late again
      ['Première tournée', 10, 'A3'],
    ]);
    expect(health.lateMilestones[1]?.ownerId).toBe('per_referent1');
  });

  it('lists the next 30 days’ milestones, the soonest first, roadmap milestones included', () => {
    expect(
      health.upcomingMilestones.map((m) => [m.title, m.daysUntil, m.action?.code ?? null]),
    ).toEqual([
      ['Comité de pilotage annuel', 15, null],
      ['Tournée des 14 communes', 17, 'A3'],
    ]);
    const wider = roadmapHealth({ ...dronneEtBelle(), today: TODAY, upcomingDays: 60 });
    expect(wider.upcomingMilestones.map((m) => m.title)).toContain('Atelier de lancement');
  });

  it('names the actions nobody carries and the fiches-projets waiting for promotion', () => {
    expect(health.actionsWithoutOwner.map((a) => a.code)).toEqual(['A6', 'A8']);
    expect(health.awaitingPromotion).toEqual([
      {
        action: { id: 'act_dronne06', code: 'A6', title: 'Fiche 6' },
        blockers: [
          'Aucun·e responsable n’est désigné·e.',
          'Aucune structure porteuse n’est indiquée.',
          'Aucun jalon daté (non annulé) n’est prévu.',
        ],
      },
      // Complete: it only waits for someone to promote it.
      { action: { id: 'act_dronne07', code: 'A7', title: 'Fiche 7' }, blockers: [] },
    ]);
  });

  it('rolls progress up overall and by axis', () => {
    // A3: 1 of 3 milestones reached; the four done sheets at 100; the others at 0.
    expect(health.progress.byAction.act_dronne03).toBeCloseTo(100 / 3);
    expect(health.progress.overall.progress).toBeCloseTo((400 + 100 / 3) / 8);
    expect(health.progress.byAxis.map((a) => [a.title, a.actionCount])).toEqual([
      ['Accès aux droits', 2],
      ['Compétences numériques', 4],
      ['Sans axe', 2],
    ]);
    expect(health.progress.byAxis[1]?.progress).toBe(50);
  });
});

describe('roadmapHealth — rules', () => {
  it('raises no alert for the open milestones of a done action', () => {
    const done = action(1, { status: 'realisee' });
    const running = action(2, { status: 'en_cours' });
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [done, running],
      milestones: [
        milestone(done.id, '2023-06-01', { title: 'Bilan jamais coché' }),
        milestone(done.id, '2024-01-20', { title: 'Suite prévue' }),
        milestone(running.id, '2023-12-01', { title: 'Vraiment en retard' }),
      ],
      fundingLines: [],
      today: TODAY,
    });
    expect(health.lateMilestones.map((m) => m.title)).toEqual(['Vraiment en retard']);
    expect(health.upcomingMilestones).toEqual([]);
  });

  it('keeps abandoned actions in the counts only', () => {
    const dropped = action(1, {
      status: 'abandonnee',
      ownerId: undefined,
      budgetCents: euros(10_000),
    });
    const kept = action(2, { status: 'realisee', budgetCents: euros(5_000) });
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [dropped, kept],
      milestones: [milestone(dropped.id, '2023-06-01')],
      fundingLines: [
        line(dropped.id, { funderKind: 'caf', amountCents: euros(8_000) }),
        line(kept.id, { funderKind: 'epci', amountCents: euros(5_000), status: 'verse' }),
      ],
      today: TODAY,
    });
    expect(health.actions.byStatus.abandonnee).toBe(1);
    expect(health.doneRate).toBe(1);
    expect(health.lateMilestones).toEqual([]);
    expect(health.actionsWithoutOwner).toEqual([]);
    expect(health.funding.budgetCents).toBe(euros(5_000));
    expect(health.funding.securedCents).toBe(euros(5_000));
    expect(health.funding.securedRatio).toBe(1);
    expect(health.progress.overall.progress).toBe(100);
  });

  it('reads only this roadmap’s actions, milestones and their funding lines', () => {
    const mine = action(1);
    const other = action(2, { roadmapId: 'rdm_autre001' });
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [mine, other],
      milestones: [milestone(other.id, '2023-06-01', { roadmapId: 'rdm_autre001' })],
      fundingLines: [line(other.id, { funderKind: 'etat', amountCents: euros(1_000) })],
      today: TODAY,
    });
    expect(health.actions.total).toBe(1);
    expect(health.lateMilestones).toEqual([]);
    expect(health.funding.securedCents).toBe(0);
  });

  it('has no ratio without a budget and no done rate without sheets', () => {
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [],
      milestones: [],
      fundingLines: [],
      today: TODAY,
    });
    expect(health.funding.securedRatio).toBeNull();
    expect(health.doneRate).toBeNull();
    expect(health.progress.overall.progress).toBe(0);
  });

  it('counts a milestone due today as upcoming, not late', () => {
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [action(1)],
      milestones: [milestone('act_dronne01', TODAY)],
      fundingLines: [],
      today: TODAY,
    });
    expect(health.lateMilestones).toEqual([]);
    expect(health.upcomingMilestones.map((m) => m.daysUntil)).toEqual([0]);
  });

  it('uses an update’s progress for an action without milestones', () => {
    const update: Update = {
      id: 'upd_dronne01',
      governanceId: GOV,
      authorId: 'per_referent1',
      channel: 'discord',
      createdAt: '2024-01-10T10:00:00.000Z',
      subject: { type: 'action', id: 'act_dronne01' },
      kind: 'avancement',
      text: 'Trois ateliers sur cinq sont faits.',
      progress: 60,
    };
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [action(1)],
      milestones: [],
      fundingLines: [],
      updates: [update],
      today: TODAY,
    });
    expect(health.progress.overall.progress).toBe(60);
  });

  it('sorts action codes as people number them', () => {
    const health = roadmapHealth({
      roadmap: { id: RDM, axes: [] },
      actions: [10, 2, 1].map((n) => action(n, { ownerId: undefined })),
      milestones: [],
      fundingLines: [],
      today: TODAY,
    });
    expect(health.actionsWithoutOwner.map((a) => a.code)).toEqual(['A1', 'A2', 'A10']);
  });
});
