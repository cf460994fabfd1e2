import { ValidationError } from '../shared/errors.ts';
import { addDays, isoWeekday } from '../shared/time.ts';

/**
 * French public holidays (jours fériés) and working days, for the reminder planner: nobody wants
 * a reminder on 14 July or on Ascension Thursday.
 *
 * The list is the national one (Code du travail, art. L3133-1). Local additions are not included:
 * Good Friday and 26 December in Alsace-Moselle, the abolition-of-slavery days overseas
 * (e.g. 10 June in Guyane, 20 December at La Réunion). A governance there still gets its
 * reminders on those days; that is the price of one calendar for every territory.
 */

/** One public holiday: its date and its French name. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The French name, as people say it: « Fête nationale », « Lundi de Pentecôte »… */
  readonly label: string;
}

const MIN_YEAR = 1583; // the first full year of the Gregorian calendar
const MAX_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValidationError([
      { path: [], message: `Année invalide : un entier de ${MIN_YEAR} à ${MAX_YEAR} est attendu.` },
    ]);
  }
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The date of Easter Sunday in `year`, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 *
 * @example
 * easterSunday(2024); // "2024-03-31"
 * easterSunday(2025); // "2025-04-20"
 */
export function easterSunday(year: number): string {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

interface YearHolidays {
  list: readonly PublicHoliday[];
  dates: ReadonlySet<string>;
}

// Holidays depend on the year only: computed once per year and kept. A few hundred years at most
// are ever asked for, so the cache needs no eviction.
const byYear = new Map<number, YearHolidays>();

function holidaysOf(year: number): YearHolidays {
  let cached = byYear.get(year);
  if (!cached) {
    const easter = easterSunday(year);
    const fixed = (monthDay: string, label: string): PublicHoliday => ({
      date: `${year}-${monthDay}`,
      label,
    });
    const list = [
      fixed('01-01', 'Jour de l’an'),
      { date: addDays(easter, 1), label: 'Lundi de Pâques' },
      fixed('05-01', 'Fête du Travail'),
      fixed('05-08', 'Victoire 1945'),
      { date: addDays(easter, 39), label: 'Ascension' },
      { date: addDays(easter, 50), label: 'Lundi de Pentecôte' },
      fixed('07-14', 'Fête nationale'),
      fixed('08-15', 'Assomption'),
      fixed('11-01', 'Toussaint'),
      fixed('11-11', 'Armistice 1918'),
      fixed('12-25', 'Noël'),
    ]
      // Ascension can fall on 1 or 8 May (2008: 1 May): keep both names, sorted by date.
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
      .map((holiday) => Object.freeze(holiday));
    cached = { list: Object.freeze(list), dates: new Set(list.map((holiday) => holiday.date)) };
    byYear.set(year, cached);
  }
  return cached;
}

/**
 * The eleven national public holidays of `year`, sorted by date: the eight fixed ones plus
 * Easter Monday, Ascension Thursday (Easter + 39 days) and Whit Monday (Easter + 50 days).
 * The returned list is frozen and shared between calls.
 *
 * @example
 * frenchPublicHolidays(2024).find((h) => h.label === 'Ascension'); // { date: "2024-05-09", … }
 */
export function frenchPublicHolidays(year: number): readonly PublicHoliday[] {
  return holidaysOf(year).list;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * Tells whether a `YYYY-MM-DD` date is a national public holiday in France.
 *
 * @example
 * isFrenchPublicHoliday('2024-07-14'); // true
 * isFrenchPublicHoliday('2024-07-15'); // false
 */
export function isFrenchPublicHoliday(date: string): boolean {
  return holidaysOf(yearOf(date)).dates.has(date);
}

// The planner asks about the same few hundred dates again and again (100 000 milestones share
// a calendar): remember the answer per date. Cleared when it grows, so it stays bounded.
const workingDayCache = new Map<string, boolean>();
const WORKING_DAY_CACHE_LIMIT = 20_000;

/**
 * Tells whether a `YYYY-MM-DD` date is a working day: Monday to Friday and not a public holiday.
 *
 * @example
 * isWorkingDay('2024-05-08'); // false (Victoire 1945, a Wednesday)
 * isWorkingDay('2024-05-10'); // true (the Friday after Ascension: a bridge, but a working day)
 */
export function isWorkingDay(date: string): boolean {
  let working = workingDayCache.get(date);
  if (working === undefined) {
    working = isoWeekday(date) <= 5 && !isFrenchPublicHoliday(date);
    if (workingDayCache.size >= WORKING_DAY_CACHE_LIMIT) workingDayCache.clear();
    workingDayCache.set(date, working);
  }
  return working;
}

/**
 * The first working day on or after `date`.
 *
 * @example
 * nextWorkingDay('2024-05-20'); // "2024-05-21" (Whit Monday → Tuesday)
 */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The last working day on or before `date`.
 *
 * @example
 * previousWorkingDay('2024-05-09'); // "2024-05-07" (Ascension, and 8 May the day before)
 */
export function previousWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}
