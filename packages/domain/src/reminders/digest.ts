import { type FundingDue, fundingDue } from '../roadmap/funding-calendar.ts';
import type { FundingLine } from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import type { Update } from '../roadmap/update.ts';
import { addDays } from '../shared/time.ts';
import type { Delivery } from './delivery.ts';

/** What the weekly digest of a community channel says. */
export interface WeekDigest {
  /** The start of the period summed up: the previous digest, or a week before `now`. */
  since: string;
  /** Milestones past due, neither reached nor cancelled, the oldest first. */
  late: Milestone[];
  /** Milestones due from today to `upcomingDays` later, the soonest first. */
  upcoming: Milestone[];
  /** Updates posted since the previous digest, the newest first. */
  updates: Update[];
  /** Deliveries given up since the previous digest (expired, failed, undeliverable), oldest first. */
  missed: Delivery[];
  /**
   * Funding deadlines still to meet up to the horizon — the application not sent, the report not
   * handed in — late ones included, the soonest first.
   */
  funding: FundingDue[];
}

export interface WeekDigestInput {
  now: string;
  /** Today in the governance's zone. */
  today: string;
  milestones: readonly Milestone[];
  updates: readonly Update[];
  /** The governance's deliveries: the previous digest and those given up since. */
  deliveries: readonly Delivery[];
  /** The ISO week of the digest being sent (`2024-W24`): see `digestSince`. */
  week?: string | undefined;
  /** How far ahead "upcoming" looks, in days (7). */
  upcomingDays?: number | undefined;
  /** The governance's funding lines (those of abandoned actions left out by the caller). */
  fundingLines?: readonly FundingLine[] | undefined;
}

const OPEN: ReadonlySet<string> = new Set(['a_venir', 'reporte']);
const GIVEN_UP: ReadonlySet<string> = new Set(['expired', 'failed', 'undeliverable']);
const WEEK_MS = 7 * 86_400_000;

/**
 * Where a digest sent at `now` starts: the previous digest actually sent, or a week before. A
 * caller reads only the updates recorded after it (and up to `now`). A week's digest goes out in
 * several copies (the channel's, one e-mail per person: `digest:<governance>:<ISO week>[:…]`):
 * given `week`, the copies of that same week already sent are not a previous digest, so the
 * second copy says what the first one said.
 */
export function digestSince(now: string, deliveries: readonly Delivery[], week?: string): string {
  const previous = deliveries
    .filter((d) => d.kind === 'community_digest' && d.status === 'sent' && d.sentAt !== undefined)
    .filter((d) => week === undefined || d.dedupeKey.split(':')[2] !== week)
    .map((d) => d.sentAt as string)
    .filter((at) => at < now)
    .sort()
    .at(-1);
  return previous ?? new Date(Date.parse(now) - WEEK_MS).toISOString();
}

/**
 * The last day a digest lists as upcoming (included): a caller reads only the open milestones
 * due up to it.
 */
export function digestHorizon(today: string, upcomingDays = 7): string {
  return addDays(today, upcomingDays);
}

/**
 * The week of a governance for its community channel: late and upcoming milestones, recent
 * updates, the funding deadlines to meet, and — for the coordinators — the reminders that could not be sent since the previous
 * digest, so that nothing given up goes unnoticed. "Since" is the previous digest actually sent,
 * so a digest missed during a downtime widens the next one instead of losing a week.
 *
 * @example
 * const digest = weekDigest({ now, today, milestones, updates, deliveries });
 * digest.late.length; // 2
 */
export function weekDigest(input: WeekDigestInput): WeekDigest {
  const { now, today } = input;
  const since = digestSince(now, input.deliveries, input.week);
  const horizon = digestHorizon(today, input.upcomingDays);
  const open = input.milestones.filter((m) => OPEN.has(m.status));
  const byDue = (a: Milestone, b: Milestone) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
  return {
    since,
    late: open.filter((m) => m.dueDate < today).sort(byDue),
    upcoming: open.filter((m) => m.dueDate >= today && m.dueDate <= horizon).sort(byDue),
    updates: input.updates
      .filter((u) => u.createdAt > since && u.createdAt <= now)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
    missed: input.deliveries
      .filter((d) => GIVEN_UP.has(d.status) && d.updatedAt > since && d.updatedAt <= now)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0)),
    funding: fundingDue(input.fundingLines ?? [], horizon),
  };
}
