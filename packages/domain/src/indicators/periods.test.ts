import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { addDays } from '../shared/time.ts';
import type { Periodicity } from './period.ts';
import { Period } from './period.ts';
import {
  comparePeriods,
  encloses,
  firstDay,
  formatPeriod,
  formatPeriodLabel,
  lastDay,
  nextPeriod,
  type ParsedPeriod,
  type PeriodKind,
  parsePeriod,
  periodContaining,
  periodElapsedShare,
  periodicityOf,
  periodKindOf,
  periodsWithin,
  previousPeriod,
} from './periods.ts';

const COUNT: Record<PeriodKind, number> = { annee: 1, semestre: 2, trimestre: 4, mois: 12 };
const PERIODICITIES: Periodicity[] = ['annuelle', 'semestrielle', 'trimestrielle', 'mensuelle'];

/** Any valid parsed period, years 0000 to 9999. */
const parsedPeriod = fc
  .constantFrom<PeriodKind>('annee', 'semestre', 'trimestre', 'mois')
  .chain((kind) =>
    fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      kind: fc.constant(kind),
      index: fc.integer({ min: 1, max: COUNT[kind] }),
    }),
  );

/** Any valid period string, built from its text form rather than from `formatPeriod`. */
const periodText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 2 }).map((s) => `-S${s}`),
      fc.integer({ min: 1, max: 4 }).map((t) => `-T${t}`),
      fc.integer({ min: 1, max: 12 }).map((m) => `-${String(m).padStart(2, '0')}`),
    ),
  )
  .map(([year, suffix]) => `${String(year).padStart(4, '0')}${suffix}`);

/** A real calendar date between 1900 and 2200. */
const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2200-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('parsePeriod and formatPeriod', () => {
  it('take apart the four kinds of period', () => {
    expect(parsePeriod('2024')).toEqual({ year: 2024, kind: 'annee', index: 1 });
    expect(parsePeriod('2024-S2')).toEqual({ year: 2024, kind: 'semestre', index: 2 });
    expect(parsePeriod('2024-T2')).toEqual({ year: 2024, kind: 'trimestre', index: 2 });
    expect(parsePeriod('2024-05')).toEqual({ year: 2024, kind: 'mois', index: 5 });
  });

  it('refuse what is not a period with a French validation error', () => {
    for (const bad of ['2024-13', '2024-T5', '2024-S3', '24', '2024-5', '2024-t2', ' 2024', '']) {
      expect(() => parsePeriod(bad)).toThrow(ValidationError);
    }
    expect(() => parsePeriod('2024-T5')).toThrow(/Période invalide/);
  });

  it('refuse parts that make no period', () => {
    expect(() => formatPeriod({ year: 2024, kind: 'trimestre', index: 5 })).toThrow(
      /trimestre invalide/,
    );
    expect(() => formatPeriod({ year: 10_000, kind: 'annee', index: 1 })).toThrow(ValidationError);
  });

  it('round-trip every valid period string', () => {
    fc.assert(
      fc.property(periodText, (text) => {
        expect(Period.safeParse(text).success).toBe(true);
        expect(formatPeriod(parsePeriod(text))).toBe(text);
      }),
    );
  });

  it('round-trip every valid parsed period', () => {
    fc.assert(
      fc.property(parsedPeriod, (parsed: ParsedPeriod) => {
        const text = formatPeriod(parsed);
        expect(Period.safeParse(text).success).toBe(true);
        expect(parsePeriod(text)).toEqual(parsed);
      }),
    );
  });

  it('tell the periodicity of a period', () => {
    expect(periodicityOf('2024')).toBe('annuelle');
    expect(periodicityOf('2024-S1')).toBe('semestrielle');
    expect(periodicityOf('2024-T3')).toBe('trimestrielle');
    expect(periodicityOf('2024-11')).toBe('mensuelle');
  });
});

describe('encloses', () => {
  it('puts semesters, quarters and months inside their year', () => {
    expect(encloses('2024', '2024-S1')).toBe(true);
    expect(encloses('2024', '2024-T2')).toBe(true);
    expect(encloses('2024', '2024-05')).toBe(true);
    expect(encloses('2024', '2025-01')).toBe(false);
  });

  it('puts the first two quarters and six months inside the first semester, no more', () => {
    expect(encloses('2024-S1', '2024-T1')).toBe(true);
    expect(encloses('2024-S1', '2024-T2')).toBe(true);
    expect(encloses('2024-S1', '2024-T3')).toBe(false);
    expect(encloses('2024-S1', '2024-01')).toBe(true);
    expect(encloses('2024-S1', '2024-06')).toBe(true);
    expect(encloses('2024-S1', '2024-07')).toBe(false);
  });

  it('never lets a shorter period enclose a longer one, and a period encloses itself', () => {
    expect(encloses('2024-T2', '2024-S1')).toBe(false);
    expect(encloses('2024-05', '2024')).toBe(false);
    expect(encloses('2024-T2', '2024-T2')).toBe(true);
  });
});

describe('periodsWithin', () => {
  it('cuts a period into the periods of a shorter periodicity, in order', () => {
    expect(periodsWithin('2024-S1', 'trimestrielle')).toEqual(['2024-T1', '2024-T2']);
    expect(periodsWithin('2024-T2', 'mensuelle')).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(periodsWithin('2024', 'semestrielle')).toEqual(['2024-S1', '2024-S2']);
    expect(periodsWithin('2024-05', 'mensuelle')).toEqual(['2024-05']);
  });

  it('refuses to cut a period into longer ones', () => {
    expect(() => periodsWithin('2024-T1', 'annuelle')).toThrow(ValidationError);
  });

  it('gives periods that the outer one encloses and that tile it exactly', () => {
    fc.assert(
      fc.property(periodText, fc.constantFrom(...PERIODICITIES), (outer, periodicity) => {
        const perYear = COUNT[periodKindOf(periodicity)];
        const outerPerYear = COUNT[parsePeriod(outer).kind];
        if (perYear < outerPerYear) return;
        const inner = periodsWithin(outer, periodicity);
        expect(inner).toHaveLength(perYear / outerPerYear);
        expect(inner.every((p) => encloses(outer, p))).toBe(true);
        expect(firstDay(inner[0] ?? '')).toBe(firstDay(outer));
        expect(lastDay(inner.at(-1) ?? '')).toBe(lastDay(outer));
      }),
    );
  });
});

describe('comparePeriods', () => {
  it('orders by start, the longer period first when two start together', () => {
    const sorted = ['2024-05', '2024-T1', '2024', '2023-T4', '2024-S1', '2024-01'].sort(
      comparePeriods,
    );
    expect(sorted).toEqual(['2023-T4', '2024', '2024-S1', '2024-T1', '2024-01', '2024-05']);
  });

  it('is antisymmetric and says 0 only for the same period', () => {
    fc.assert(
      fc.property(periodText, periodText, (a, b) => {
        expect(comparePeriods(a, b)).toBe(-comparePeriods(b, a) || 0);
        expect(comparePeriods(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe('periodContaining', () => {
  it('finds the period of each periodicity around a date', () => {
    expect(periodContaining('2024-05-14', 'mensuelle')).toBe('2024-05');
    expect(periodContaining('2024-05-14', 'trimestrielle')).toBe('2024-T2');
    expect(periodContaining('2024-07-01', 'semestrielle')).toBe('2024-S2');
    expect(periodContaining('2024-12-31', 'annuelle')).toBe('2024');
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodContaining('2023-02-29', 'mensuelle')).toThrow(ValidationError);
  });

  it('gives a period whose first and last days frame the date', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...PERIODICITIES), (date, periodicity) => {
        const period = periodContaining(date, periodicity);
        expect(firstDay(period) <= date && date <= lastDay(period)).toBe(true);
        expect(encloses(periodContaining(date, 'annuelle'), period)).toBe(true);
      }),
    );
  });
});

describe('firstDay and lastDay', () => {
  it('give calendar dates, with 29 February in leap years only', () => {
    expect(firstDay('2024-T2')).toBe('2024-04-01');
    expect(lastDay('2024-T2')).toBe('2024-06-30');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('1900-02')).toBe('1900-02-28');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('2024')).toBe('2024-12-31');
    expect(lastDay('2024-S1')).toBe('2024-06-30');
  });
});

describe('nextPeriod and previousPeriod', () => {
  it('cross year ends', () => {
    expect(nextPeriod('2024-T4')).toBe('2025-T1');
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-S1')).toBe('2023-S2');
    expect(nextPeriod('2024')).toBe('2025');
  });

  it('undo each other and follow each other without gap or overlap', () => {
    fc.assert(
      fc.property(periodText, (period) => {
        const year = parsePeriod(period).year;
        if (year < 1900 || year > 2199) return;
        expect(previousPeriod(nextPeriod(period))).toBe(period);
        expect(firstDay(nextPeriod(period))).toBe(addDays(lastDay(period), 1));
      }),
      { numRuns: 300 },
    );
  });

  it('refuse to leave the years 0000 to 9999', () => {
    expect(() => nextPeriod('9999-12')).toThrow(ValidationError);
    expect(() => previousPeriod('0000')).toThrow(ValidationError);
  });
});

describe('formatPeriodLabel', () => {
  it('writes periods as a French report does', () => {
    expect(formatPeriodLabel('2024-T2')).toBe('2e trimestre 2024');
    expect(formatPeriodLabel('2024-T1')).toBe('1er trimestre 2024');
    expect(formatPeriodLabel('2024-05')).toBe('mai 2024');
    expect(formatPeriodLabel('2024-08')).toBe('août 2024');
    expect(formatPeriodLabel('2024-S1')).toBe('1er semestre 2024');
    expect(formatPeriodLabel('2024-S2')).toBe('2e semestre 2024');
    expect(formatPeriodLabel('2024')).toBe('2024');
  });
});

describe('periodElapsedShare', () => {
  it('is 0 before, 1 from the last day, and grows by days in between', () => {
    expect(periodElapsedShare('2024', '2023-12-31')).toBe(0);
    expect(periodElapsedShare('2024', '2024-12-31')).toBe(1);
    expect(periodElapsedShare('2024-04', '2024-04-15')).toBe(0.5);
    expect(periodElapsedShare('2024', '2024-01-01')).toBeCloseTo(1 / 366);
  });
});
