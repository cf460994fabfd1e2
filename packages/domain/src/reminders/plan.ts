import type { Body } from '../governance/body.ts';
import { membersOn } from '../governance/body.ts';
import type { Governance } from '../governance/governance.ts';
import { coordinatorIds } from '../governance/governance.ts';
import type { Meeting } from '../governance/meeting.ts';
import type { Indicator } from '../indicators/indicator.ts';
import { type Medium, mediaOf, type Person } from '../people/person.ts';
import type { Action } from '../roadmap/action.ts';
import { type FundingDeadline, isDeadlineOpen } from '../roadmap/funding-calendar.ts';
import type { FundingLine } from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import { ValidationError } from '../shared/errors.ts';
import { addDays, isoWeekday, localDate, toInstant } from '../shared/time.ts';
import { collectionDay, isoWeekOf, periodsOfYear } from './calendar.ts';
import type { DeliveryKind, DeliverySubject, PlannedDelivery, Recipient } from './delivery.ts';
import { DEFAULT_REMINDER_RULES, type ReminderRules } from './rules.ts';
import {
  adjustSlot,
  CHANNEL_POLICY,
  type LocalSlot,
  type MoveDirection,
  minutesOf,
  policyOf,
  type SlotPolicy,
  timeOfMinutes,
} from './slots.ts';

/** What the planner reads of a governance. Without `reminderRules`, the field's defaults apply. */
export type PlanningGovernance = Pick<Governance, 'id' | 'timeZone' | 'roles' | 'chat'> & {
  reminderRules?: ReminderRules | undefined;
};
/** What the planner reads of a milestone. */
export type PlanningMilestone = Pick<
  Milestone,
  'id' | 'governanceId' | 'actionId' | 'dueDate' | 'ownerId' | 'status'
>;
/** What the planner reads of an action. */
export type PlanningAction = Pick<Action, 'id' | 'governanceId' | 'ownerId' | 'status'>;
/** What the planner reads of a meeting. */
export type PlanningMeeting = Pick<
  Meeting,
  'id' | 'governanceId' | 'bodyId' | 'startsAt' | 'status'
>;
/** What the planner reads of a body. */
export type PlanningBody = Pick<Body, 'id' | 'members'>;
/** What the planner reads of an indicator. */
export type PlanningIndicator = Pick<Indicator, 'id' | 'governanceId' | 'method' | 'periodicity'>;
/** What the planner reads of a funding line. */
export type PlanningFundingLine = Pick<
  FundingLine,
  | 'id'
  | 'governanceId'
  | 'actionId'
  | 'status'
  | 'applicationDeadline'
  | 'reportDueOn'
  | 'reportSubmittedOn'
>;
/** What the planner reads of a person. */
export type PlanningPerson = Pick<
  Person,
  'id' | 'reminders' | 'chatAccounts' | 'erasedAt' | 'email'
>;

/** Everything one governance's plan depends on. Lists default to empty. */
export interface PlanRemindersInput {
  governance: PlanningGovernance;
  /** The current instant (UTC ISO), from the injected clock. */
  now: string;
  /** How far ahead to plan, in days (default 30, at most 366). */
  horizonDays?: number | undefined;
  /** How far back reminders are still planned, in days (default 7, at most 90). */
  lookbackDays?: number | undefined;
  milestones?: readonly PlanningMilestone[] | undefined;
  actions?: readonly PlanningAction[] | undefined;
  meetings?: readonly PlanningMeeting[] | undefined;
  bodies?: readonly PlanningBody[] | undefined;
  indicators?: readonly PlanningIndicator[] | undefined;
  fundingLines?: readonly PlanningFundingLine[] | undefined;
  persons?: readonly PlanningPerson[] | undefined;
}

export const DEFAULT_HORIZON_DAYS = 30;
export const DEFAULT_LOOKBACK_DAYS = 7;
/** How long an indicator collection stays worth sending after its day. */
export const COLLECTION_VALIDITY_DAYS = 14;
/** How long a weekly digest stays worth posting after its day. */
export const DIGEST_VALIDITY_DAYS = 2;

const DAY_MS = 86_400_000;
/** Actions whose milestones are not chased: paused, dropped or done. */
const QUIET_ACTION_STATUSES: ReadonlySet<string> = new Set(['suspendue', 'abandonnee', 'realisee']);

// toInstant asks Intl three times; a plan of 100 000 milestones needs only a few hundred distinct
// (zone, day, time) triples. Pure, so shared between calls; nested maps avoid building a string
// key per lookup. Cleared when it grows, so it stays bounded.
const instantCache = new Map<string, Map<string, Map<number, string>>>();
let cachedInstants = 0;
const INSTANT_CACHE_LIMIT = 50_000;

function instantAt(zone: string, date: string, minutes: number): string {
  let byDate = instantCache.get(zone);
  if (!byDate) {
    byDate = new Map();
    instantCache.set(zone, byDate);
  }
  let byMinutes = byDate.get(date);
  if (!byMinutes) {
    byMinutes = new Map();
    byDate.set(date, byMinutes);
  }
  let instant = byMinutes.get(minutes);
  if (instant === undefined) {
    instant = toInstant(date, timeOfMinutes(minutes), zone);
    if (cachedInstants >= INSTANT_CACHE_LIMIT) {
      instantCache.clear();
      cachedInstants = 0;
    }
    cachedInstants++;
    byMinutes.set(minutes, instant);
  }
  return instant;
}

/**
 * Days before a date, unique and from the furthest. Parsed rules already are; rules built by hand
 * might not be, and the expiry of each reminder depends on the order.
 */
function furthestFirst(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** `J-14`, `J0`, `J+8`: the French way to write a day relative to a deadline. */
function dayLabel(days: number): string {
  return days === 0 ? 'J0' : days > 0 ? `J+${days}` : `J${days}`;
}

interface Planner {
  governanceId: string;
  zone: string;
  rules: ReminderRules;
  sendMinutes: number;
  windowStart: string;
  windowEnd: string;
  /** Local dates of the window's ends: cheap bounds before any instant is computed. */
  firstDate: string;
  lastDate: string;
  /** Policies of the persons who can be reached, by id. */
  reachable: Map<string, SlotPolicy>;
  /** How each reachable person is reached, and the kinds they turned off. */
  media: Map<
    string,
    { media: (kind: DeliveryKind) => readonly Medium[]; pausedKinds: readonly DeliveryKind[] }
  >;
  out: PlannedDelivery[];
}

interface Draft {
  dedupeKey: string;
  kind: DeliveryKind;
  recipient: Recipient;
  subject: DeliverySubject;
}

function inWindow(planner: Planner, dueAt: string): boolean {
  return dueAt >= planner.windowStart && dueAt <= planner.windowEnd;
}

/**
 * Adds a delivery; callers check the window first, so that keys are only built when needed. A
 * person's reminder becomes one delivery per medium they are reached through: the chat one keeps
 * the key, the e-mail one adds `:email`, so each is claimed and sent once on its own.
 */
function emit(planner: Planner, draft: Draft, dueAt: string, expiresAt: string): void {
  const base = { governanceId: planner.governanceId, kind: draft.kind, subject: draft.subject };
  if (draft.recipient.type !== 'person') {
    planner.out.push({
      ...base,
      dedupeKey: draft.dedupeKey,
      recipient: draft.recipient,
      dueAt,
      expiresAt,
    });
    return;
  }
  const reach = planner.media.get(draft.recipient.personId);
  if (!reach || reach.pausedKinds.includes(draft.kind)) return;
  const personId = draft.recipient.personId;
  for (const medium of reach.media(draft.kind)) {
    planner.out.push(
      medium === 'email'
        ? {
            ...base,
            dedupeKey: `${draft.dedupeKey}:email`,
            recipient: { type: 'person', personId, medium: 'email' },
            dueAt,
            expiresAt,
          }
        : {
            ...base,
            dedupeKey: draft.dedupeKey,
            recipient: { type: 'person', personId },
            dueAt,
            expiresAt,
          },
    );
  }
}

/** The final instant of a slot after the recipient's moves, or undefined once it is useless. */
function place(
  planner: Planner,
  nominal: LocalSlot,
  policy: SlotPolicy,
  direction: MoveDirection,
  expiresAt: string,
): { slot: LocalSlot; dueAt: string } | undefined {
  const slot = adjustSlot(nominal, policy, direction);
  const dueAt = instantAt(planner.zone, slot.date, slot.minutes);
  return dueAt < expiresAt ? { slot, dueAt } : undefined;
}

/**
 * Reminders before a date (a milestone's due date, a meeting's day), furthest first. Each one
 * expires when the next one of the series is nominally due, the last one at `lastExpiresAt`:
 * after a downtime, only the most recent reminder is worth sending. Slots move earlier on days
 * off, and when two of them land on the same day only the one closest to the date is kept
 * (J0 on Whit Monday and J-3 both land on the Friday before: one message, not two).
 */
function planBefore(
  planner: Planner,
  target: string,
  offsets: readonly number[],
  lastExpiresAt: string,
  policy: SlotPolicy,
  draftFor: (offset: number) => Draft,
): void {
  let closestKeptDate: string | undefined;
  let nextNominal = lastExpiresAt;
  // Offsets are sorted from the furthest (14) to the closest (0): walk them backwards.
  for (let index = offsets.length - 1; index >= 0; index--) {
    const offset = offsets[index] as number;
    const nominal = { date: addDays(target, -offset), minutes: planner.sendMinutes };
    const expiresAt = nextNominal < lastExpiresAt ? nextNominal : lastExpiresAt;
    nextNominal = instantAt(planner.zone, nominal.date, nominal.minutes);
    const placed = place(planner, nominal, policy, 'earlier', expiresAt);
    if (!placed || (closestKeptDate !== undefined && placed.slot.date >= closestKeptDate)) continue;
    closestKeptDate = placed.slot.date;
    if (inWindow(planner, placed.dueAt)) emit(planner, draftFor(offset), placed.dueAt, expiresAt);
  }
}

function planMilestones(
  planner: Planner,
  milestones: readonly PlanningMilestone[],
  actions: ReadonlyMap<string, PlanningAction>,
  persons: ReadonlyMap<string, PlanningPerson>,
): void {
  const { milestoneReminder: before, milestoneOverdue: overdue } = planner.rules;
  if (!before.enabled && !overdue.enabled) return;
  const offsets = furthestFirst(before.daysBefore);
  const furthest = before.enabled ? (offsets[0] ?? 0) : 0;
  const lastOverdue = overdue.enabled
    ? overdue.firstAfterDays + overdue.maxCount * overdue.everyDays
    : 1;
  for (const milestone of milestones) {
    if (milestone.governanceId !== planner.governanceId) continue;
    if (milestone.status !== 'a_venir' && milestone.status !== 'reporte') continue;
    const due = milestone.dueDate;
    // Cheap bounds: moves shift a slot by a few days at most before it expires.
    if (addDays(due, -furthest - 7) > planner.lastDate) continue;
    if (addDays(due, lastOverdue + 1) < planner.firstDate) continue;
    const action = milestone.actionId === undefined ? undefined : actions.get(milestone.actionId);
    if (action && QUIET_ACTION_STATUSES.has(action.status)) continue;
    const personId = recipientOfMilestone(milestone, action, persons);
    const policy = personId === undefined ? undefined : planner.reachable.get(personId);
    if (personId === undefined || policy === undefined) continue;
    const draftOf = (days: number, kind: DeliveryKind): Draft => ({
      dedupeKey: `milestone:${milestone.id}:${due}:${dayLabel(days)}:${personId}`,
      kind,
      recipient: { type: 'person', personId },
      subject: { type: 'milestone', id: milestone.id },
    });

    if (before.enabled) {
      const endOfDueDate = instantAt(planner.zone, addDays(due, 1), 0);
      planBefore(planner, due, offsets, endOfDueDate, policy, (offset) =>
        draftOf(-offset, 'milestone_reminder'),
      );
    }
    if (overdue.enabled) {
      // Each overdue reminder expires when the next one is nominally due, the last one a period
      // later: a person back from three weeks of leave gets one reminder, not three.
      for (let count = 0; count < overdue.maxCount; count++) {
        const days = overdue.firstAfterDays + count * overdue.everyDays;
        const nominal = { date: addDays(due, days), minutes: planner.sendMinutes };
        if (nominal.date > planner.lastDate) break;
        const expiresAt = instantAt(
          planner.zone,
          addDays(due, days + overdue.everyDays),
          planner.sendMinutes,
        );
        if (expiresAt <= planner.windowStart) continue;
        const placed = place(planner, nominal, policy, 'later', expiresAt);
        if (!placed || !inWindow(planner, placed.dueAt)) continue;
        emit(planner, draftOf(days, 'milestone_overdue'), placed.dueAt, expiresAt);
      }
    }
  }
}

/**
 * The milestone's owner; when it has none, or its owner was erased, the owner of its action.
 * A milestone owner who simply has no chat account is not replaced: the planner does not guess
 * who else should answer for someone else's step.
 */
function recipientOfMilestone(
  milestone: PlanningMilestone,
  action: PlanningAction | undefined,
  persons: ReadonlyMap<string, PlanningPerson>,
): string | undefined {
  const owner = milestone.ownerId;
  if (owner !== undefined && persons.get(owner)?.erasedAt === undefined) return owner;
  return action?.ownerId;
}

/** Days of `weekday` whose slot may land in the window, with `before`/`after` days of margin. */
function weeklyDates(planner: Planner, weekday: number, before: number, after: number): string[] {
  const start = addDays(planner.firstDate, -before);
  let date = addDays(start, (weekday - isoWeekday(start) + 7) % 7);
  const end = addDays(planner.lastDate, after);
  const dates: string[] = [];
  for (; date <= end; date = addDays(date, 7)) dates.push(date);
  return dates;
}

function planCheckins(planner: Planner, actions: readonly PlanningAction[]): void {
  const rules = planner.rules.actionCheckin;
  if (!rules.enabled) return;
  // A check-in moves later (a Monday holiday → Tuesday) and expires when next week's is due.
  const weeks = weeklyDates(planner, rules.weekday, 8, 1).map((date) => ({
    nominal: { date, minutes: planner.sendMinutes },
    week: isoWeekOf(date),
    expiresAt: instantAt(planner.zone, addDays(date, 7), planner.sendMinutes),
  }));
  for (const action of actions) {
    if (action.governanceId !== planner.governanceId || action.status !== 'en_cours') continue;
    const personId = action.ownerId;
    const policy = personId === undefined ? undefined : planner.reachable.get(personId);
    if (personId === undefined || policy === undefined) continue;
    for (const week of weeks) {
      const placed = place(planner, week.nominal, policy, 'later', week.expiresAt);
      if (!placed || !inWindow(planner, placed.dueAt)) continue;
      emit(
        planner,
        {
          dedupeKey: `action:${action.id}:checkin:${week.week}:${personId}`,
          kind: 'action_checkin',
          recipient: { type: 'person', personId },
          subject: { type: 'action', id: action.id },
        },
        placed.dueAt,
        week.expiresAt,
      );
    }
  }
}

function hasActiveChannel(governance: PlanningGovernance): boolean {
  return governance.chat !== undefined && governance.chat.disabledAt === undefined;
}

function planCollections(
  planner: Planner,
  governance: PlanningGovernance,
  indicators: readonly PlanningIndicator[],
): void {
  const rules = planner.rules.indicatorCollection;
  if (!rules.enabled) return;
  const recipients: { id: string; policy: SlotPolicy; toChannel: boolean }[] = [];
  for (const personId of new Set(coordinatorIds(governance))) {
    const policy = planner.reachable.get(personId);
    if (policy) recipients.push({ id: personId, policy, toChannel: false });
  }
  if (rules.toChannel && hasActiveChannel(governance)) {
    recipients.push({ id: planner.governanceId, policy: CHANNEL_POLICY, toChannel: true });
  }
  if (recipients.length === 0) return;
  const earliest = addDays(planner.firstDate, -COLLECTION_VALIDITY_DAYS - 1);
  const latest = addDays(planner.lastDate, 1);
  // A period of the year before may be collected in January (the first working day after it).
  const firstYear = Number(earliest.slice(0, 4)) - 1;
  const lastYear = Number(latest.slice(0, 4));
  for (const indicator of indicators) {
    if (indicator.governanceId !== planner.governanceId || indicator.method.type !== 'saisie')
      continue;
    for (let year = firstYear; year <= lastYear; year++) {
      for (const period of periodsOfYear(year, indicator.periodicity)) {
        const day = collectionDay(period, rules.moment);
        if (day < earliest || day > latest) continue;
        const nominal = { date: day, minutes: planner.sendMinutes };
        const expiresAt = instantAt(
          planner.zone,
          addDays(day, COLLECTION_VALIDITY_DAYS),
          planner.sendMinutes,
        );
        for (const { id, policy, toChannel } of recipients) {
          const placed = place(planner, nominal, policy, 'later', expiresAt);
          if (!placed || !inWindow(planner, placed.dueAt)) continue;
          emit(
            planner,
            {
              dedupeKey: `indicator:${indicator.id}:${period.period}:${id}`,
              kind: 'indicator_collection',
              recipient: toChannel
                ? { type: 'channel', governanceId: id }
                : { type: 'person', personId: id },
              subject: { type: 'indicator', id: indicator.id, period: period.period },
            },
            placed.dueAt,
            expiresAt,
          );
        }
      }
    }
  }
}

function planMeetings(
  planner: Planner,
  meetings: readonly PlanningMeeting[],
  bodies: ReadonlyMap<string, PlanningBody>,
): void {
  const rules = planner.rules.meetingAgenda;
  if (!rules.enabled) return;
  const offsets = furthestFirst(rules.daysBefore);
  const furthest = offsets[0] ?? 0;
  for (const meeting of meetings) {
    if (meeting.governanceId !== planner.governanceId || meeting.status !== 'prevue') continue;
    const startsAt = new Date(meeting.startsAt).toISOString();
    // Every agenda reminder expires when the meeting starts.
    if (startsAt <= planner.windowStart) continue;
    const day = localDate(startsAt, planner.zone);
    if (addDays(day, -furthest - 7) > planner.lastDate) continue;
    const body = bodies.get(meeting.bodyId);
    if (!body) continue;
    const seated = new Set(membersOn(body, day).map((member) => member.personId));
    for (const personId of seated) {
      const policy = planner.reachable.get(personId);
      if (!policy) continue;
      planBefore(planner, day, offsets, startsAt, policy, (offset) => ({
        dedupeKey: `meeting:${meeting.id}:${day}:${dayLabel(-offset)}:${personId}`,
        kind: 'meeting_agenda',
        recipient: { type: 'person', personId },
        subject: { type: 'meeting', id: meeting.id },
      }));
    }
  }
}

/**
 * Before a funding line's open deadlines (the application while it is only « envisagé », the
 * report until it is handed in): the action's owner and each coordinator, who answer for the
 * money together.
 */
function planFundingDeadlines(
  planner: Planner,
  governance: PlanningGovernance,
  lines: readonly PlanningFundingLine[],
  actions: ReadonlyMap<string, PlanningAction>,
): void {
  const rules = planner.rules.fundingDeadline;
  if (!rules.enabled) return;
  const offsets = furthestFirst(rules.daysBefore);
  const furthest = offsets[0] ?? 0;
  const coordinators = coordinatorIds(governance);
  for (const line of lines) {
    if (line.governanceId !== planner.governanceId) continue;
    const action = actions.get(line.actionId);
    if (action?.status === 'abandonnee') continue;
    const deadlines: [FundingDeadline, string | undefined][] = [
      ['depot', line.applicationDeadline],
      ['bilan', line.reportDueOn],
    ];
    for (const [deadline, date] of deadlines) {
      if (date === undefined || !isDeadlineOpen(line, deadline)) continue;
      if (addDays(date, -furthest - 7) > planner.lastDate || addDays(date, 1) < planner.firstDate)
        continue;
      const endOfDay = instantAt(planner.zone, addDays(date, 1), 0);
      const recipients = new Set([...(action?.ownerId ? [action.ownerId] : []), ...coordinators]);
      for (const personId of recipients) {
        const policy = planner.reachable.get(personId);
        if (!policy) continue;
        planBefore(planner, date, offsets, endOfDay, policy, (offset) => ({
          dedupeKey: `funding:${line.id}:${deadline}:${date}:${dayLabel(-offset)}:${personId}`,
          kind: 'funding_deadline',
          recipient: { type: 'person', personId },
          subject: { type: 'fundingLine', id: line.id, deadline },
        }));
      }
    }
  }
}

/**
 * Who reads the weekly digest by e-mail: everyone holding a role in the governance (its
 * coordination, its members, its observers) and everyone seated on one of its bodies on the
 * digest's day — the comité de pilotage's elected members, the CAF, the préfecture, most of whom
 * never join the chat. Only those reached by e-mail (`mediaOf`), who did not turn the digest off.
 */
function digestReaders(
  planner: Planner,
  governance: PlanningGovernance,
  bodies: readonly PlanningBody[],
  date: string,
): string[] {
  const ids = new Set(governance.roles.map((role) => role.personId));
  for (const body of bodies) for (const member of membersOn(body, date)) ids.add(member.personId);
  return [...ids].filter((personId) => {
    const reach = planner.media.get(personId);
    return (
      reach?.media('community_digest').includes('email') === true &&
      !reach.pausedKinds.includes('community_digest')
    );
  });
}

function planDigests(
  planner: Planner,
  governance: PlanningGovernance,
  bodies: readonly PlanningBody[],
): void {
  if (!planner.rules.communityDigest.enabled) return;
  const toChannel = hasActiveChannel(governance);
  // A digest sums up the week: on a Friday holiday it goes out on Thursday, not next Monday.
  for (const date of weeklyDates(planner, planner.rules.communityDigest.weekday, 3, 7)) {
    const nominal = { date, minutes: planner.sendMinutes };
    const expiresAt = instantAt(
      planner.zone,
      addDays(date, DIGEST_VALIDITY_DAYS),
      planner.sendMinutes,
    );
    const key = `digest:${planner.governanceId}:${isoWeekOf(date)}`;
    const subject: DeliverySubject = { type: 'governance', id: planner.governanceId };
    const placed = place(planner, nominal, CHANNEL_POLICY, 'earlier', expiresAt);
    if (toChannel && placed && inWindow(planner, placed.dueAt)) {
      emit(
        planner,
        {
          dedupeKey: key,
          kind: 'community_digest',
          recipient: { type: 'channel', governanceId: planner.governanceId },
          subject,
        },
        placed.dueAt,
        expiresAt,
      );
    }
    // By e-mail, whether or not a channel is bound: an instance without Discord still gets it.
    // Only the e-mail copy: the chat one is the channel's post.
    for (const personId of digestReaders(planner, governance, bodies, date)) {
      const policy = planner.reachable.get(personId);
      const mine = policy && place(planner, nominal, policy, 'earlier', expiresAt);
      if (!mine || !inWindow(planner, mine.dueAt)) continue;
      planner.out.push({
        dedupeKey: `${key}:${personId}:email`,
        governanceId: planner.governanceId,
        kind: 'community_digest',
        recipient: { type: 'person', personId, medium: 'email' },
        subject,
        dueAt: mine.dueAt,
        expiresAt,
      });
    }
  }
}

function checkDays(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError([
      { path: [field], message: `Nombre entier de jours attendu, de 0 à ${max}.` },
    ]);
  }
  return value;
}

function byDueAtThenKey(a: PlannedDelivery, b: PlannedDelivery): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) map.set(item.id, item);
  return map;
}

/**
 * Plans the reminders of one governance: the chat messages that should go out between
 * `now - lookbackDays` and `now + horizonDays`, each with a stable dedupe key. Pure and
 * deterministic: the same input gives the same list, sorted by `dueAt` then `dedupeKey`, so a
 * caller inserts the plan with "insert or ignore" on the key and planning twice adds nothing.
 *
 * What is planned (times are the rules' `sendTime`, 09:00 by default, in the governance's zone,
 * converted to UTC across clock changes):
 * - `milestone_reminder` J-14, J-3, J0 to the milestone's owner (or, when it has none or the
 *   owner was erased, the action's owner), for milestones `a_venir` or `reporte` whose action is
 *   not suspended, abandoned or done. Key `milestone:<id>:<dueDate>:J-3:<person>`. Expires when
 *   the next reminder of the series is due; J0 at the end of the due date.
 * - `milestone_overdue` J+1 then every 7 days (8 at most), same recipient, same key shape
 *   (`…:J+8:<person>`); each expires when the next one is due.
 * - `action_checkin` weekly (Monday) to the owner of each action `en_cours`.
 *   Key `action:<id>:checkin:<ISO week>:<person>`; expires when next week's is due.
 * - `indicator_collection` for entered indicators (`saisie`), on the last working day of each
 *   period (or the first one after it), to each coordinator and to the community channel.
 *   Key `indicator:<id>:<period>:<person or governance id>`; expires 14 days later.
 * - `meeting_agenda` J-7 and J-1 to the members seated on the day of each planned meeting.
 *   Key `meeting:<id>:<meeting date>:J-7:<person>`; expires when the next one is due, J-1 when the
 *   meeting starts.
 * - `funding_deadline` J-30, J-7, J-1 before a funding line's application deadline (while the
 *   line is « envisagé ») and before its report is due (until it is handed in), to the action's
 *   owner and each coordinator. Key `funding:<id>:depot:<date>:J-7:<person>`; expires when the
 *   next one is due, J-1 at the end of the deadline.
 * - `community_digest` weekly (Friday) to the community channel, when the chat binding is
 *   active. Key `digest:<governance id>:<ISO week>`; expires 2 days after its day. Also, with or
 *   without a channel, by e-mail to each person holding a role in the governance or seated on one
 *   of its bodies that day, when e-mail reaches them and they did not turn the digest off.
 *   Key `digest:<governance id>:<ISO week>:<person>:email`.
 *
 * Keys name the nominal day (the due date, the meeting day, the ISO week, the period), never the
 * moved slot: changing a preference or the send time re-plans the same keys, while a rescheduled
 * milestone or meeting gets new keys, so its reminders are sent again for the new date.
 *
 * Each person's preferences then move the slot (see `adjustSlot`): a day up to `pausedUntil`
 * moves to the day after the pause; a weekend or public holiday moves to the previous working day
 * for reminders before a deadline (J-14, J-3, J0, agendas: the point is to be reminded in time)
 * and to the next one for the others, unless the person accepts weekends; a time in quiet hours
 * moves to their end (before a deadline, an evening slot goes to the end of the same day's
 * morning quiet hours instead). A reminder moved to or past its expiry is dropped; two reminders
 * of one series landing on the same day keep only the one closest to the deadline. Channel
 * messages have no quiet hours and follow working days, the digest moving earlier (Thursday when
 * Friday is off), collections later.
 *
 * Persons reached neither by chat nor by e-mail (`mediaOf`), and erased persons, get nothing:
 * there is nowhere to send to.
 *
 * The window looks back `lookbackDays` (7) so that a re-plan after a downtime still yields the
 * missed reminders; the dispatcher marks expired those already past `expiresAt`.
 *
 * @example
 * const deliveries = planReminders({ governance, now: clock.now(), milestones, actions, persons });
 * await outbox.insertIgnoringDuplicates(deliveries);
 */
export function planReminders(input: PlanRemindersInput): PlannedDelivery[] {
  const nowMs = Date.parse(input.now);
  if (Number.isNaN(nowMs)) {
    throw new ValidationError([
      {
        path: ['now'],
        message: 'Date et heure attendues au format ISO 8601 (ex. 2024-05-14T08:00:00Z).',
      },
    ]);
  }
  const horizonDays = checkDays(input.horizonDays ?? DEFAULT_HORIZON_DAYS, 'horizonDays', 366);
  const lookbackDays = checkDays(input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS, 'lookbackDays', 90);
  const { governance } = input;
  const zone = governance.timeZone;
  const rules = governance.reminderRules ?? DEFAULT_REMINDER_RULES;
  const windowStart = new Date(nowMs - lookbackDays * DAY_MS).toISOString();
  const windowEnd = new Date(nowMs + horizonDays * DAY_MS).toISOString();

  const persons = byId(input.persons ?? []);
  const reachable = new Map<string, SlotPolicy>();
  const media: Planner['media'] = new Map();
  for (const person of persons.values()) {
    if (mediaOf(person).length > 0) {
      reachable.set(person.id, policyOf(person.reminders));
      const through = (kind: DeliveryKind) => mediaOf(person, kind);
      media.set(person.id, { media: through, pausedKinds: person.reminders.pausedKinds ?? [] });
    }
  }
  const planner: Planner = {
    governanceId: governance.id,
    zone,
    rules,
    sendMinutes: minutesOf(rules.sendTime),
    windowStart,
    windowEnd,
    firstDate: localDate(windowStart, zone),
    lastDate: localDate(windowEnd, zone),
    reachable,
    media,
    out: [],
  };
  const actions = input.actions ?? [];
  planMilestones(planner, input.milestones ?? [], byId(actions), persons);
  planCheckins(planner, actions);
  planCollections(planner, governance, input.indicators ?? []);
  planMeetings(planner, input.meetings ?? [], byId(input.bodies ?? []));
  planFundingDeadlines(planner, governance, input.fundingLines ?? [], byId(actions));
  planDigests(planner, governance, input.bodies ?? []);

  planner.out.sort(byDueAtThenKey);
  // The same entity listed twice in the input would give the same key twice: keep the first.
  const seen = new Set<string>();
  return planner.out.filter((delivery) => {
    if (seen.has(delivery.dedupeKey)) return false;
    seen.add(delivery.dedupeKey);
    return true;
  });
}
