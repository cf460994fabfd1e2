import type { IsoDate } from '../shared/time.ts';
import { addDays, dayNumber } from '../shared/time.ts';
import type { Action, ActionKind, ActionStatus } from './action.ts';
import { promotionBlockers } from './action-status.ts';
import { grantedCentsOf } from './funding-calendar.ts';
import type { FunderKind, FundingLine, FundingStatus } from './funding-line.ts';
import type { Milestone, MilestoneStatus } from './milestone.ts';
import { type AxisProgress, type GroupProgress, roadmapProgress } from './progress.ts';
import type { Roadmap } from './roadmap.ts';
import type { Update } from './update.ts';

/** How an action is named in a report: enough to show it and link to it. */
export interface ActionRef {
  id: string;
  code: string;
  title: string;
}

/** A milestone in the health report's lists. */
export interface MilestoneAlert {
  id: string;
  title: string;
  dueDate: IsoDate;
  status: MilestoneStatus;
  ownerId: string | null;
  /** The action it belongs to, `null` for a milestone of the roadmap itself. */
  action: ActionRef | null;
}

export interface LateMilestone extends MilestoneAlert {
  /** 1 the day after the due date. */
  daysLate: number;
}

export interface UpcomingMilestone extends MilestoneAlert {
  /** 0 when due today. */
  daysUntil: number;
}

/** Sums of funding lines, in euro cents. */
export interface FundingSums {
  /** `accorde` + `verse`. */
  securedCents: number;
  /** `demande` + `en_instruction`: asked, not decided yet. */
  pendingCents: number;
  /** `envisage`: not even asked yet. */
  envisagedCents: number;
  refusedCents: number;
}

export interface ActionFunding extends FundingSums {
  action: ActionRef;
  /** `null` when the action has no budget yet. */
  budgetCents: number | null;
  /** `securedCents / budgetCents`, `null` without a budget; may exceed 1 when over-funded. */
  securedRatio: number | null;
  /** How many funding lines (all statuses). */
  lineCount: number;
}

export interface FunderFunding extends FundingSums {
  funderKind: FunderKind;
}

export interface FundingHealth extends FundingSums {
  /** Sum of the budgets of the actions that are not abandoned. */
  budgetCents: number;
  /** `securedCents / budgetCents`, `null` when there is no budget; may exceed 1. */
  securedRatio: number | null;
  /** What is left to find: budget minus secured, never below 0. */
  gapCents: number;
  byStatus: Record<FundingStatus, number>;
  /** Actions with a budget or a funding line, by code. */
  byAction: ActionFunding[];
  /** Funders that appear in some line, most secured first. */
  byFunder: FunderFunding[];
}

/** A fiche-projet waiting for promotion, and what it still lacks. */
export interface PromotionWait {
  action: ActionRef;
  /** Empty when the sheet is complete: it only waits for someone to promote it. */
  blockers: string[];
}

/** What a steering committee looks at, computed by `roadmapHealth`. */
export interface RoadmapHealth {
  today: IsoDate;
  actions: {
    total: number;
    byStatus: Record<ActionStatus, number>;
    byKind: Record<ActionKind, number>;
  };
  /**
   * Done fiches-actions over fiches-actions that still count: `realisee` / (all − `abandonnee`).
   * Fiches-projets are left out. 0–1, `null` when no sheet counts. The `fiches_realisees` indicator.
   */
  doneRate: number | null;
  /** Late milestones, the latest first. */
  lateMilestones: LateMilestone[];
  /** Milestones due from today to `today + upcomingDays`, the soonest first. */
  upcomingMilestones: UpcomingMilestone[];
  funding: FundingHealth;
  /** Actions still to do (neither done nor abandoned) that nobody carries. */
  actionsWithoutOwner: ActionRef[];
  /**
   * Every fiche-projet that is not abandoned, with what blocks its promotion: those with no
   * blocker can be promoted now, which is what the committee wants to see.
   */
  awaitingPromotion: PromotionWait[];
  progress: {
    overall: GroupProgress;
    byAxis: AxisProgress[];
    /** Each action's progress (0–100) by id, abandoned ones included. */
    byAction: Record<string, number>;
  };
}

export interface RoadmapHealthInput {
  roadmap: Pick<Roadmap, 'id' | 'axes'>;
  actions: readonly Action[];
  milestones: readonly Milestone[];
  fundingLines: readonly FundingLine[];
  updates?: readonly Update[] | undefined;
  /** Today in the governance's time zone (`localDate(now, timeZone)`). */
  today: IsoDate;
  /** How far ahead "next milestones" look, in days; 30 by default. */
  upcomingDays?: number | undefined;
}

const SECURED: ReadonlySet<FundingStatus> = new Set(['accorde', 'verse']);
const PENDING: ReadonlySet<FundingStatus> = new Set(['demande', 'en_instruction']);

/**
 * The health of a roadmap on `today`: counts of actions by status and kind, the done rate, late
 * and upcoming milestones, funding secured against budget, actions without owner, fiches-projets
 * waiting for promotion, and progress overall and by axis. Money is in integer cents.
 *
 * Abandoned actions still appear in the counts by status and kind, but nowhere else: their
 * milestones are neither late nor upcoming, their budget and funding lines are left out (so the
 * secured ratio compares like with like), and they do not weigh on progress.
 *
 * Only the roadmap's own actions and milestones are read (by `roadmapId`), and funding lines of
 * those actions, so a caller may pass wider lists. Each list is read once through maps by id: a
 * roadmap of 200 actions, 1 000 milestones and 400 funding lines takes well under a millisecond.
 *
 * @example
 * const health = roadmapHealth({
 *   roadmap, actions, milestones, fundingLines, updates,
 *   today: localDate(clock(), governance.timeZone),
 * });
 * health.doneRate; // 0.5
 * health.lateMilestones[0]; // { title: 'Mise en circulation du bus', daysLate: 12, … }
 * formatEuros(health.funding.securedCents); // '96 000 €'
 */
export function roadmapHealth(input: RoadmapHealthInput): RoadmapHealth {
  const { roadmap, today } = input;
  const horizon = addDays(today, input.upcomingDays ?? 30);
  const todayNumber = dayNumber(today);

  const byStatus: Record<ActionStatus, number> = {
    a_murir: 0,
    prete: 0,
    en_cours: 0,
    realisee: 0,
    suspendue: 0,
    abandonnee: 0,
  };
  const byKind: Record<ActionKind, number> = { fiche_projet: 0, fiche_action: 0 };
  const actions: Action[] = [];
  const actionById = new Map<string, Action>();
  // The done rate is that of fiches-actions, as the field defines it ("taux de réalisation des
  // fiches-actions"): a fiche-projet still maturing is not yet a commitment of the roadmap.
  let sheetsCounted = 0;
  let sheetsDone = 0;
  for (const action of input.actions) {
    if (action.roadmapId !== roadmap.id) continue;
    actions.push(action);
    actionById.set(action.id, action);
    byStatus[action.status]++;
    byKind[action.kind]++;
    if (action.kind === 'fiche_action' && action.status !== 'abandonnee') {
      sheetsCounted++;
      if (action.status === 'realisee') sheetsDone++;
    }
  }

  // Milestones: late, upcoming, and grouped by action for the promotion check.
  const lateMilestones: LateMilestone[] = [];
  const upcomingMilestones: UpcomingMilestone[] = [];
  const milestonesByAction = new Map<string, Milestone[]>();
  for (const milestone of input.milestones) {
    if (milestone.roadmapId !== roadmap.id) continue;
    const action =
      milestone.actionId === undefined ? undefined : actionById.get(milestone.actionId);
    if (action) {
      const list = milestonesByAction.get(action.id);
      if (list) list.push(milestone);
      else milestonesByAction.set(action.id, [milestone]);
      // A done or dropped action's open milestones are history, not alerts.
      if (action.status === 'abandonnee' || action.status === 'realisee') continue;
    }
    if (milestone.status === 'atteint' || milestone.status === 'annule') continue;
    // Same rule as `milestoneState`, inlined: dates compare as strings.
    if (today > milestone.dueDate) {
      lateMilestones.push(lateAlert(milestone, action, todayNumber - dayNumber(milestone.dueDate)));
    } else if (milestone.dueDate <= horizon) {
      const daysUntil = dayNumber(milestone.dueDate) - todayNumber;
      upcomingMilestones.push(upcomingAlert(milestone, action, daysUntil));
    }
  }
  lateMilestones.sort((a, b) => b.daysLate - a.daysLate || compareAlerts(a, b));
  upcomingMilestones.sort((a, b) => a.daysUntil - b.daysUntil || compareAlerts(a, b));

  // Actions: without owner, waiting for promotion, budgets.
  const actionsWithoutOwner: ActionRef[] = [];
  const awaitingPromotion: PromotionWait[] = [];
  const fundingByAction = new Map<string, ActionFunding>();
  let budgetCents = 0;
  for (const action of actions) {
    if (action.status === 'abandonnee') continue;
    if (!action.ownerId && action.status !== 'realisee') actionsWithoutOwner.push(refOf(action));
    if (action.kind === 'fiche_projet') {
      const blockers = promotionBlockers(action, milestonesByAction.get(action.id) ?? []);
      awaitingPromotion.push({ action: refOf(action), blockers });
    }
    if (action.budgetCents !== undefined) {
      budgetCents += action.budgetCents;
      fundingByAction.set(action.id, actionFunding(action));
    }
  }

  // Funding lines of the counted actions.
  const funding = emptySums();
  const byFundingStatus: Record<FundingStatus, number> = {
    envisage: 0,
    demande: 0,
    en_instruction: 0,
    accorde: 0,
    refuse: 0,
    verse: 0,
  };
  const byFunder = new Map<FunderKind, FunderFunding>();
  for (const line of input.fundingLines) {
    const action = actionById.get(line.actionId);
    if (!action || action.status === 'abandonnee') continue;
    byFundingStatus[line.status] += line.amountCents;
    addLine(funding, line);
    let perAction = fundingByAction.get(action.id);
    if (!perAction) {
      perAction = actionFunding(action);
      fundingByAction.set(action.id, perAction);
    }
    addLine(perAction, line);
    perAction.lineCount++;
    let perFunder = byFunder.get(line.funderKind);
    if (!perFunder) {
      perFunder = { funderKind: line.funderKind, ...emptySums() };
      byFunder.set(line.funderKind, perFunder);
    }
    addLine(perFunder, line);
  }
  for (const perAction of fundingByAction.values()) {
    perAction.securedRatio = ratio(perAction.securedCents, perAction.budgetCents ?? 0);
  }

  const progress = roadmapProgress({
    roadmap,
    actions,
    milestones: input.milestones,
    updates: input.updates,
  });

  return {
    today,
    actions: { total: actions.length, byStatus, byKind },
    doneRate: sheetsCounted > 0 ? sheetsDone / sheetsCounted : null,
    lateMilestones,
    upcomingMilestones,
    funding: {
      ...funding,
      budgetCents,
      securedRatio: ratio(funding.securedCents, budgetCents),
      gapCents: Math.max(0, budgetCents - funding.securedCents),
      byStatus: byFundingStatus,
      byAction: [...fundingByAction.values()].sort((a, b) => compareCodes(a.action, b.action)),
      byFunder: [...byFunder.values()].sort(
        (a, b) => b.securedCents - a.securedCents || b.pendingCents - a.pendingCents,
      ),
    },
    actionsWithoutOwner: actionsWithoutOwner.sort(compareCodes),
    awaitingPromotion: awaitingPromotion.sort((a, b) => compareCodes(a.action, b.action)),
    progress,
  };
}

function refOf(action: Action): ActionRef {
  return { id: action.id, code: action.code, title: action.title };
}

// Two literal builders rather than one spread into another: spreading a base alert into a
// second object made the whole report half as fast again.
function lateAlert(
  milestone: Milestone,
  action: Action | undefined,
  daysLate: number,
): LateMilestone {
  return {
    id: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    status: milestone.status,
    ownerId: milestone.ownerId ?? null,
    action: action ? refOf(action) : null,
    daysLate,
  };
}

function upcomingAlert(
  milestone: Milestone,
  action: Action | undefined,
  daysUntil: number,
): UpcomingMilestone {
  return {
    id: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    status: milestone.status,
    ownerId: milestone.ownerId ?? null,
    action: action ? refOf(action) : null,
    daysUntil,
  };
}

function emptySums(): FundingSums {
  return { securedCents: 0, pendingCents: 0, envisagedCents: 0, refusedCents: 0 };
}

function actionFunding(action: Action): ActionFunding {
  return {
    action: refOf(action),
    budgetCents: action.budgetCents ?? null,
    securedRatio: null,
    lineCount: 0,
    ...emptySums(),
  };
}

function addLine(sums: FundingSums, line: FundingLine): void {
  // Secured is what the funder granted, which may differ from what was asked.
  if (SECURED.has(line.status)) sums.securedCents += grantedCentsOf(line);
  else if (PENDING.has(line.status)) sums.pendingCents += line.amountCents;
  else if (line.status === 'envisage') sums.envisagedCents += line.amountCents;
  else sums.refusedCents += line.amountCents;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// Action codes sort the way people number them: A2 before A10.
const codeCollator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function compareCodes(a: ActionRef, b: ActionRef): number {
  return codeCollator.compare(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Ties on the date: by action code (roadmap milestones first), then title, then id. */
function compareAlerts(a: MilestoneAlert, b: MilestoneAlert): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.action !== b.action) {
    if (!a.action) return -1;
    if (!b.action) return 1;
    const byCode = compareCodes(a.action, b.action);
    if (byCode !== 0) return byCode;
  }
  return codeCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
