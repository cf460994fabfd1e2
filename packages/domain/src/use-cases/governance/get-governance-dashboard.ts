import { z } from 'zod';
import type { Territory, TerritoryRef } from '../../actors/territory.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import type { Measurement } from '../../indicators/measurement.ts';
import { type Period, Periodicity } from '../../indicators/period.ts';
import { formatPeriodLabel, periodContaining, previousPeriod } from '../../indicators/periods.ts';
import { rollUpTerritories } from '../../indicators/rollup.ts';
import { type Attainment, targetAttainment } from '../../indicators/targets.ts';
import {
  type LateMilestone,
  type RoadmapHealth,
  type RoadmapHealthInput,
  roadmapHealth,
  type UpcomingMilestone,
} from '../../roadmap/health.ts';
import { formatEuros } from '../../roadmap/money.ts';
import type { AxisProgress, GroupProgress } from '../../roadmap/progress.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import type { IsoDate } from '../../shared/time.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import {
  computedMeasurements,
  MISSING_DATA,
  NOTHING_TO_COUNT,
  withComputed,
} from '../indicators/computed-values.ts';
import {
  type DashboardUpdate,
  describeUpdate,
  type PersonRef,
  personNames,
  personRef,
} from '../names.ts';
import type { Repositories } from '../ports.ts';

export const GetGovernanceDashboardInput = z.object({
  governanceId: idOf('governance'),
  /** How many days ahead the next milestones look. */
  upcomingDays: z.number().int().min(1).max(366).default(30),
  /** How many of the latest updates to show. */
  recentUpdates: z.number().int().min(1).max(100).default(10),
});
export type GetGovernanceDashboardInput = z.input<typeof GetGovernanceDashboardInput>;

/** A roadmap as the dashboard names it. */
export interface RoadmapRef {
  id: string;
  title: string;
}

/** A milestone of the dashboard: the health report's, with its roadmap and its owner's name. */
export type DashboardMilestone<M extends LateMilestone | UpcomingMilestone> = M & {
  roadmap: RoadmapRef;
  owner: PersonRef | null;
};

export type { DashboardUpdate } from '../names.ts';

/** An indicator against its target, for the governance's own territory. */
export interface IndicatorStanding {
  indicator: Pick<Indicator, 'id' | 'code' | 'label' | 'unit' | 'periodicity' | 'direction'> & {
    /** `calcul`: computed from the data; only values stored for it are shown here. */
    method: Indicator['method']['type'];
  };
  /** The period judged: the current one if it has a value, else the last complete one if it has one, else the current one. */
  period: Period;
  periodLabel: string;
  /** The period is still running today: the target is judged on pace. */
  running: boolean;
  /** The value on the governance's territory (recorded, or rolled up from the territories it holds). */
  value: number | null;
  /** How many territories make the value (0 without a value). */
  contributors: number;
  provisional: boolean;
  target: number | null;
  /** `value − target`, `null` without both. */
  gap: number | null;
  attainment: Attainment;
  /** For a computed indicator without a value: why, in French (the data it counts is missing). */
  missing?: string;
}

/** Funding secured against budget, in euro cents, with the amounts as French readers write them. */
export interface FundingSummary {
  budgetCents: number;
  securedCents: number;
  pendingCents: number;
  gapCents: number;
  /** `securedCents / budgetCents`, `null` without a budget; may exceed 1. */
  securedRatio: number | null;
  /** « 96 000 € obtenus sur 120 000 € ». */
  summary: string;
}

/** The per-roadmap part of the dashboard: the headline figures of its health. */
export interface RoadmapSummary {
  roadmap: Pick<Roadmap, 'id' | 'title' | 'status' | 'fromYear' | 'toYear'>;
  actions: RoadmapHealth['actions'];
  doneRate: number | null;
  progress: GroupProgress;
  /** Progress of each axis, in the roadmap's order (then « Sans axe »). */
  axes: AxisProgress[];
  lateMilestoneCount: number;
  upcomingMilestoneCount: number;
  actionsWithoutOwnerCount: number;
  /** Fiches-projets complete enough to be promoted now. */
  promotableCount: number;
  funding: FundingSummary;
}

export interface GovernanceDashboard {
  governance: Governance;
  /** Today in the governance's time zone. */
  today: IsoDate;
  upcomingDays: number;
  /** Every late milestone of the current roadmaps, the latest first. */
  lateMilestones: DashboardMilestone<LateMilestone>[];
  /** Milestones due from today to `today + upcomingDays`, the soonest first. */
  upcomingMilestones: DashboardMilestone<UpcomingMilestone>[];
  /** The latest updates, the newest first. */
  recentUpdates: DashboardUpdate[];
  indicators: IndicatorStanding[];
  funding: { total: FundingSummary; byRoadmap: (FundingSummary & { roadmap: RoadmapRef })[] };
  roadmaps: RoadmapSummary[];
}

/**
 * A governance's dashboard: what a coordinator opens before a steering committee. Late and
 * upcoming milestones, the latest updates, the indicators against their targets, funding secured
 * against budget and each roadmap's health — all from the kernel's rules (`roadmapHealth`,
 * `rollUpTerritories`, `targetAttainment`), read in one transaction with one query per need. Its
 * cost follows what it shows, not the length of the governance's history.
 * Archived roadmaps are history: they are left out. Readable by whoever may read the governance.
 */
export async function getGovernanceDashboard(
  ctx: UseCaseContext,
  input: unknown,
): Promise<GovernanceDashboard> {
  const { governanceId, upcomingDays, recentUpdates } = validate(
    GetGovernanceDashboardInput,
    input,
  );
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const today = localDate(ctx.clock(), governance.timeZone);
    // Of the updates and measurements, only what is shown: the latest progress of each action,
    // the last few updates, the values of the periods judged. The history behind them grows by
    // the week; these do not.
    const [roadmaps, actions, milestones, fundingLines, updates, latest, indicators, measurements] =
      await Promise.all([
        repos.roadmaps.listByGovernance(governanceId),
        repos.actions.listByGovernance(governanceId),
        repos.milestones.listByGovernance(governanceId),
        repos.fundingLines.listByGovernance(governanceId),
        repos.updates.listLatestProgress({ governanceId }),
        repos.updates.listLatest(governanceId, recentUpdates),
        repos.indicators.listByGovernance(governanceId),
        repos.measurements.listCurrentInPeriods(governanceId, judgedPeriods(today)),
      ]);
    const current = roadmaps
      .filter((roadmap) => roadmap.status !== 'archivee')
      .sort((a, b) => b.fromYear - a.fromYear || (a.id < b.id ? -1 : 1));
    const healths = healthOfRoadmaps(
      current,
      { actions, milestones, fundingLines, updates },
      {
        today,
        upcomingDays,
      },
    );

    const late = healths.flatMap(({ roadmap, health }) =>
      health.lateMilestones.map((m) => ({ roadmap, milestone: m })),
    );
    const upcoming = healths.flatMap(({ roadmap, health }) =>
      health.upcomingMilestones.map((m) => ({ roadmap, milestone: m })),
    );
    const people = await personNames(repos, [
      ...late.map((l) => l.milestone.ownerId),
      ...upcoming.map((u) => u.milestone.ownerId),
      ...latest.map((u) => u.authorId),
    ]);
    const withRefs = <M extends LateMilestone | UpcomingMilestone>(entry: {
      roadmap: Roadmap;
      milestone: M;
    }): DashboardMilestone<M> => ({
      ...entry.milestone,
      roadmap: { id: entry.roadmap.id, title: entry.roadmap.title },
      owner: entry.milestone.ownerId ? personRef(entry.milestone.ownerId, people) : null,
    });

    const byRoadmap = healths.map(({ roadmap, health }) => ({
      roadmap: { id: roadmap.id, title: roadmap.title },
      ...fundingSummary(health.funding),
    }));
    return {
      governance,
      today,
      upcomingDays,
      lateMilestones: late.map(withRefs).sort((a, b) => b.daysLate - a.daysLate),
      upcomingMilestones: upcoming.map(withRefs).sort((a, b) => a.daysUntil - b.daysUntil),
      recentUpdates: latest.map((update) =>
        describeUpdate(update, people, { governance, roadmaps, actions, milestones }),
      ),
      indicators: await indicatorStandings(
        repos,
        governance,
        indicators,
        withComputed(
          measurements,
          await computedMeasurements(
            repos,
            governance,
            indicators,
            judgedPeriods(today),
            ctx.clock(),
          ),
        ),
        today,
      ),
      funding: { total: fundingSummary(sumFunding(byRoadmap)), byRoadmap },
      roadmaps: healths.map(({ roadmap, health }) => roadmapSummary(roadmap, health)),
    };
  });
}

/**
 * `roadmapHealth` for each roadmap. It reads only the roadmap's own actions, milestones and
 * funding lines out of the governance's lists, so one query per table serves every roadmap.
 */
function healthOfRoadmaps(
  roadmaps: readonly Roadmap[],
  data: Pick<RoadmapHealthInput, 'actions' | 'milestones' | 'fundingLines' | 'updates'>,
  options: { today: IsoDate; upcomingDays: number },
): { roadmap: Roadmap; health: RoadmapHealth }[] {
  return roadmaps.map((roadmap) => ({
    roadmap,
    health: roadmapHealth({ roadmap, ...data, ...options }),
  }));
}

/**
 * Each indicator on the governance's own territory: the value recorded for it, or rolled up from
 * the territories it holds (the directory's `parents` say which), against its target.
 */
async function indicatorStandings(
  repos: Repositories,
  governance: Governance,
  indicators: readonly Indicator[],
  measurements: readonly Measurement[],
  today: IsoDate,
): Promise<IndicatorStanding[]> {
  const territories = await measuredTerritories(repos, measurements);
  return [...indicators]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((indicator) => {
      // The roll-up reads only this indicator's values out of the governance's.
      const valueIn = (period: Period) =>
        rollUpTerritories(indicator, measurements, territories, period).find((v) =>
          sameTerritory(v.territory, governance.territory),
        );
      const running = periodContaining(today, indicator.periodicity);
      const complete = previousPeriod(running);
      const currentValue = valueIn(running);
      const completeValue = currentValue ? undefined : valueIn(complete);
      const period = currentValue || !completeValue ? running : complete;
      const found = currentValue ?? completeValue;
      const value = found?.value ?? null;
      const attainment = targetAttainment(indicator, period, value, { asOf: today });
      return {
        indicator: {
          id: indicator.id,
          code: indicator.code,
          label: indicator.label,
          unit: indicator.unit,
          periodicity: indicator.periodicity,
          direction: indicator.direction,
          method: indicator.method.type,
        },
        period,
        periodLabel: formatPeriodLabel(period),
        running: period === running,
        value,
        contributors: found?.parts ?? 0,
        provisional: found?.provisional ?? false,
        target: attainment.target,
        gap: value !== null && attainment.target !== null ? value - attainment.target : null,
        attainment,
        ...(value === null && indicator.method.type === 'calcul'
          ? { missing: MISSING_DATA[indicator.method.rule] ?? NOTHING_TO_COUNT }
          : {}),
      };
    });
}

/** Every period an indicator standing may judge today: the running one and the one before. */
function judgedPeriods(today: IsoDate): Period[] {
  return Periodicity.options.flatMap((periodicity) => {
    const running = periodContaining(today, periodicity);
    return [running, previousPeriod(running)];
  });
}

/** The directory's record of each territory that has a value (for their `parents`). */
async function measuredTerritories(
  repos: Repositories,
  measurements: readonly Measurement[],
): Promise<Territory[]> {
  const refs = new Map<string, TerritoryRef>();
  for (const m of measurements) refs.set(`${m.territory.level}:${m.territory.code}`, m.territory);
  const found = await Promise.all(
    [...refs.values()].map((ref) => repos.territories.findByCode(ref.level, ref.code)),
  );
  return found.filter((t): t is Territory => t !== undefined);
}

function sameTerritory(a: TerritoryRef, b: TerritoryRef): boolean {
  return a.level === b.level && a.code === b.code;
}

type FundingFigures = Pick<FundingSummary, 'budgetCents' | 'securedCents' | 'pendingCents'>;

function sumFunding(parts: readonly FundingFigures[]): FundingFigures {
  const total = { budgetCents: 0, securedCents: 0, pendingCents: 0 };
  for (const part of parts) {
    total.budgetCents += part.budgetCents;
    total.securedCents += part.securedCents;
    total.pendingCents += part.pendingCents;
  }
  return total;
}

function fundingSummary({
  budgetCents,
  securedCents,
  pendingCents,
}: FundingFigures): FundingSummary {
  return {
    budgetCents,
    securedCents,
    pendingCents,
    gapCents: Math.max(0, budgetCents - securedCents),
    securedRatio: budgetCents > 0 ? securedCents / budgetCents : null,
    summary: `${formatEuros(securedCents)} obtenus sur ${formatEuros(budgetCents)}`,
  };
}

function roadmapSummary(roadmap: Roadmap, health: RoadmapHealth): RoadmapSummary {
  return {
    roadmap: {
      id: roadmap.id,
      title: roadmap.title,
      status: roadmap.status,
      fromYear: roadmap.fromYear,
      toYear: roadmap.toYear,
    },
    actions: health.actions,
    doneRate: health.doneRate,
    progress: health.progress.overall,
    axes: health.progress.byAxis,
    lateMilestoneCount: health.lateMilestones.length,
    upcomingMilestoneCount: health.upcomingMilestones.length,
    actionsWithoutOwnerCount: health.actionsWithoutOwner.length,
    promotableCount: health.awaitingPromotion.filter((w) => w.blockers.length === 0).length,
    funding: fundingSummary(health.funding),
  };
}
