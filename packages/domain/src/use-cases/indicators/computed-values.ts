import type { Governance } from '../../governance/governance.ts';
import { type ComputationData, computeIndicator } from '../../indicators/computed.ts';
import type { ComputedRule, Indicator } from '../../indicators/indicator.ts';
import type { Measurement } from '../../indicators/measurement.ts';
import type { Periodicity } from '../../indicators/period.ts';
import {
  lastDay,
  periodContaining,
  periodicityOf,
  previousPeriod,
} from '../../indicators/periods.ts';
import { localDate } from '../../shared/time.ts';
import { perimeterCommunes } from '../actors/perimeter.ts';
import type { Repositories } from '../ports.ts';

/** The source a computed value carries, where a measurement names who gave it. */
export const COMPUTED_SOURCE = 'Calculé par Maille à partir de ses données';

/**
 * Why a computed indicator has no value, in French, when the data it counts is missing rather
 * than zero: a coverage of no commune is no 0 %.
 */
export const MISSING_DATA: Partial<Record<ComputedRule, string>> = {
  communes_couvertes:
    'Aucune commune dans le périmètre : chargez le répertoire officiel des territoires (maille territoires charger).',
  fiches_realisees: 'Aucune fiche-action à compter sur cette période.',
};

/** Why a computed indicator has no value when `MISSING_DATA` says nothing more precise. */
export const NOTHING_TO_COUNT = 'Rien à compter pour l’instant dans les données de Maille.';

/**
 * Everything the computed indicators of a governance read, bounded by its perimeter: the places
 * located in its communes and the organizations its actions name, its members (roles and seats),
 * its meetings, action sheets and funding lines.
 */
export async function computationData(
  repos: Repositories,
  governance: Governance,
): Promise<ComputationData> {
  const [communes, bodies, meetings, actions, fundingLines] = await Promise.all([
    perimeterCommunes(repos, governance.territory),
    repos.bodies.listByGovernance(governance.id),
    repos.meetings.listByGovernance(governance.id),
    repos.actions.listByGovernance(governance.id),
    repos.fundingLines.listByGovernance(governance.id),
  ]);
  const located = await repos.organizations.listInCommunes(communes.map((c) => c.code));
  const named = actions.flatMap((a) => [...a.leadOrganizationIds, ...a.partnerOrganizationIds]);
  const known = new Set(located.map((o) => o.id));
  const others = await repos.organizations.getMany(named.filter((id) => !known.has(id)));
  const memberIds = [
    ...governance.roles.map((r) => r.personId),
    ...bodies.flatMap((b) => b.members.map((m) => m.personId)),
  ];
  return {
    governance,
    // A record merged into another is no place of its own: counted once, as the kept one.
    organizations: [...located, ...others].filter((o) => o.mergedInto === undefined),
    persons: await repos.persons.getMany([...new Set(memberIds)]),
    communes,
    meetings,
    actions,
    fundingLines,
  };
}

/**
 * The values of a governance's computed indicators (method `calcul`) for these periods, as
 * measurements of its own territory, so that the dashboard, the series, the bot and the brief
 * read them as they read the recorded ones. A period still running gives a provisional value.
 * Nothing for an indicator whose data is missing (`MISSING_DATA` says why), nor for a period of
 * another periodicity than the indicator's.
 */
export async function computedMeasurements(
  repos: Repositories,
  governance: Governance,
  indicators: readonly Indicator[],
  periods: readonly string[],
  now: string,
): Promise<Measurement[]> {
  const computed = indicators.filter((i) => i.method.type === 'calcul');
  if (computed.length === 0 || periods.length === 0) return [];
  const data = await computationData(repos, governance);
  const today = localDate(now, governance.timeZone);
  const values: Measurement[] = [];
  for (const indicator of computed) {
    if (indicator.method.type !== 'calcul') continue;
    for (const period of periods) {
      if (periodicityOf(period) !== indicator.periodicity) continue;
      const value = computeIndicator(indicator.method.rule, data, period);
      if (value === null) continue;
      values.push({
        // The same id for the same indicator and period, so that a value computed twice is one.
        id: `mes_${indicator.id.slice(4)}${period.replace(/[^0-9A-Za-z]/g, '')}`.slice(0, 45),
        indicatorId: indicator.id,
        governanceId: governance.id,
        territory: governance.territory,
        period,
        value,
        status: lastDay(period) < today ? 'valide' : 'provisoire',
        source: COMPUTED_SOURCE,
        revision: 1,
        recordedAt: now,
      });
    }
  }
  return values;
}

/**
 * The recorded values, and the computed ones where no value was recorded for the governance's
 * territory and period (a coordinator's correction wins over the count).
 */
export function withComputed(
  recorded: readonly Measurement[],
  computed: readonly Measurement[],
): Measurement[] {
  const taken = new Set(
    recorded.map((m) => `${m.indicatorId} ${m.territory.level} ${m.territory.code} ${m.period}`),
  );
  return [
    ...recorded,
    ...computed.filter(
      (m) => !taken.has(`${m.indicatorId} ${m.territory.level} ${m.territory.code} ${m.period}`),
    ),
  ];
}

/** The `count` periods of a periodicity up to the one running on `today`, oldest first. */
export function recentPeriods(today: string, periodicity: Periodicity, count: number): string[] {
  const periods = [periodContaining(today, periodicity)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as string));
  return periods;
}

/**
 * The current values of one indicator: those recorded, and for a computed indicator those of its
 * `count` latest periods up to today's, computed where none was recorded.
 */
export async function currentValuesOf(
  repos: Repositories,
  governance: Governance,
  indicator: Indicator,
  { today, count, now }: { today: string; count: number; now: string },
): Promise<Measurement[]> {
  return withComputed(
    await repos.measurements.listCurrentByIndicator(indicator.id),
    await computedMeasurements(
      repos,
      governance,
      [indicator],
      recentPeriods(today, indicator.periodicity, count),
      now,
    ),
  );
}
