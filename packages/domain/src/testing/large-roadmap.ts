import { Action, type ActionStatus } from '../roadmap/action.ts';
import { type FunderKind, FundingLine, type FundingStatus } from '../roadmap/funding-line.ts';
import { Milestone, type MilestoneStatus } from '../roadmap/milestone.ts';
import { type Axis, Roadmap } from '../roadmap/roadmap.ts';
import { Update } from '../roadmap/update.ts';
import { addDays } from '../shared/time.ts';

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

/** Where the large roadmap goes, and the people and organizations it names. */
export interface LargeRoadmapPlace {
  governanceId: string;
  roadmapId: string;
  /** Two organizations: the first leads most actions, the second partners all. */
  organizationIds: readonly [string, string];
  /** Persons owning actions and writing updates, used in turn. */
  personIds: readonly string[];
  /** The first day of the two years the milestones spread over. */
  from: string;
}

/**
 * A large roadmap for benchmarks and load tests, deterministic (no randomness: the same data on
 * every run): 200 actions on 6 axes, 5 milestones each spread over two years, 2 funding lines
 * each, 400 updates. Every entity is complete and valid, so it can be stored as is.
 *
 * @example
 * const data = buildLargeRoadmap({ governanceId: 'gov_a', roadmapId: 'rdm_a', … });
 * roadmapHealth({ ...data, today: '2024-12-15' });
 */
export function buildLargeRoadmap(place: LargeRoadmapPlace) {
  const GOV = place.governanceId;
  const RDM = place.roadmapId;
  const [lead, partner] = place.organizationIds;
  const person = (n: number): string => {
    const id = place.personIds[n % place.personIds.length];
    if (id === undefined) throw new Error('buildLargeRoadmap needs at least one person id');
    return id;
  };
  const axes: Axis[] = Array.from({ length: 6 }, (_, i) => ({
    id: `${RDM.replace('rdm_', 'axe_')}${i}`,
    title: `Axe ${i + 1}`,
    position: i,
  }));
  const actions: Action[] = [];
  const milestones: Milestone[] = [];
  const fundingLines: FundingLine[] = [];
  const updates: Update[] = [];
  for (let a = 0; a < 200; a++) {
    const id = `${RDM.replace('rdm_', 'act_')}${String(a).padStart(4, '0')}`;
    actions.push({
      id,
      governanceId: GOV,
      roadmapId: RDM,
      code: `A${a + 1}`,
      title: `Action ${a + 1}`,
      kind: a % 5 === 0 ? 'fiche_projet' : 'fiche_action',
      status: ACTION_STATUSES[a % ACTION_STATUSES.length] ?? 'en_cours',
      statusHistory: [],
      leadOrganizationIds: a % 7 === 0 ? [] : [lead],
      partnerOrganizationIds: [partner],
      ...(a % 9 === 0 ? {} : { ownerId: person(a) }),
      ...(a % 6 === 5 ? {} : { axisId: axes[a % 6]?.id }),
      priority: 'moyenne',
      weight: (a % 3) + 1,
      budgetCents: (a % 10) * 1_000_000,
      needs: [],
      indicatorIds: [],
      ...META,
    });
    for (let m = 0; m < 5; m++) {
      const n = a * 5 + m;
      const status = MILESTONE_STATUSES[n % MILESTONE_STATUSES.length] ?? 'a_venir';
      const dueDate = addDays(place.from, (n * 37) % 730);
      milestones.push({
        id: `${RDM.replace('rdm_', 'mil_')}${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        roadmapId: RDM,
        actionId: id,
        title: `Jalon ${m + 1} de l’action ${a + 1}`,
        dueDate,
        weight: m + 1,
        status,
        // A reached milestone carries the day it was reached.
        ...(status === 'atteint' ? { completedOn: dueDate } : {}),
        reschedules: [],
        ...META,
      });
    }
    for (let f = 0; f < 2; f++) {
      const n = a * 2 + f;
      fundingLines.push({
        id: `${RDM.replace('rdm_', 'fun_')}${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        actionId: id,
        funderKind: FUNDERS[n % FUNDERS.length] ?? 'etat',
        amountCents: ((n % 13) + 1) * 250_000,
        status: FUNDING_STATUSES[n % FUNDING_STATUSES.length] ?? 'accorde',
        payments: [],
        statusHistory: [],
        ...META,
      });
      updates.push({
        id: `${RDM.replace('rdm_', 'upd_')}${String(n).padStart(5, '0')}`,
        governanceId: GOV,
        authorId: person(n),
        channel: 'discord',
        createdAt: `${place.from.slice(0, 4)}-${String((n % 12) + 1).padStart(2, '0')}-10T09:00:00.000Z`,
        subject: { type: 'action', id },
        kind: 'avancement',
        text: 'Point d’étape.',
        progress: n % 101,
      });
    }
  }
  const roadmap: Roadmap = {
    id: RDM,
    governanceId: GOV,
    title: 'Feuille de route de 200 actions',
    fromYear: Number(place.from.slice(0, 4)),
    toYear: Number(place.from.slice(0, 4)) + 2,
    diagnosis: { findings: [] },
    method: [],
    axes,
    public: true,
    status: 'adoptee',
    adoption: { date: place.from, assembly: 'Conseil communautaire' },
    ...META,
  };
  // Parsed by their schemas, as the use cases would store them: the same text, in the same order
  // of fields, as real data.
  return {
    roadmap: Roadmap.parse(roadmap),
    actions: actions.map((a) => Action.parse(a)),
    milestones: milestones.map((m) => Milestone.parse(m)),
    fundingLines: fundingLines.map((f) => FundingLine.parse(f)),
    updates: updates.map((u) => Update.parse(u)),
  };
}
