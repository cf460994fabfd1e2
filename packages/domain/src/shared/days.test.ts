import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfDayNumber, dayNumber, daysBetween, isoWeekday } from './time.ts';

describe('date arithmetic without Date', () => {
  it('counts days from 1970-01-01, across leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-05-20')).toBe(19_863);
    expect(dateOfDayNumber(19_863)).toBe('2024-05-20');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2025-01-02', -3)).toBe('2024-12-30');
  });

  it('agrees with the JavaScript calendar on every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -25_567, max: 84_000 }),
        fc.integer({ min: -800, max: 800 }),
        (start, shift) => {
          const reference = (days: number) => new Date(days * 86_400_000);
          const date = reference(start).toISOString().slice(0, 10);
          const later = reference(start + shift);
          expect(addDays(date, shift)).toBe(later.toISOString().slice(0, 10));
          expect(daysBetween(date, addDays(date, shift))).toBe(shift);
          expect(isoWeekday(date)).toBe(reference(start).getUTCDay() || 7);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
