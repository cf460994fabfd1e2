import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TerritoryRef } from '../actors/territory.ts';
import { ValidationError } from '../shared/errors.ts';
import { aggregateOverTime, currentMeasurements, type MeasurementValue } from './aggregation.ts';
import type { Indicator } from './indicator.ts';
import { periodsWithin } from './periods.ts';

const LA_ROCHELLE: TerritoryRef = { level: 'epci', code: '241700434' };
const SICOVAL: TerritoryRef = { level: 'epci', code: '243100518' };

function indicator(
  timeAggregation: Indicator['timeAggregation'],
  periodicity: Indicator['periodicity'] = 'mensuelle',
): Pick<Indicator, 'id' | 'periodicity' | 'timeAggregation'> {
  return { id: 'ind_personnes01', periodicity, timeAggregation };
}

function measurement(
  period: string,
  value: number,
  more: Partial<MeasurementValue> = {},
): MeasurementValue {
  return {
    indicatorId: 'ind_personnes01',
    territory: LA_ROCHELLE,
    period,
    value,
    status: 'valide',
    revision: 1,
    ...more,
  };
}

/** Twelve monthly values of 2024: 10, 20, … 120. */
function year2024(): MeasurementValue[] {
  return periodsWithin('2024', 'mensuelle').map((month, i) => measurement(month, (i + 1) * 10));
}

describe('currentMeasurements', () => {
  it('keeps only the latest revision of each indicator, territory and period', () => {
    const first = measurement('2024-05', 40);
    const correction = measurement('2024-05', 42, { revision: 2 });
    const june = measurement('2024-06', 50);
    const elsewhere = measurement('2024-05', 7, { territory: SICOVAL });
    expect(currentMeasurements([correction, first, june, elsewhere])).toEqual([
      correction,
      june,
      elsewhere,
    ]);
  });

  it('breaks a tie between two equal revisions by the later recording', () => {
    const early = measurement('2024-05', 40, { recordedAt: '2024-06-01T08:00:00.000Z' });
    const late = measurement('2024-05', 41, { recordedAt: '2024-06-01T09:00:00.000Z' });
    expect(currentMeasurements([late, early])).toEqual([late]);
  });
});

describe('aggregateOverTime', () => {
  it('adds up the months of a year for a "somme" indicator', () => {
    const result = aggregateOverTime(indicator('somme'), year2024(), LA_ROCHELLE, '2024');
    expect(result).toEqual({
      value: 780,
      periods: 12,
      expected: 12,
      missing: [],
      upcoming: [],
      provisional: false,
    });
  });

  it('takes the last month with a value for "dernier", the mean for "moyenne", the largest for "max"', () => {
    const values = year2024().filter((m) => m.period !== '2024-12');
    expect(aggregateOverTime(indicator('dernier'), values, LA_ROCHELLE, '2024').value).toBe(110);
    expect(aggregateOverTime(indicator('moyenne'), values, LA_ROCHELLE, '2024-T1').value).toBe(20);
    expect(aggregateOverTime(indicator('max'), values, LA_ROCHELLE, '2024-S1').value).toBe(60);
  });

  it('lists the months without a value so the coordinator sees the figure is incomplete', () => {
    const values = year2024().filter((m) => m.period !== '2024-03' && m.period !== '2024-08');
    const result = aggregateOverTime(indicator('somme'), values, LA_ROCHELLE, '2024');
    expect(result.value).toBe(780 - 30 - 80);
    expect(result.periods).toBe(10);
    expect(result.missing).toEqual(['2024-03', '2024-08']);
  });

  it('does not call late the months not over yet at the date of the report', () => {
    const values = year2024().filter((m) => m.period < '2024-05' && m.period !== '2024-02');
    const result = aggregateOverTime(indicator('somme'), values, LA_ROCHELLE, '2024', {
      asOf: '2024-05-31',
    });
    expect(result.missing).toEqual(['2024-02']);
    expect(result.upcoming).toEqual(periodsWithin('2024', 'mensuelle').slice(4));
  });

  it('gives no value, not 0, when no month has one', () => {
    const result = aggregateOverTime(indicator('somme'), [], LA_ROCHELLE, '2024-T3');
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['2024-07', '2024-08', '2024-09']);
  });

  it('says the figure is provisional when one of its values is', () => {
    const values = year2024().map((m) =>
      m.period === '2024-04' ? { ...m, status: 'provisoire' as const } : m,
    );
    expect(aggregateOverTime(indicator('somme'), values, LA_ROCHELLE, '2024').provisional).toBe(
      true,
    );
    expect(aggregateOverTime(indicator('somme'), values, LA_ROCHELLE, '2024-T1').provisional).toBe(
      false,
    );
    // "dernier" rests on December only.
    expect(aggregateOverTime(indicator('dernier'), values, LA_ROCHELLE, '2024').provisional).toBe(
      false,
    );
  });

  it('uses a corrected value in place of the old one, which stays in the list', () => {
    const values = year2024();
    const correction = measurement('2024-05', 500, { revision: 2, status: 'provisoire' });
    const all = [...values, correction];
    const result = aggregateOverTime(indicator('somme'), all, LA_ROCHELLE, '2024');
    expect(result.value).toBe(780 - 50 + 500);
    expect(result.provisional).toBe(true);
    expect(all).toHaveLength(13);
    expect(all).toContainEqual(measurement('2024-05', 50));
  });

  it('ignores other indicators, other territories and values at another periodicity', () => {
    const noise = [
      measurement('2024-05', 1_000, { indicatorId: 'ind_autre00001' }),
      measurement('2024-05', 1_000, { territory: SICOVAL }),
      measurement('2024', 1_000),
      measurement('2024-T2', 1_000),
      measurement('2025-01', 1_000),
    ];
    const result = aggregateOverTime(
      indicator('somme'),
      [...year2024(), ...noise],
      LA_ROCHELLE,
      '2024',
    );
    expect(result.value).toBe(780);
  });

  it('refuses a period shorter than the indicator’s periodicity', () => {
    expect(() =>
      aggregateOverTime(indicator('somme', 'trimestrielle'), [], LA_ROCHELLE, '2024-05'),
    ).toThrow(ValidationError);
  });

  it('gives, for "somme", the year as the sum of its months and of its quarters', () => {
    const monthly = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      value: fc.integer({ min: 0, max: 10_000 }),
      revision: fc.integer({ min: 1, max: 3 }),
      provisional: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(monthly, { maxLength: 40 }), (drawn) => {
        const values = drawn.map((d) =>
          measurement(`2024-${String(d.month).padStart(2, '0')}`, d.value, {
            revision: d.revision,
            status: d.provisional ? 'provisoire' : 'valide',
          }),
        );
        const sum = indicator('somme');
        const year = aggregateOverTime(sum, values, LA_ROCHELLE, '2024');
        const months = periodsWithin('2024', 'mensuelle').map((m) =>
          aggregateOverTime(sum, values, LA_ROCHELLE, m),
        );
        const quarters = periodsWithin('2024', 'trimestrielle').map((q) =>
          aggregateOverTime(sum, values, LA_ROCHELLE, q),
        );
        const current = currentMeasurements(values).reduce((total, m) => total + m.value, 0);
        expect(year.value ?? 0).toBe(current);
        expect(months.reduce((total, m) => total + (m.value ?? 0), 0)).toBe(year.value ?? 0);
        expect(quarters.reduce((total, q) => total + (q.value ?? 0), 0)).toBe(year.value ?? 0);
        expect(months.flatMap((m) => m.missing)).toEqual(year.missing);
        expect(months.some((m) => m.provisional)).toBe(year.provisional);
      }),
    );
  });
});
