import { z } from 'zod';
import { type Territory, TerritoryLevel, type TerritoryRef } from '../../actors/territory.ts';
import type { Governance } from '../../governance/governance.ts';
import { aggregateOverTime, type MeasurementValue } from '../../indicators/aggregation.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import type { Measurement } from '../../indicators/measurement.ts';
import { Period, Periodicity, periodicityLabels } from '../../indicators/period.ts';
import {
  comparePeriods,
  firstDay,
  formatPeriodLabel,
  lastDay,
  nextPeriod,
  periodContaining,
  periodicityOf,
} from '../../indicators/periods.ts';
import { rollUpTerritoriesByPeriod, type TerritoryValueSource } from '../../indicators/rollup.ts';
import { indicatorTargetFor } from '../../indicators/targets.ts';
import { ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { perimeterDirectory } from '../actors/perimeter.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { currentValuesOf } from './computed-values.ts';

export const GetIndicatorSeriesInput = z
  .object({
    indicatorId: idOf('indicator'),
    /** First period shown (included); any periodicity, `2024` starts in January 2024. */
    from: Period.optional(),
    /** Last period shown (included); `2024` ends in December 2024. */
    to: Period.optional(),
    /** The level of the territories shown; the governance's own level by default. */
    level: TerritoryLevel.optional(),
    /**
     * Periods of this periodicity, aggregated over time with the indicator's `timeAggregation`
     * (quarterly values summed into years…); the indicator's own periodicity by default.
     */
    periodicity: Periodicity.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.from && input.to && firstDay(input.from) > lastDay(input.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'La fin de la série précède son début.',
      });
    }
  });
export type GetIndicatorSeriesInput = z.input<typeof GetIndicatorSeriesInput>;

/**
 * Beyond this many periods between the first and the last value, periods without a value are
 * not listed: a monthly indicator with one value in 2000 and one in 2026 would otherwise answer
 * hundreds of empty months.
 */
export const MAX_SERIES_GAP_FILL = 400;

/** A territory as a series names it. */
export interface SeriesTerritory extends TerritoryRef {
  /** Its name in the directory; `null` when the directory does not know it. */
  name: string | null;
}

/** The value of one territory for one period. */
export interface SeriesPoint {
  territory: SeriesTerritory;
  value: number;
  /** `mesure`: recorded for this territory; `consolidation`: rolled up from the ones it holds. */
  source: TerritoryValueSource;
  /** How many measured territories make the value (1 for a measured territory). */
  contributors: number;
  /**
   * How many territories of the entry level the directory lists inside this one (1 for a
   * measured territory): with fewer contributors, the consolidation is partial.
   */
  expected: number;
  /** Fewer contributors than expected: some territories have not reported for this period. */
  partial: boolean;
  /** At least one value it is made of is still `provisoire`. */
  provisional: boolean;
}

/** One period of the series, with the indicator's target for it. */
export interface SeriesPeriod {
  period: Period;
  /** The period as a coordinator writes it: « 2e trimestre 2024 ». */
  label: string;
  /** The indicator's target for this period, `null` when none is set. */
  target: number | null;
  /** The territories of the requested level that have a value, by code. */
  points: SeriesPoint[];
}

export interface IndicatorSeries {
  indicator: Indicator;
  governance: Pick<Governance, 'id' | 'name' | 'territory'>;
  level: TerritoryLevel;
  periodicity: Periodicity;
  /**
   * The level most values are recorded at (ties: the smaller one): what the `expected` counts of
   * consolidated points are counted in. `null` when nothing is recorded yet.
   */
  entryLevel: TerritoryLevel | null;
  /** Oldest first; periods between two values are listed even when empty (see `MAX_SERIES_GAP_FILL`). */
  periods: SeriesPeriod[];
}

/**
 * The series of an indicator: for each period (at the indicator's periodicity, or a longer one
 * its values are aggregated into over time), the current value of each territory of the
 * requested level, recorded for it or rolled up from the
 * territories it contains with the indicator's `territoryRollup` (see `rollUpTerritoriesByPeriod`).
 * Each point tells how many territories made it and how many the directory expects, so that a
 * département consolidated from three EPCI out of nine does not pass for a full figure.
 * Readable by whoever may read the governance.
 */
export async function getIndicatorSeries(
  ctx: UseCaseContext,
  input: unknown,
): Promise<IndicatorSeries> {
  const {
    indicatorId,
    from,
    to,
    level: askedLevel,
    periodicity: askedPeriodicity,
  } = validate(GetIndicatorSeriesInput, input);
  return ctx.store.transaction(async (repos) => {
    const indicator = await mustGet(repos.indicators, indicatorId, 'Indicateur');
    const governance = await authorize(ctx, repos, 'governance.read', indicator.governanceId, {
      asked: ['Indicateur', indicator.id],
    });
    const today = localDate(ctx.clock(), governance.timeZone);
    const measurements = await currentValuesOf(repos, governance, indicator, {
      today,
      count: COMPUTED_PERIODS,
      now: ctx.clock(),
    });
    const { directory, childCounts } = await directoryForSeries(repos, governance, measurements);
    return seriesOf(
      ctx,
      { indicator, governance, measurements, directory, childCounts },
      {
        from,
        to,
        level: askedLevel,
        periodicity: askedPeriodicity,
      },
    );
  });
}

/**
 * What a series reads of the directory: the governance's perimeter and the territories its values
 * name (see `perimeterDirectory`), and how many territories of the values' level the larger
 * territories above it hold, counted by the database rather than read.
 */
export async function directoryForSeries(
  repos: Repositories,
  governance: Governance,
  measurements: readonly Measurement[],
): Promise<{ directory: Territory[]; childCounts: Map<string, number> }> {
  const directory = await perimeterDirectory(
    repos,
    governance.territory,
    measurements.map((m) => m.territory),
  );
  const entryLevel = mostCommonLevel(measurements);
  const own = directory.find(
    (t) => t.level === governance.territory.level && t.code === governance.territory.code,
  );
  const childCounts = new Map<string, number>();
  if (entryLevel === null || !own) return { directory, childCounts };
  for (const parent of own.parents)
    childCounts.set(levelKey(parent), await repos.territories.countWithin(parent, entryLevel));
  return { directory, childCounts };
}

/** How many periods of a computed indicator a series shows, up to the running one. */
const COMPUTED_PERIODS = 8;

/**
 * The series of an indicator from its current values and the territory directory, once read and
 * the governance authorized: what `getIndicatorSeries` answers, and what the indicators page
 * computes for each indicator of a governance over one read of the directory.
 */
export function seriesOf(
  ctx: Pick<UseCaseContext, 'clock'>,
  {
    indicator,
    governance,
    measurements,
    directory,
    childCounts = new Map(),
  }: {
    indicator: Indicator;
    governance: Governance;
    measurements: readonly Measurement[];
    directory: readonly Territory[];
    /**
     * How many territories of the entry level the territories above the perimeter hold (its
     * département, its région), counted by the database: the directory read stops at the perimeter.
     */
    childCounts?: ReadonlyMap<string, number>;
  },
  {
    from,
    to,
    level: askedLevel,
    periodicity: askedPeriodicity,
  }: Omit<z.output<typeof GetIndicatorSeriesInput>, 'indicatorId'>,
): IndicatorSeries {
  const level = askedLevel ?? governance.territory.level;
  const periodicity = askedPeriodicity ?? indicator.periodicity;
  const values =
    periodicity === indicator.periodicity
      ? measurements
      : overTime(indicator, measurements, periodicity, localDate(ctx.clock(), governance.timeZone));
  const inRange = values.filter((m) => withinBounds(m.period, from, to));
  const entryLevel = mostCommonLevel(inRange);
  const byPeriod = rollUpTerritoriesByPeriod(indicator, inRange, directory);
  const places = directoryIndex(directory, entryLevel, childCounts);
  const periods = listedPeriods([...byPeriod.keys()]).map((period): SeriesPeriod => {
    const points: SeriesPoint[] = [];
    for (const value of byPeriod.get(period) ?? []) {
      if (value.territory.level !== level) continue;
      const measured = value.source === 'mesure';
      const expected = measured ? 1 : Math.max(value.parts, places.childCount(value.territory));
      points.push({
        territory: { ...value.territory, name: places.nameOf(value.territory) },
        value: value.value,
        source: value.source,
        contributors: value.parts,
        expected,
        partial: value.parts < expected,
        provisional: value.provisional,
      });
    }
    points.sort((a, b) => (a.territory.code < b.territory.code ? -1 : 1));
    return {
      period,
      label: formatPeriodLabel(period),
      target: indicatorTargetFor(indicator, period)?.value ?? null,
      points,
    };
  });
  return {
    indicator,
    governance: { id: governance.id, name: governance.name, territory: governance.territory },
    level,
    periodicity,
    entryLevel,
    periods,
  };
}

/**
 * The current values of each territory aggregated into periods of `periodicity`, by the
 * indicator's own `timeAggregation` (see `aggregateOverTime`): the roll-up then works on them as
 * on recorded values. A value is provisional when any value it is made of is.
 */
function overTime(
  indicator: Indicator,
  measurements: readonly MeasurementValue[],
  periodicity: Periodicity,
  asOf: string,
): MeasurementValue[] {
  if (PERIODICITIES.indexOf(periodicity) < PERIODICITIES.indexOf(indicator.periodicity)) {
    throw new ValidationError([
      {
        path: ['periodicity'],
        message: `Cet indicateur se renseigne par période ${periodicityLabels[indicator.periodicity].toLowerCase()} : sa série ne se découpe pas plus finement.`,
      },
    ]);
  }
  const cells = new Map<string, { territory: TerritoryRef; period: Period }>();
  for (const m of measurements) {
    const period = periodContaining(firstDay(m.period), periodicity);
    cells.set(`${levelKey(m.territory)}|${period}`, { territory: m.territory, period });
  }
  const values: MeasurementValue[] = [];
  for (const { territory, period } of cells.values()) {
    const aggregate = aggregateOverTime(indicator, measurements, territory, period, { asOf });
    if (aggregate.value === null) continue;
    values.push({
      indicatorId: indicator.id,
      territory,
      period,
      value: aggregate.value,
      status: aggregate.provisional ? 'provisoire' : 'valide',
      revision: 1,
    });
  }
  return values;
}

/** Periodicities from the shortest to the longest. */
const PERIODICITIES = Periodicity.options;

function withinBounds(period: string, from: string | undefined, to: string | undefined): boolean {
  return (!from || firstDay(period) >= firstDay(from)) && (!to || lastDay(period) <= lastDay(to));
}

function levelKey(ref: TerritoryRef): string {
  return `${ref.level}:${ref.code}`;
}

/** The level most of `measurements` are recorded at; ties go to the smaller level. */
export function mostCommonLevel(measurements: readonly MeasurementValue[]): TerritoryLevel | null {
  const counts = new Map<TerritoryLevel, number>();
  for (const m of measurements) {
    counts.set(m.territory.level, (counts.get(m.territory.level) ?? 0) + 1);
  }
  let best: TerritoryLevel | null = null;
  for (const level of TerritoryLevel.options) {
    const count = counts.get(level) ?? 0;
    if (count > 0 && (best === null || count > (counts.get(best) ?? 0))) best = level;
  }
  return best;
}

/** Names from the directory, and how many territories of `entryLevel` each territory holds. */
function directoryIndex(
  directory: readonly Territory[],
  entryLevel: TerritoryLevel | null,
  counted: ReadonlyMap<string, number>,
) {
  const names = new Map<string, string>();
  const children = new Map<string, number>();
  for (const territory of directory) {
    names.set(levelKey(territory), territory.name);
    if (territory.level !== entryLevel) continue;
    for (const parent of territory.parents) {
      const key = levelKey(parent);
      children.set(key, (children.get(key) ?? 0) + 1);
    }
  }
  return {
    nameOf: (ref: TerritoryRef) => names.get(levelKey(ref)) ?? null,
    childCount: (ref: TerritoryRef) =>
      counted.get(levelKey(ref)) ?? children.get(levelKey(ref)) ?? 0,
  };
}

/**
 * The periods with a value, oldest first, and the empty ones between them when they are of one
 * periodicity and not too many: a gap in a series is information.
 */
function listedPeriods(withValues: readonly Period[]): Period[] {
  const sorted = [...withValues].sort(comparePeriods);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const periodicity = periodicityOf(first);
  if (sorted.some((p) => periodicityOf(p) !== periodicity)) return sorted;
  const all: Period[] = [];
  for (let period = first; comparePeriods(period, last) <= 0; period = nextPeriod(period)) {
    all.push(period);
    if (all.length > MAX_SERIES_GAP_FILL) return sorted;
  }
  return all;
}
