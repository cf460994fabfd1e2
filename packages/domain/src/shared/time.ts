import { z } from 'zod';

/**
 * Time in the kernel. Instants are UTC ISO strings (`2024-05-14T08:00:00.000Z`); calendar dates
 * are `YYYY-MM-DD` and mean a day in a governance's time zone. Conversions between the two go
 * through `Intl` (the time zone database of the runtime), never through the host's zone.
 */

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 April, 29 February only in leap years). */
export const IsoDate = z
  .string()
  // A text that is not a date at all gets one message, not also « Cette date n’existe pas ».
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date attendue au format AAAA-MM-JJ.', abort: true })
  .refine(isRealDate, 'Cette date n’existe pas.');
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant in UTC, `YYYY-MM-DDTHH:mm:ss(.sss)Z`; offsets are accepted on input and normalised. */
export const Instant = z.iso
  .datetime({
    offset: true,
    error: 'Date et heure attendues au format ISO 8601 (ex. 2024-05-14T08:00:00Z).',
  })
  .transform((value) => new Date(value).toISOString());
export type Instant = z.infer<typeof Instant>;

/** An IANA time zone known to the runtime, such as `Europe/Paris` or `America/Cayenne`. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'Fuseau horaire inconnu (ex. Europe/Paris).');
export type TimeZone = z.infer<typeof TimeZone>;

/** A wall-clock time of day, `HH:MM`, 24-hour. */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format HH:MM (ex. 09:30).');
export type TimeOfDay = z.infer<typeof TimeOfDay>;

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const knownZones = new Map<string, boolean>();
function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

const DAY_MS = 86_400_000;

// Day arithmetic on `YYYY-MM-DD` strings runs hundreds of thousands of times when reminders are
// planned, so it avoids `Date`: days are counted from 1970-01-01 with Howard Hinnant's
// civil-calendar algorithms (proleptic Gregorian), pure integer arithmetic.

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
 * The date `days` days after `date` (negative goes back).
 *
 * @example
 * addDays('2024-02-28', 2); // "2024-03-01"
 */
export function addDays(date: string, days: number): string {
  return days === 0 ? date : dateOfDayNumber(dayNumber(date) + days);
}

/**
 * ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekday('2024-05-20'); // 1
 */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Compares two `YYYY-MM-DD` dates (or two UTC instants) as strings sort: -1, 0 or 1. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface LocalDateTime {
  date: string;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClockMs(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The local calendar date and time of an instant in a time zone. */
export function toLocal(instant: string, zone: string): LocalDateTime {
  const wall = new Date(wallClockMs(Date.parse(instant), zone));
  return {
    date: wall.toISOString().slice(0, 10),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: string, zone: string): string {
  return toLocal(instant, zone).date;
}

/**
 * The UTC instant at which the wall clock of `zone` shows `date` at `time`.
 *
 * Clock changes: a time skipped in spring (02:30 on the last Sunday of March in Paris) moves
 * forward by the gap (03:30); a time that happens twice in autumn takes the first occurrence.
 */
export function toInstant(date: string, time: string, zone: string): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wanted = dayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  // Offsets of the zone just before and after the wanted wall time bound the answer: try the
  // larger offset first so that, in an overlap, the earlier instant wins.
  const offsetBefore = wallClockMs(wanted - DAY_MS, zone) - (wanted - DAY_MS);
  const offsetAfter = wallClockMs(wanted + DAY_MS, zone) - (wanted + DAY_MS);
  for (const offset of [Math.max(offsetBefore, offsetAfter), Math.min(offsetBefore, offsetAfter)]) {
    const candidate = wanted - offset;
    if (wallClockMs(candidate, zone) === wanted) return new Date(candidate).toISOString();
  }
  // In a gap: keep the wall time's distance from midnight, read with the offset before the gap.
  return new Date(wanted - Math.min(offsetBefore, offsetAfter)).toISOString();
}

const LONG_FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A calendar day as French readers write it: `2026-11-24` → « 24 novembre 2026 », and the first
 * of a month « 1er » (« 1er avril 2027 »), as French typography has it. An instant is read for its
 * UTC day; no time zone moves a day.
 *
 * @example
 * formatDate('2023-05-25'); // '25 mai 2023'
 * formatDate('2027-04-01'); // '1er avril 2027'
 */
export function formatDate(isoDate: string): string {
  const text = LONG_FRENCH_DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
  return text.startsWith('1 ') ? `1er ${text.slice(2)}` : text;
}
