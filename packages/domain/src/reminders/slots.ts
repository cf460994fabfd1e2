import type { ReminderPreferences } from '../people/person.ts';
import { addDays } from '../shared/time.ts';
import { isWorkingDay } from './holidays.ts';

/**
 * Moving a reminder's slot to a time its recipient accepts. Everything here is local wall-clock
 * time in the governance's time zone: preferences are written that way ("not after 19:00",
 * "on leave until 12 August"), and the conversion to a UTC instant comes last.
 */

/** A local slot: a calendar day and a time of day in minutes after midnight. */
export interface LocalSlot {
  date: string;
  minutes: number;
}

/**
 * Where a slot goes when it falls on a day off. A reminder *before* a deadline moves earlier, so
 * that it still arrives before the deadline (J0 on Ascension Thursday goes to Tuesday, 8 May being
 * off too); an overdue reminder, a check-in or a collection moves later.
 */
export type MoveDirection = 'earlier' | 'later';

/**
 * What a recipient accepts, ready for the planner: quiet hours in minutes, whether weekends and
 * public holidays are fine, and the last day of a pause.
 */
export interface SlotPolicy {
  /** `[from, to)` in minutes after midnight; `from > to` crosses midnight. Absent: none. */
  quietHours?: { from: number; to: number } | undefined;
  /** Accepts reminders on weekends and public holidays. */
  weekends: boolean;
  /** Nothing before the end of this day (`YYYY-MM-DD`). */
  pausedUntil?: string | undefined;
}

/** The policy of a community channel: working days only, any time of the working day. */
export const CHANNEL_POLICY: SlotPolicy = Object.freeze({ weekends: false });

/**
 * Minutes after midnight of a `HH:MM` time.
 *
 * @example
 * minutesOf('08:30'); // 510
 */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * `HH:MM` of minutes after midnight.
 *
 * @example
 * timeOfMinutes(510); // "08:30"
 */
export function timeOfMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours < 10 ? '0' : ''}${hours}:${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * The slot policy of a person's reminder preferences. Equal `from` and `to` mean no quiet hours
 * (an empty window), not a silent day: a person who wants silence pauses instead.
 *
 * @example
 * policyOf({
 *   channel: 'message_prive',
 *   quietHours: { from: '19:00', to: '08:30' },
 *   weekends: false,
 * });
 * // { quietHours: { from: 1140, to: 510 }, weekends: false, pausedUntil: undefined }
 */
export function policyOf(preferences: ReminderPreferences): SlotPolicy {
  const from = minutesOf(preferences.quietHours.from);
  const to = minutesOf(preferences.quietHours.to);
  return {
    quietHours: from === to ? undefined : { from, to },
    weekends: preferences.weekends,
    pausedUntil: preferences.pausedUntil,
  };
}

/**
 * Tells whether a time of day (minutes) falls in quiet hours `[from, to)`.
 *
 * @example
 * isQuiet(23 * 60, { from: 19 * 60, to: 8 * 60 + 30 }); // true
 */
export function isQuiet(minutes: number, quiet: SlotPolicy['quietHours']): boolean {
  if (!quiet) return false;
  return quiet.from < quiet.to
    ? minutes >= quiet.from && minutes < quiet.to
    : minutes >= quiet.from || minutes < quiet.to;
}

// Each step moves a slot forward, or backward to a day that is then stable: a handful of rounds
// settle any combination. The bound only guards against a bug turning into an endless loop.
const MAX_ROUNDS = 32;

/**
 * The first slot, from `slot` in `direction`, that the policy accepts:
 * - a day up to `pausedUntil` moves to the day after, same time, and from then on only later
 *   (nothing may come back into the pause);
 * - a time in quiet hours moves to their end. For a window that crosses midnight, an evening
 *   slot goes to the end of the night (the next morning) when moving later, and to the morning
 *   of the same day when moving earlier, so a reminder before a deadline stays before it;
 * - a weekend or public holiday moves to the next working day (`later`) or the previous one
 *   (`earlier`), same time, unless the recipient accepts weekends.
 *
 * @example
 * adjustSlot({ date: '2024-05-09', minutes: 540 }, { weekends: false }, 'earlier');
 * // { date: "2024-05-07", minutes: 540 }
 */
export function adjustSlot(
  slot: LocalSlot,
  policy: SlotPolicy,
  direction: MoveDirection,
): LocalSlot {
  let { date, minutes } = slot;
  let towards = direction;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    if (policy.pausedUntil !== undefined && date <= policy.pausedUntil) {
      date = addDays(policy.pausedUntil, 1);
      towards = 'later';
      moved = true;
    }
    // Quiet hours before days off: Saturday 20:00 becomes Sunday 08:30, then Monday 08:30 —
    // the other way round it would be Monday 20:00, hence Tuesday 08:30.
    const quiet = policy.quietHours;
    if (quiet && isQuiet(minutes, quiet)) {
      if (quiet.from > quiet.to && minutes >= quiet.from && towards === 'later') {
        date = addDays(date, 1);
      }
      minutes = quiet.to;
      moved = true;
    }
    if (!policy.weekends && !isWorkingDay(date)) {
      const step = towards === 'later' ? 1 : -1;
      do date = addDays(date, step);
      while (!isWorkingDay(date));
      moved = true;
    }
    if (!moved) return { date, minutes };
  }
  throw new Error(`Créneau introuvable à partir du ${slot.date} : préférences incohérentes.`);
}
