import type { TerritoryRef } from '../actors/territory.ts';
import { IsoDate } from '../shared/time.ts';
import { validate } from '../shared/validate.ts';
import type { Indicator } from './indicator.ts';
import type { Measurement } from './measurement.ts';
import type { Period } from './period.ts';
import { lastDay, periodsWithin } from './periods.ts';

/**
 * What the aggregation and roll-up rules read of a measurement. A stored `Measurement` fits;
 * so does a lighter object built by an importer or a benchmark.
 */
export type MeasurementValue = Pick<
  Measurement,
  'indicatorId' | 'territory' | 'period' | 'value' | 'status' | 'revision'
> & { recordedAt?: string };

/**
 * Whether `candidate` supersedes `current` as the value of the same indicator, territory and
 * period: the higher revision wins; on a tie (two writers racing), the later `recordedAt`.
 *
 * @example
 * supersedes({ ...may, revision: 2 }, { ...may, revision: 1 }); // true
 */
export function supersedes(candidate: MeasurementValue, current: MeasurementValue): boolean {
  if (candidate.revision !== current.revision) return candidate.revision > current.revision;
  return (candidate.recordedAt ?? '') > (current.recordedAt ?? '');
}

/**
 * The current value of each (indicator, territory, period): its latest revision. Older
 * revisions stay in the store — history is never overwritten — but only the latest counts.
 * Order follows the first appearance of each (indicator, territory, period) in the input.
 *
 * @example
 * currentMeasurements([
 *   { ...may, revision: 1, value: 40 },
 *   { ...may, revision: 2, value: 42 }, // the correction
 * ]); // [{ ...may, revision: 2, value: 42 }]
 */
export function currentMeasurements<M extends MeasurementValue>(measurements: readonly M[]): M[] {
  const latest = new Map<string, M>();
  for (const m of measurements) {
    const key = `${m.indicatorId}|${m.territory.level}:${m.territory.code}|${m.period}`;
    const current = latest.get(key);
    if (!current || supersedes(m, current)) latest.set(key, m);
  }
  return [...latest.values()];
}

/** A value aggregated over time, with what a coordinator needs to trust it. */
export interface TimeAggregate {
  /** The aggregated value; `null` when not one sub-period has a value. */
  value: number | null;
  /** How many sub-periods have a value. */
  periods: number;
  /** How many sub-periods the period holds at the indicator's periodicity. */
  expected: number;
  /** Sub-periods already over (see `asOf`) that have no value: the figure is incomplete. */
  missing: Period[];
  /** Sub-periods without a value that are not over yet at `asOf`: not late, just to come. */
  upcoming: Period[];
  /** At least one value used is still `provisoire`. */
  provisional: boolean;
}

export interface TimeAggregationOptions {
  /**
   * The calendar date of the report (`YYYY-MM-DD`, from the injected clock). A sub-period whose
   * last day is not before it is still running or to come: it is listed in `upcoming`, not in
   * `missing`. Without it, every sub-period is due.
   */
  asOf?: string;
}

/**
 * Aggregates the current values of an indicator for one territory into a longer period (monthly
 * values into a quarter or a year…), following the indicator's `timeAggregation`:
 * - `somme`: the sum of the sub-periods' values (people helped over the year);
 * - `dernier`: the value of the latest sub-period that has one (advisers in post at year end);
 * - `moyenne`: the mean of the sub-periods that have a value (missing ones are not zeros);
 * - `max`: the largest value.
 *
 * Only values measured at the indicator's own periodicity count: a yearly figure typed in for a
 * monthly indicator would otherwise be added to its own months. Only the latest revision of
 * each value counts. `provisional` says whether any value the result depends on is provisional
 * (for `dernier`, only the value used).
 *
 * Throws a `ValidationError` when `period` is shorter than the indicator's periodicity.
 *
 * @example
 * aggregateOverTime(monthlySumIndicator, measurements, { level: 'epci', code: '241700434' }, '2024');
 * // { value: 1320, periods: 11, expected: 12, missing: ['2024-08'], upcoming: [], provisional: true }
 */
export function aggregateOverTime(
  indicator: Pick<Indicator, 'id' | 'periodicity' | 'timeAggregation'>,
  measurements: readonly MeasurementValue[],
  territory: TerritoryRef,
  period: Period,
  options: TimeAggregationOptions = {},
): TimeAggregate {
  const subPeriods = periodsWithin(period, indicator.periodicity);
  const asOf = options.asOf === undefined ? undefined : validate(IsoDate, options.asOf);
  const wanted = new Set<string>(subPeriods);
  const byPeriod = new Map<string, MeasurementValue>();
  for (const m of measurements) {
    if (
      m.indicatorId !== indicator.id ||
      m.territory.code !== territory.code ||
      m.territory.level !== territory.level ||
      !wanted.has(m.period)
    ) {
      continue;
    }
    const current = byPeriod.get(m.period);
    if (!current || supersedes(m, current)) byPeriod.set(m.period, m);
  }

  const used: MeasurementValue[] = [];
  const missing: Period[] = [];
  const upcoming: Period[] = [];
  for (const sub of subPeriods) {
    const m = byPeriod.get(sub);
    if (m) used.push(m);
    else if (asOf !== undefined && lastDay(sub) >= asOf) upcoming.push(sub);
    else missing.push(sub);
  }

  const result = { periods: used.length, expected: subPeriods.length, missing, upcoming };
  const last = used[used.length - 1];
  if (!last) return { value: null, ...result, provisional: false };
  if (indicator.timeAggregation === 'dernier') {
    return { value: last.value, ...result, provisional: last.status === 'provisoire' };
  }
  let sum = 0;
  let max = Number.NEGATIVE_INFINITY;
  let provisional = false;
  for (const m of used) {
    sum += m.value;
    if (m.value > max) max = m.value;
    if (m.status === 'provisoire') provisional = true;
  }
  const value =
    indicator.timeAggregation === 'somme'
      ? sum
      : indicator.timeAggregation === 'moyenne'
        ? sum / used.length
        : max;
  return { value, ...result, provisional };
}
