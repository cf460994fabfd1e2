/**
 * Date arithmetic on `YYYY-MM-DD` strings without `Date`. The planner shifts dates hundreds of
 * thousands of times per run, and parsing through `Date` (as `shared/time.ts` does) dominated its
 * profile. Days are counted from 1970-01-01 with Howard Hinnant's civil-calendar algorithms
 * (proleptic Gregorian), pure integer arithmetic.
 */

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Days from 1970-01-01 to a `YYYY-MM-DD` date.
 *
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(date: string): number {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The `YYYY-MM-DD` date `days` days after 1970-01-01.
 *
 * @example
 * dateOfDayNumber(19_863); // "2024-05-20"
 */
export function dateOfDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The date `days` days after `date` (negative goes back): `addDays` of `shared/time.ts`, faster.
 *
 * @example
 * shiftDate('2024-02-28', 2); // "2024-03-01"
 */
export function shiftDate(date: string, days: number): string {
  return days === 0 ? date : dateOfDayNumber(dayNumber(date) + days);
}

/**
 * ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday.
 *
 * @example
 * weekdayOf('2024-05-20'); // 1
 */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}
