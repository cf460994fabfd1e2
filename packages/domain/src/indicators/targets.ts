import { IsoDate } from '../shared/time.ts';
import { validate } from '../shared/validate.ts';
import type { Indicator, Target } from './indicator.ts';
import { lastDay, periodElapsedShare } from './periods.ts';

/**
 * How far an indicator's value is from its target for a period.
 *
 * Ratio (`ratio`, 1 = the target exactly):
 * - `hausse` (more is better): value / target;
 * - `baisse` (less is better): target / value, so beating the target also reads above 1;
 * - `stable` (keep a level): 1 − |value − target| / |target|, the closeness to the target
 *   (1 on target, 0.9 at 10 % off either way, never below 0).
 * Ratios only mean something for quantities that are not negative: when the target is 0 or
 * negative, or the value negative, the ratio is 1 if the target is met and 0 if not. Ratios are
 * capped at `MAX_ATTAINMENT_RATIO` (10, i.e. 1 000 %): beyond, the figure says nothing more, and
 * a `baisse` value falling to 0 would otherwise give an infinite ratio that JSON cannot carry.
 *
 * Status thresholds:
 * - `atteint`: ratio ≥ 1 (for `stable`: within ±5 % of the target, `STABLE_TOLERANCE`);
 * - `en_bonne_voie` (`hausse`, `baisse`): ratio ≥ 0.8 (`ON_TRACK_RATIO`). For `hausse`, while
 *   the period is still running at `asOf`, the bar is 0.8 × the share of the period gone by, so
 *   45 % of a yearly target at the end of June is on track. A `baisse` figure is not judged on
 *   pace: a count that should fall gives no sign of it by growing slowly;
 * - `en_retard` (`hausse`, `baisse`): below that bar;
 * - `ecart` (`stable`): more than 5 % away from the target;
 * - `sans_cible`: no target for the period; `sans_valeur`: a target but no value yet.
 */

export const attainmentStatusLabels = {
  atteint: 'Atteint',
  en_bonne_voie: 'En bonne voie',
  en_retard: 'En retard',
  ecart: 'Écart à la cible',
  sans_cible: 'Sans cible',
  sans_valeur: 'Sans valeur',
} as const;
export type AttainmentStatus = keyof typeof attainmentStatusLabels;

/** Ratio from which a target is "en bonne voie" once its period is over. */
export const ON_TRACK_RATIO = 0.8;
/** Largest relative gap to the target for which a `stable` indicator is "atteint". */
export const STABLE_TOLERANCE = 0.05;
/** Ratios are capped here (1 000 %). */
export const MAX_ATTAINMENT_RATIO = 10;

export interface Attainment {
  status: AttainmentStatus;
  /** The French label of the status. */
  label: string;
  /** See the thresholds above; `null` without a target or a value. */
  ratio: number | null;
  target: number | null;
  value: number | null;
}

export interface AttainmentOptions {
  /**
   * The calendar date of the report (`YYYY-MM-DD`, from the injected clock). While the period
   * runs, "en bonne voie" is judged against the share of the period gone by.
   */
  asOf?: string;
}

/**
 * The target of an indicator for exactly this period (a yearly target is not split into
 * quarters: each period's target is set by people). When a period was given two targets, the
 * last one in the list wins.
 *
 * @example
 * indicatorTargetFor({ targets: [{ period: '2024', value: 200 }] }, '2024'); // { period: '2024', value: 200 }
 */
export function indicatorTargetFor(
  indicator: Pick<Indicator, 'targets'>,
  period: string,
): Target | undefined {
  return indicator.targets.findLast((target) => target.period === period);
}

function cap(ratio: number): number {
  return Math.min(ratio, MAX_ATTAINMENT_RATIO);
}

function ratioOf(direction: Indicator['direction'], value: number, target: number): number {
  switch (direction) {
    case 'hausse':
      if (target <= 0 || value < 0) return value >= target ? 1 : 0;
      return cap(value / target);
    case 'baisse':
      if (target <= 0 || value < 0) return value <= target ? 1 : 0;
      return value === 0 ? MAX_ATTAINMENT_RATIO : cap(target / value);
    case 'stable':
      if (target === 0) return value === 0 ? 1 : 0;
      return Math.max(0, 1 - Math.abs(value - target) / Math.abs(target));
  }
}

function result(
  status: AttainmentStatus,
  ratio: number | null,
  target: number | null,
  value: number | null,
): Attainment {
  return { status, label: attainmentStatusLabels[status], ratio, target, value };
}

/**
 * How far `value` is from the indicator's target for `period`, as a ratio and a French status.
 *
 * @example
 * const indicator = { direction: 'hausse', targets: [{ period: '2024', value: 200 }] } as const;
 * targetAttainment(indicator, '2024', 170);                       // { status: 'en_bonne_voie', label: 'En bonne voie', ratio: 0.85, … }
 * targetAttainment(indicator, '2024', 90, { asOf: '2024-06-30' }); // en bonne voie: half the year is gone
 * targetAttainment(indicator, '2025', 90);                       // { status: 'sans_cible', label: 'Sans cible', ratio: null, … }
 */
export function targetAttainment(
  indicator: Pick<Indicator, 'direction' | 'targets'>,
  period: string,
  value: number | null | undefined,
  options: AttainmentOptions = {},
): Attainment {
  const asOf = options.asOf === undefined ? undefined : validate(IsoDate, options.asOf);
  const target = indicatorTargetFor(indicator, period);
  const known = value ?? null;
  if (!target) return result('sans_cible', null, null, known);
  if (known === null) return result('sans_valeur', null, target.value, null);
  const ratio = ratioOf(indicator.direction, known, target.value);
  if (indicator.direction === 'stable') {
    const within =
      target.value === 0
        ? known === 0
        : Math.abs(known - target.value) <= STABLE_TOLERANCE * Math.abs(target.value);
    return result(within ? 'atteint' : 'ecart', ratio, target.value, known);
  }
  if (ratio >= 1) return result('atteint', ratio, target.value, known);
  const share =
    indicator.direction === 'hausse' && asOf !== undefined && asOf < lastDay(period)
      ? periodElapsedShare(period, asOf)
      : 1;
  const status = ratio >= ON_TRACK_RATIO * share ? 'en_bonne_voie' : 'en_retard';
  return result(status, ratio, target.value, known);
}
