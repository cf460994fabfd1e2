import type { Periodicity } from '../indicators/period.ts';
import { lastDay, periodsWithin } from '../indicators/periods.ts';
import { addDays, dateOfDayNumber, dayNumber, isoWeekday } from '../shared/time.ts';
import { nextWorkingDay, previousWorkingDay } from './holidays.ts';
import type { CollectionMoment } from './rules.ts';

/**
 * Calendar helpers of the planner: ISO weeks (the key of weekly reminders) and the periods of an
 * indicator with the day its figure is asked for.
 */

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The ISO 8601 week of a `YYYY-MM-DD` date, `YYYY-Www`. The year is the week's year, which
 * differs from the calendar year around New Year.
 *
 * @example
 * isoWeekOf('2024-05-20'); // "2024-W21"
 * isoWeekOf('2024-12-30'); // "2025-W01"
 * isoWeekOf('2021-01-03'); // "2020-W53"
 */
export function isoWeekOf(date: string): string {
  // The week belongs to the year of its Thursday.
  const thursday = dayNumber(date) + 4 - isoWeekday(date);
  const year = dateOfDayNumber(thursday).slice(0, 4);
  const dayOfYear = thursday - dayNumber(`${year}-01-01`);
  return `${year}-W${pad2(Math.floor(dayOfYear / 7) + 1)}`;
}

/** One period of an indicator and the last calendar day it covers. */
export interface IndicatorPeriod {
  /** As measurements write it: `2024`, `2024-S1`, `2024-T2`, `2024-05`. */
  period: string;
  /** `YYYY-MM-DD`, the last day of the period. */
  lastDay: string;
}

/**
 * The periods of one year for a periodicity, in order.
 *
 * @example
 * periodsOfYear(2024, 'trimestrielle')[1]; // { period: "2024-T2", lastDay: "2024-06-30" }
 */
export function periodsOfYear(year: number, periodicity: Periodicity): IndicatorPeriod[] {
  return periodsWithin(String(year), periodicity).map((period) => ({
    period,
    lastDay: lastDay(period),
  }));
}

/**
 * The day a period's figure is asked for: the last working day of the period (its figures are
 * almost complete and the people who hold them are still at work), or the first working day
 * after it (the figures are final).
 *
 * @example
 * const june = { period: '2024-06', lastDay: '2024-06-30' };
 * collectionDay(june, 'fin_de_periode'); // "2024-06-28"
 * collectionDay(june, 'debut_periode_suivante'); // "2024-07-01"
 */
export function collectionDay(period: IndicatorPeriod, moment: CollectionMoment): string {
  return moment === 'fin_de_periode'
    ? previousWorkingDay(period.lastDay)
    : nextWorkingDay(addDays(period.lastDay, 1));
}
