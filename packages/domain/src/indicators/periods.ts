import { ValidationError } from '../shared/errors.ts';
import { dayNumber, IsoDate } from '../shared/time.ts';
import { validate } from '../shared/validate.ts';
import type { Period, Periodicity } from './period.ts';

/**
 * Rules on indicator periods. A period is written `2024`, `2024-S1`, `2024-T2` or `2024-05`;
 * internally each one is a run of whole months (its first month and its length), which makes
 * comparing, enclosing and cutting plain integer arithmetic. No `Date` is used: years 0000 to
 * 9999 all work, and nothing depends on the host's time zone.
 */

export const periodKindLabels = {
  annee: 'Année',
  semestre: 'Semestre',
  trimestre: 'Trimestre',
  mois: 'Mois',
} as const;
export type PeriodKind = keyof typeof periodKindLabels;

/** A period taken apart. `index` is 1 for a year, 1–2 for a semester, 1–4 for a quarter, 1–12 for a month. */
export interface ParsedPeriod {
  readonly year: number;
  readonly kind: PeriodKind;
  readonly index: number;
}

const MONTHS_IN: Record<PeriodKind, number> = { annee: 12, semestre: 6, trimestre: 3, mois: 1 };

const KIND_OF_PERIODICITY: Record<Periodicity, PeriodKind> = {
  annuelle: 'annee',
  semestrielle: 'semestre',
  trimestrielle: 'trimestre',
  mensuelle: 'mois',
};

const PERIODICITY_OF_KIND: Record<PeriodKind, Periodicity> = {
  annee: 'annuelle',
  semestre: 'semestrielle',
  trimestre: 'trimestrielle',
  mois: 'mensuelle',
};

const PERIOD_PATTERN = /^(\d{4})(?:-S([12])|-T([1-4])|-(0[1-9]|1[0-2]))?$/;

const MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

function invalid(message: string): ValidationError {
  return new ValidationError([{ path: [], message }]);
}

/**
 * Takes a period apart. Throws a `ValidationError` (French message) when the text is not a period.
 *
 * @example
 * parsePeriod('2024-T2'); // { year: 2024, kind: 'trimestre', index: 2 }
 * parsePeriod('2024');    // { year: 2024, kind: 'annee', index: 1 }
 */
export function parsePeriod(period: string): ParsedPeriod {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) {
    throw invalid(
      `Période invalide : « ${period.slice(0, 40)} ». AAAA, AAAA-S1, AAAA-T2 ou AAAA-MM attendu (ex. 2024, 2024-S1, 2024-T2, 2024-05).`,
    );
  }
  const year = Number(match[1]);
  if (match[2]) return { year, kind: 'semestre', index: Number(match[2]) };
  if (match[3]) return { year, kind: 'trimestre', index: Number(match[3]) };
  if (match[4]) return { year, kind: 'mois', index: Number(match[4]) };
  return { year, kind: 'annee', index: 1 };
}

/**
 * Writes a parsed period back. Throws a `ValidationError` when the parts do not make a period
 * (a fifth quarter, a year outside 0000–9999).
 *
 * @example
 * formatPeriod({ year: 2024, kind: 'mois', index: 5 }); // "2024-05"
 */
export function formatPeriod(parsed: ParsedPeriod): Period {
  const { year, kind, index } = parsed;
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw invalid(`Année hors des limites prises en charge (0000 à 9999) : ${year}.`);
  }
  const count = 12 / MONTHS_IN[kind];
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw invalid(`Numéro de ${periodKindLabels[kind].toLowerCase()} invalide : ${index}.`);
  }
  const y = String(year).padStart(4, '0');
  switch (kind) {
    case 'annee':
      return y;
    case 'semestre':
      return `${y}-S${index}`;
    case 'trimestre':
      return `${y}-T${index}`;
    case 'mois':
      return `${y}-${String(index).padStart(2, '0')}`;
  }
}

/** First month of a period, counted in months since January of year 0. */
function startMonth(parsed: ParsedPeriod): number {
  return parsed.year * 12 + (parsed.index - 1) * MONTHS_IN[parsed.kind];
}

function fromStartMonth(month: number, kind: PeriodKind): Period {
  const year = Math.floor(month / 12);
  const index = Math.floor((month - year * 12) / MONTHS_IN[kind]) + 1;
  return formatPeriod({ year, kind, index });
}

/** The kind of period an indicator of this periodicity is measured on. */
export function periodKindOf(periodicity: Periodicity): PeriodKind {
  return KIND_OF_PERIODICITY[periodicity];
}

/**
 * The periodicity a period belongs to.
 *
 * @example
 * periodicityOf('2024-T2'); // "trimestrielle"
 */
export function periodicityOf(period: string): Periodicity {
  return PERIODICITY_OF_KIND[parsePeriod(period).kind];
}

/**
 * Orders periods: by first month, and when two start together the longer one first, so a list
 * reads like an outline (2024, 2024-S1, 2024-T1, 2024-01, 2024-02…). Returns -1, 0 or 1.
 *
 * @example
 * ['2024-05', '2024', '2023-T4'].sort(comparePeriods); // ['2023-T4', '2024', '2024-05']
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  const byStart = startMonth(pa) - startMonth(pb);
  if (byStart !== 0) return byStart < 0 ? -1 : 1;
  const byLength = MONTHS_IN[pb.kind] - MONTHS_IN[pa.kind];
  return byLength === 0 ? 0 : byLength < 0 ? -1 : 1;
}

/**
 * Tells whether `outer` covers the whole of `inner`. A period encloses itself, so aggregating
 * monthly values "into" a month is the identity.
 *
 * @example
 * encloses('2024', '2024-T2');    // true
 * encloses('2024-S1', '2024-07'); // false
 */
export function encloses(outer: string, inner: string): boolean {
  const po = parsePeriod(outer);
  const pi = parsePeriod(inner);
  const outerStart = startMonth(po);
  const innerStart = startMonth(pi);
  return (
    innerStart >= outerStart && innerStart + MONTHS_IN[pi.kind] <= outerStart + MONTHS_IN[po.kind]
  );
}

/**
 * The periods of a periodicity that make up `outer`, in order. Throws a `ValidationError` when
 * the periodicity is longer than `outer` (a quarter holds no whole year).
 *
 * @example
 * periodsWithin('2024-S1', 'trimestrielle'); // ['2024-T1', '2024-T2']
 * periodsWithin('2024-T2', 'mensuelle');     // ['2024-04', '2024-05', '2024-06']
 */
export function periodsWithin(outer: string, periodicity: Periodicity): Period[] {
  const parsed = parsePeriod(outer);
  const kind = KIND_OF_PERIODICITY[periodicity];
  const step = MONTHS_IN[kind];
  const length = MONTHS_IN[parsed.kind];
  if (step > length) {
    throw invalid(
      `La période ${outer} est plus courte qu’une période ${periodicity} : elle ne se découpe pas ainsi.`,
    );
  }
  const start = startMonth(parsed);
  const periods: Period[] = [];
  for (let month = start; month < start + length; month += step) {
    periods.push(fromStartMonth(month, kind));
  }
  return periods;
}

/**
 * The period of a periodicity that contains a calendar date (`YYYY-MM-DD`).
 *
 * @example
 * periodContaining('2024-05-14', 'trimestrielle'); // "2024-T2"
 */
export function periodContaining(date: string, periodicity: Periodicity): Period {
  const valid = validate(IsoDate, date);
  const year = Number(valid.slice(0, 4));
  const month = Number(valid.slice(5, 7));
  return fromStartMonth(year * 12 + month - 1, KIND_OF_PERIODICITY[periodicity]);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first calendar day of a period.
 *
 * @example
 * firstDay('2024-T2'); // "2024-04-01"
 */
export function firstDay(period: string): string {
  const parsed = parsePeriod(period);
  const month = (parsed.index - 1) * MONTHS_IN[parsed.kind] + 1;
  return isoDate(parsed.year, month, 1);
}

/**
 * The last calendar day of a period (29 February in leap years).
 *
 * @example
 * lastDay('2024-S1'); // "2024-06-30"
 * lastDay('2024-02'); // "2024-02-29"
 */
export function lastDay(period: string): string {
  const parsed = parsePeriod(period);
  const month = parsed.index * MONTHS_IN[parsed.kind];
  return isoDate(parsed.year, month, daysInMonth(parsed.year, month));
}

/**
 * The period of the same kind right after this one.
 *
 * @example
 * nextPeriod('2024-T4'); // "2025-T1"
 */
export function nextPeriod(period: string): Period {
  const parsed = parsePeriod(period);
  return fromStartMonth(startMonth(parsed) + MONTHS_IN[parsed.kind], parsed.kind);
}

/**
 * The period of the same kind right before this one.
 *
 * @example
 * previousPeriod('2024-01'); // "2023-12"
 */
export function previousPeriod(period: string): Period {
  const parsed = parsePeriod(period);
  return fromStartMonth(startMonth(parsed) - MONTHS_IN[parsed.kind], parsed.kind);
}

function ordinal(index: number): string {
  return index === 1 ? '1er' : `${index}e`;
}

/**
 * The French label of a period, as a coordinator writes it in a report.
 *
 * @example
 * formatPeriodLabel('2024-T2'); // "2e trimestre 2024"
 * formatPeriodLabel('2024-S1'); // "1er semestre 2024"
 * formatPeriodLabel('2024-05'); // "mai 2024"
 * formatPeriodLabel('2024');    // "2024"
 */
export function formatPeriodLabel(period: string): string {
  const { year, kind, index } = parsePeriod(period);
  const y = String(year).padStart(4, '0');
  switch (kind) {
    case 'annee':
      return y;
    case 'semestre':
      return `${ordinal(index)} semestre ${y}`;
    case 'trimestre':
      return `${ordinal(index)} trimestre ${y}`;
    case 'mois':
      return `${MONTH_NAMES[index - 1]} ${y}`;
  }
}

/**
 * The share of a period gone by at the end of `date` (a calendar date, `YYYY-MM-DD`): 0 before
 * the period starts, 1 from its last day on. Targets use it to judge the pace during a period.
 *
 * @example
 * periodElapsedShare('2024', '2024-12-31'); // 1
 * periodElapsedShare('2024-04', '2024-04-15'); // 0.5
 */
export function periodElapsedShare(period: string, date: string): number {
  const day = dayNumber(validate(IsoDate, date));
  const first = dayNumber(firstDay(period));
  const last = dayNumber(lastDay(period));
  if (day < first) return 0;
  if (day >= last) return 1;
  return (day - first + 1) / (last - first + 1);
}
