import { type BenchRow, formatMs, measure } from '@maille/bench';
import type { Action, ActionStatus } from '../src/roadmap/action.ts';
import type { FunderKind, FundingLine, FundingStatus } from '../src/roadmap/funding-line.ts';
import { roadmapHealth } from '../src/roadmap/health.ts';
import type { Milestone, MilestoneStatus } from '../src/roadmap/milestone.ts';
import type { Axis } from '../src/roadmap/roadmap.ts';
import type { Update } from '../src/roadmap/update.ts';
import { addDays } from '../src/shared/time.ts';

const GOV = 'gov_bench0001';
const RDM = 'rdm_bench0001';
const META = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 1,
};
const ACTION_STATUSES: ActionStatus[] = [
  'a_murir',
  'prete',
  'en_cours',
  'en_cours',
  'realisee',
  'suspendue',
  'abandonnee',
];
const MILESTONE_STATUSES: MilestoneStatus[] = [
  'a_venir',
  'a_venir',
  'atteint',
  'reporte',
  'annule',
];
const FUNDERS: FunderKind[] = [
  'etat',
  'region',
  'departement',
  'caf',
  'fondation',
  'budget_participatif',
];
const FUNDING_STATUSES: FundingStatus[] = [
  'envisage',
  'demande',
  'en_instruction',
  'accorde',
  'refuse',
  'verse',
];

/**
 * A large roadmap, deterministic (no randomness: the same data on every run): 200 actions on
 * 6 axes, 5 milestones each spread over two years, 2 funding lines each, 400 updates.
 */
function largeRoadmap() {
  const axes: Axis[] = Array.from({ length: 6 }, (_, i) => ({
    id: `axe_bench000${i}`,
    title: `Axe ${i + 1}`,
    position: i,
  }));
  const actions: Action[] = [];
  const milestones: Milestone[] = [];
  const fundingLines: FundingLine[] = [];
  const updates: Update[] = [];
  for (let a = 0; a < 200; a++) {
    const id = `act_bench${String(a).padStart(4, '0')}`;
    actions.push({
      id,
      governanceId: GOV,
      roadmapId: RDM,
      code: `A${a + 1}`,
      title: `Action ${a + 1}`,
      kind: a % 5 === 0 ? 'fiche_projet' : 'fiche_action',
      status: ACTION_STATUSES[a % ACTION_STATUSES.length] ?? 'en_cours',
      statusHistory: [],
      leadOrganizationIds: a % 7 === 0 ? [] : ['org_bench0001'],
      partnerOrganizationIds: ['org_bench0002'],
      ...(a % 9 === 0 ? {} : { ownerId: `per_bench${String(a % 40).padStart(4, '0')}` }),
      ...(a % 6 === 5 ? {} : { axisId: `axe_bench000${a % 6}` }),
      priority: 'moyenne',
      weight: (a % 3) + 1,
      budgetCents: (a % 10) * 1_000_000,
      needs: [],
      indicatorIds: [],
      ...META,
    });
    for (let m = 0; m < 5; m++) {
      const n = a * 5 + m;
      milestones.push({
        id: `mil_bench${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        roadmapId: RDM,
        actionId: id,
        title: `Jalon ${m + 1} de l’action ${a + 1}`,
        dueDate: addDays('2024-01-01', (n * 37) % 730),
        weight: m + 1,
        status: MILESTONE_STATUSES[n % MILESTONE_STATUSES.length] ?? 'a_venir',
        reschedules: [],
        ...META,
      });
    }
    for (let f = 0; f < 2; f++) {
      const n = a * 2 + f;
      fundingLines.push({
        id: `fun_bench${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        actionId: id,
        funderKind: FUNDERS[n % FUNDERS.length] ?? 'etat',
        amountCents: ((n % 13) + 1) * 250_000,
        status: FUNDING_STATUSES[n % FUNDING_STATUSES.length] ?? 'accorde',
        ...META,
      });
      updates.push({
        id: `upd_bench${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        authorId: 'per_bench0001',
        channel: 'discord',
        createdAt: `2024-${String((n % 12) + 1).padStart(2, '0')}-10T09:00:00.000Z`,
        subject: { type: 'action', id },
        kind: 'avancement',
        text: 'Point d’étape.',
        progress: n % 101,
      });
    }
  }
  return { roadmap: { id: RDM, axes }, actions, milestones, fundingLines, updates };
}

/** Times `roadmapHealth` on a 200-action roadmap (the data is built before measuring). */
export function benchRoadmap(): BenchRow[] {
  const data = largeRoadmap();
  const today = '2024-12-15';
  const timing = measure(() => roadmapHealth({ ...data, today }), { runs: 200, warmup: 50 });
  return [
    {
      what: 'Santé d’une feuille de route de 200 actions',
      result: formatMs(timing.medianMs),
      target: '< 1 ms',
      met: timing.medianMs < 1,
    },
  ];
}
