import { z } from 'zod';
import { enumOf } from '../shared/entity.ts';
import { TimeOfDay } from '../shared/time.ts';

/**
 * A governance's reminder rules: which reminders exist, when they are due, and whether each kind
 * is on. The defaults are those of the field (DOMAIN.md §4): J-14, J-3 and J0 before a
 * milestone, then J+1 and every 7 days while it is late; a Monday check-in for action owners;
 * indicator collection at the end of each period; meeting agendas at J-7 and J-1; a Friday digest
 * in the community channel; funding deadlines at J-30, J-7 and J-1. Everything is sent at 09:00 in the governance's time zone, then moved
 * by each person's preferences (see `planReminders`).
 */

const enabled = z.boolean().default(true).describe('Rappels de ce type activés');

const DayOffset = z
  .number()
  .int('Nombre entier de jours attendu.')
  .min(0, 'Un nombre de jours ne peut pas être négatif.')
  .max(90, 'Au plus 90 jours.');

/** Days before a date, deduplicated and sorted from the furthest to the closest (14, 3, 0). */
function daysBefore(defaults: number[]) {
  return z
    .array(DayOffset)
    .min(1, 'Au moins un rappel attendu (désactivez ce type de rappel sinon).')
    .max(10, 'Au plus 10 rappels.')
    .transform((list) => [...new Set(list)].sort((a, b) => b - a))
    .default(defaults);
}

/**
 * A day of the working week, ISO numbering (1 = Monday … 5 = Friday). Weekly reminders are tied
 * to a working day: a Saturday digest would be moved off the weekend every week anyway.
 */
const WorkingWeekday = z
  .number()
  .int('Jour de la semaine attendu : 1 (lundi) à 5 (vendredi).')
  .min(1, 'Jour de la semaine attendu : 1 (lundi) à 5 (vendredi).')
  .max(5, 'Jour de la semaine attendu : 1 (lundi) à 5 (vendredi).');

export const collectionMomentLabels = {
  fin_de_periode: 'Dernier jour ouvré de la période',
  debut_periode_suivante: 'Premier jour ouvré après la période',
} as const;
/** When an indicator's figure is asked for: as its period closes, or once it is over. */
export const CollectionMoment = enumOf(collectionMomentLabels);
export type CollectionMoment = z.infer<typeof CollectionMoment>;

export const MilestoneReminderRules = z.object({
  enabled,
  /** Days before the due date; 0 is the due date itself (J0). */
  daysBefore: daysBefore([14, 3, 0]),
});
export type MilestoneReminderRules = z.infer<typeof MilestoneReminderRules>;

export const MilestoneOverdueRules = z.object({
  enabled,
  /** The first overdue reminder, in days after the due date (J+1). */
  firstAfterDays: z
    .number()
    .int('Nombre entier de jours attendu.')
    .min(1, 'Au moins 1 jour après l’échéance.')
    .max(30, 'Au plus 30 jours.')
    .default(1),
  /** Days between two overdue reminders. */
  everyDays: z
    .number()
    .int('Nombre entier de jours attendu.')
    .min(1, 'Au moins 1 jour entre deux relances.')
    .max(90, 'Au plus 90 jours.')
    .default(7),
  /** How many overdue reminders at most: past that, the coordinator takes over. */
  maxCount: z
    .number()
    .int('Nombre entier attendu.')
    .min(1, 'Au moins une relance.')
    .max(52, 'Au plus 52 relances.')
    .default(8),
});
export type MilestoneOverdueRules = z.infer<typeof MilestoneOverdueRules>;

export const ActionCheckinRules = z.object({
  enabled,
  /** The day of the week the owner of each action `en_cours` is asked for news. */
  weekday: WorkingWeekday.default(1),
});
export type ActionCheckinRules = z.infer<typeof ActionCheckinRules>;

export const IndicatorCollectionRules = z.object({
  enabled,
  moment: CollectionMoment.default('fin_de_periode'),
  /**
   * Also ask in the community channel (when the governance has an active chat binding): the
   * advisers and associations who hold the figures are there, not only the coordinators.
   */
  toChannel: z.boolean().default(true).describe('Demander aussi dans le salon de la communauté'),
});
export type IndicatorCollectionRules = z.infer<typeof IndicatorCollectionRules>;

export const MeetingAgendaRules = z.object({
  enabled,
  /** Days before the meeting the members receive its agenda. */
  daysBefore: daysBefore([7, 1]),
});
export type MeetingAgendaRules = z.infer<typeof MeetingAgendaRules>;

export const FundingDeadlineRules = z.object({
  enabled,
  /**
   * Days before an application deadline or a report due, to the action's owner and the
   * coordination: a grant application takes weeks to put together (J-30, J-7, J-1).
   */
  daysBefore: daysBefore([30, 7, 1]),
});
export type FundingDeadlineRules = z.infer<typeof FundingDeadlineRules>;

export const CommunityDigestRules = z.object({
  enabled,
  /** The day of the week the digest is posted in the community channel. */
  weekday: WorkingWeekday.default(5),
});
export type CommunityDigestRules = z.infer<typeof CommunityDigestRules>;

/**
 * The reminder rules of one governance. Every part has defaults, so `ReminderRules.parse({})`
 * gives the field's defaults and a partial object changes only what it names.
 *
 * @example
 * const rules = ReminderRules.parse({ sendTime: '08:30', communityDigest: { enabled: false } });
 * rules.milestoneReminder.daysBefore; // [14, 3, 0]
 */
export const ReminderRules = z.object({
  /** The local time of day, in the governance's time zone, at which reminders are due. */
  sendTime: TimeOfDay.default('09:00'),
  milestoneReminder: MilestoneReminderRules.prefault({}),
  milestoneOverdue: MilestoneOverdueRules.prefault({}),
  actionCheckin: ActionCheckinRules.prefault({}),
  indicatorCollection: IndicatorCollectionRules.prefault({}),
  meetingAgenda: MeetingAgendaRules.prefault({}),
  fundingDeadline: FundingDeadlineRules.prefault({}),
  communityDigest: CommunityDigestRules.prefault({}),
});
export type ReminderRules = z.infer<typeof ReminderRules>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The field's default rules. Frozen: zod hands a shallow copy of a default to every parsed
 * governance, so the nested objects are shared, and a change through one governance must fail
 * loudly rather than silently change everybody's rules.
 *
 * @example
 * DEFAULT_REMINDER_RULES.milestoneOverdue;
 * // { enabled: true, firstAfterDays: 1, everyDays: 7, maxCount: 8 }
 */
export const DEFAULT_REMINDER_RULES: ReminderRules = deepFreeze(ReminderRules.parse({}));
