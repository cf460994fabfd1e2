import type { Organization, Territory } from '@maille/domain/actors';
import type { Body, Governance, Meeting } from '@maille/domain/governance';
import type { Indicator, Measurement } from '@maille/domain/indicators';
import type { Person } from '@maille/domain/people';
import type { Action, FundingLine, Milestone, Roadmap, Update } from '@maille/domain/roadmap';
import {
  addDays,
  compareIso,
  DEFAULT_TIME_ZONE,
  isoWeekday,
  localDate,
  toInstant,
} from '@maille/domain/shared';
import type { z } from 'zod';

/** The instant the demo is built for when none is given: a Tuesday morning in Paris. */
export const DEFAULT_DEMO_NOW = '2026-11-24T09:00:00.000Z';

/** Everything the demo holds, each entity already parsed by its kernel schema. */
export interface DemoDataset {
  territories: Territory[];
  organizations: Organization[];
  persons: Person[];
  governances: Governance[];
  bodies: Body[];
  meetings: Meeting[];
  roadmaps: Roadmap[];
  actions: Action[];
  milestones: Milestone[];
  fundingLines: FundingLine[];
  updates: Update[];
  indicators: Indicator[];
  measurements: Measurement[];
}

/** What one governance brings to the dataset (territories are shared). */
export type DemoSlice = Omit<DemoDataset, 'territories'>;

/** The fields of a stored entity without the ones the demo context fills. */
export type Fields<S extends z.ZodType> = Omit<z.input<S>, 'createdAt' | 'updatedAt' | 'version'>;

/**
 * When a record entered Maille and when it last changed, in days from `now` (negative is past).
 * A record changed after its creation is at version 2.
 */
export interface Stamp {
  created?: number;
  updated?: number;
}

/**
 * The demo pretends Maille was put into service fourteen months before `now`: every record was
 * imported then unless it says otherwise, and nothing is timestamped earlier.
 */
export const ONBOARDING_DAYS = -420;

/** The clock of the demo: every date and instant it holds derives from `now`. */
export interface DemoContext {
  readonly now: string;
  readonly zone: string;
  /** The calendar date of `now` in the governances' time zone. */
  readonly today: string;
  /** The calendar date `offset` days from today. */
  day(offset: number): string;
  /** The instant at which the local clock shows `time` on the day `offset` days from today. */
  at(offset: number, time?: string): string;
  /** Like `day`, moved to the next Monday when it falls on a weekend: meetings and due dates. */
  workday(offset: number): string;
  /** Like `at`, on `workday(offset)`. */
  workdayAt(offset: number, time: string): string;
  /**
   * The instant a figure for `period` was entered: `lag` days after the period closed, never
   * before Maille was put into service (older figures were imported then) nor after now.
   */
  recordedAfter(period: string, lag: number): string;
  /** Fills the timestamps and version of a stored entity, then parses it with its schema. */
  entity<S extends z.ZodType>(schema: S, fields: Fields<S>, stamp?: Stamp): z.output<S>;
}

export function createDemoContext(now: string, zone: string = DEFAULT_TIME_ZONE): DemoContext {
  const instant = new Date(now).toISOString();
  const today = localDate(instant, zone);
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, time = '09:00') => toInstant(day(offset), time, zone);
  const workday = (offset: number) => {
    const date = day(offset);
    const weekday = isoWeekday(date);
    return weekday > 5 ? addDays(date, 8 - weekday) : date;
  };
  // Never later than now, whatever the hour of `now`.
  const notAfterNow = (value: string) => (compareIso(value, instant) > 0 ? instant : value);
  return {
    now: instant,
    zone,
    today,
    day,
    at,
    workday,
    workdayAt: (offset, time) => toInstant(workday(offset), time, zone),
    recordedAfter(period, lag) {
      const recorded = toInstant(addDays(periodEnd(period), lag), '16:00', zone);
      const onboarding = at(ONBOARDING_DAYS, '16:00');
      return notAfterNow(compareIso(recorded, onboarding) < 0 ? onboarding : recorded);
    },
    entity(schema, fields, stamp = {}) {
      const created = stamp.created ?? ONBOARDING_DAYS;
      const updated = stamp.updated ?? created;
      return schema.parse({
        ...fields,
        createdAt: notAfterNow(at(created)),
        updatedAt: notAfterNow(at(updated, updated === created ? '09:00' : '17:30')),
        version: updated === created ? 1 : 2,
      });
    },
  };
}

/** A fictional address on the reserved example domain: `Émilie Dufour` → `emilie.dufour@exemple.fr`. */
export function demoEmail(displayName: string): string {
  const local = displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}@exemple.fr`;
}

/** The `count` last quarters completed before `today`, oldest first (`2026-11-24` → …, `2026-T3`). */
export function lastQuarters(today: string, count: number): string[] {
  return lastPeriods(today, count, 4, 'T');
}

/** The `count` last semesters completed before `today`, oldest first (`2026-11-24` → …, `2026-S1`). */
export function lastSemesters(today: string, count: number): string[] {
  return lastPeriods(today, count, 2, 'S');
}

function lastPeriods(today: string, count: number, perYear: number, letter: string): string[] {
  let year = Number(today.slice(0, 4));
  let index = Math.floor(((Number(today.slice(5, 7)) - 1) * perYear) / 12) + 1;
  const periods: string[] = [];
  for (let i = 0; i < count; i++) {
    index -= 1;
    if (index === 0) {
      index = perYear;
      year -= 1;
    }
    periods.unshift(`${year}-${letter}${index}`);
  }
  return periods;
}

/** The last calendar day of an indicator period (`2026-T3` → `2026-09-30`, `2026-S1` → `2026-06-30`). */
export function periodEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const kind = period.charAt(5);
  const index = Number(period.slice(6));
  const month =
    period.length === 4
      ? 12
      : kind === 'T'
        ? index * 3
        : kind === 'S'
          ? index * 6
          : Number(period.slice(5));
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
