import { describe, expect, it } from 'vitest';
import { collectionDay, isoWeekOf, periodsOfYear } from './calendar.ts';

describe('isoWeekOf', () => {
  it.each([
    ['2024-05-20', '2024-W21'],
    ['2024-01-01', '2024-W01'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-12-31', '2026-W53'],
  ])('puts %s in week %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
});

describe('periodsOfYear', () => {
  it('names periods as measurements do and knows their last day', () => {
    expect(periodsOfYear(2024, 'mensuelle')[1]).toEqual({
      period: '2024-02',
      lastDay: '2024-02-29',
    });
    expect(periodsOfYear(2024, 'mensuelle')[11]).toEqual({
      period: '2024-12',
      lastDay: '2024-12-31',
    });
    expect(periodsOfYear(2024, 'trimestrielle').map((p) => p.lastDay)).toEqual([
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
    ]);
    expect(periodsOfYear(2024, 'semestrielle').map((p) => p.period)).toEqual([
      '2024-S1',
      '2024-S2',
    ]);
    expect(periodsOfYear(2024, 'annuelle')).toEqual([{ period: '2024', lastDay: '2024-12-31' }]);
  });
});

describe('collectionDay', () => {
  it('asks on the last working day of the period, or the first one after it', () => {
    const june = { period: '2024-06', lastDay: '2024-06-30' };
    expect(collectionDay(june, 'fin_de_periode')).toBe('2024-06-28');
    expect(collectionDay(june, 'debut_periode_suivante')).toBe('2024-07-01');
    const year = { period: '2024', lastDay: '2024-12-31' };
    expect(collectionDay(year, 'debut_periode_suivante')).toBe('2025-01-02');
  });
});
