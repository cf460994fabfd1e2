import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../shared/time.ts';
import { dateOfDayNumber, dayNumber, shiftDate, weekdayOf } from './dates.ts';

describe('date arithmetic without Date', () => {
  it('counts days from 1970-01-01, across leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-05-20')).toBe(19_863);
    expect(dateOfDayNumber(19_863)).toBe('2024-05-20');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2100-02-28', 1)).toBe('2100-03-01');
    expect(shiftDate('2000-02-28', 1)).toBe('2000-02-29');
    expect(shiftDate('2025-01-02', -3)).toBe('2024-12-30');
  });

  it('agrees with the kernel’s Date-based addDays and isoWeekday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -25_000, max: 80_000 }),
        fc.integer({ min: -800, max: 800 }),
        (start, shift) => {
          const date = addDays('1970-01-01', start);
          expect(shiftDate(date, shift)).toBe(addDays(date, shift));
          expect(weekdayOf(date)).toBe(isoWeekday(date));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
