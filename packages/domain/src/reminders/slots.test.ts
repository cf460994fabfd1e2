import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFERENCES } from '../people/person.ts';
import {
  adjustSlot,
  isQuiet,
  minutesOf,
  policyOf,
  type SlotPolicy,
  timeOfMinutes,
} from './slots.ts';

const at = (date: string, time: string) => ({ date, minutes: minutesOf(time) });
const show = (slot: { date: string; minutes: number }) =>
  `${slot.date} ${timeOfMinutes(slot.minutes)}`;

/** Default preferences (quiet 19:00–08:30, no weekends) with some changes. */
function policy(changes: Partial<SlotPolicy> = {}): SlotPolicy {
  return { ...policyOf(DEFAULT_REMINDER_PREFERENCES), ...changes };
}

describe('quiet hours', () => {
  it('crosses midnight: the evening and the early morning are quiet, the day is not', () => {
    const quiet = { from: minutesOf('19:00'), to: minutesOf('08:30') };
    expect(isQuiet(minutesOf('23:30'), quiet)).toBe(true);
    expect(isQuiet(minutesOf('07:00'), quiet)).toBe(true);
    expect(isQuiet(minutesOf('08:30'), quiet)).toBe(false);
    expect(isQuiet(minutesOf('18:59'), quiet)).toBe(false);
    expect(isQuiet(minutesOf('19:00'), quiet)).toBe(true);
  });

  it('moves a late-evening slot to the end of the night, the next morning', () => {
    expect(show(adjustSlot(at('2024-05-14', '23:30'), policy(), 'later'))).toBe('2024-05-15 08:30');
  });

  it('moves an early-morning slot to the end of the same night', () => {
    expect(show(adjustSlot(at('2024-05-14', '07:00'), policy(), 'later'))).toBe('2024-05-14 08:30');
  });

  it('keeps a reminder before a deadline on its day: an evening slot goes to that morning', () => {
    expect(show(adjustSlot(at('2024-05-14', '21:00'), policy(), 'earlier'))).toBe(
      '2024-05-14 08:30',
    );
  });

  it('takes the first morning after a weekend evening, not the evening after the weekend', () => {
    expect(show(adjustSlot(at('2024-06-15', '20:00'), policy(), 'later'))).toBe('2024-06-17 08:30');
  });

  it('moves a Friday-evening slot past the weekend', () => {
    expect(show(adjustSlot(at('2024-05-17', '20:00'), policy(), 'later'))).toBe('2024-05-21 08:30');
  });

  it('handles a window within the day (a lunch break)', () => {
    const lunch = policy({ quietHours: { from: minutesOf('12:00'), to: minutesOf('14:00') } });
    expect(show(adjustSlot(at('2024-05-14', '12:30'), lunch, 'later'))).toBe('2024-05-14 14:00');
    expect(show(adjustSlot(at('2024-05-14', '20:00'), lunch, 'later'))).toBe('2024-05-14 20:00');
  });

  it('reads equal bounds as no quiet hours at all', () => {
    const none = policyOf({
      ...DEFAULT_REMINDER_PREFERENCES,
      quietHours: { from: '09:00', to: '09:00' },
    });
    expect(none.quietHours).toBeUndefined();
    expect(show(adjustSlot(at('2024-05-14', '03:00'), none, 'later'))).toBe('2024-05-14 03:00');
  });
});

describe('days off', () => {
  it('moves later to the next working day, or earlier to the previous one', () => {
    expect(show(adjustSlot(at('2024-05-09', '09:00'), policy(), 'later'))).toBe('2024-05-10 09:00');
    expect(show(adjustSlot(at('2024-05-09', '09:00'), policy(), 'earlier'))).toBe(
      '2024-05-07 09:00',
    );
  });

  it('leaves weekends and holidays alone for a person who accepts them', () => {
    const any = policy({ weekends: true });
    expect(show(adjustSlot(at('2024-07-14', '09:00'), any, 'later'))).toBe('2024-07-14 09:00');
    expect(show(adjustSlot(at('2024-05-18', '09:00'), any, 'earlier'))).toBe('2024-05-18 09:00');
  });
});

describe('pauses', () => {
  it('holds everything up to the end of the last day of leave', () => {
    const leave = policy({ pausedUntil: '2024-08-16' });
    // 16 August 2024 is a Friday: the first allowed day is Monday 19.
    expect(show(adjustSlot(at('2024-08-05', '09:00'), leave, 'later'))).toBe('2024-08-19 09:00');
    expect(show(adjustSlot(at('2024-08-17', '09:00'), leave, 'later'))).toBe('2024-08-19 09:00');
    expect(show(adjustSlot(at('2024-08-20', '09:00'), leave, 'later'))).toBe('2024-08-20 09:00');
  });

  it('never moves a reminder back into the pause, even before a deadline', () => {
    // Due Monday 19 August: J0 would go to Friday 16, which is still leave, so it goes after.
    const leave = policy({ pausedUntil: '2024-08-16' });
    expect(show(adjustSlot(at('2024-08-18', '09:00'), leave, 'earlier'))).toBe('2024-08-19 09:00');
  });
});
