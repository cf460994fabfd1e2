import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import type { Indicator } from './indicator.ts';
import { indicatorTargetFor, MAX_ATTAINMENT_RATIO, targetAttainment } from './targets.ts';

function indicator(
  direction: Indicator['direction'],
  targets: Indicator['targets'] = [{ period: '2024', value: 200 }],
): Pick<Indicator, 'direction' | 'targets'> {
  return { direction, targets };
}

describe('indicatorTargetFor', () => {
  it('finds the target of exactly that period, the last one given winning', () => {
    const withTwo = indicator('hausse', [
      { period: '2024', value: 100 },
      { period: '2024-S1', value: 40 },
      { period: '2024', value: 200 },
    ]);
    expect(indicatorTargetFor(withTwo, '2024')?.value).toBe(200);
    expect(indicatorTargetFor(withTwo, '2024-S1')?.value).toBe(40);
    expect(indicatorTargetFor(withTwo, '2024-T1')).toBeUndefined();
  });
});

describe('targetAttainment, more is better ("hausse")', () => {
  it('says "Atteint" from 100 % on, and keeps the ratio above 1', () => {
    expect(targetAttainment(indicator('hausse'), '2024', 240)).toEqual({
      status: 'atteint',
      label: 'Atteint',
      ratio: 1.2,
      target: 200,
      value: 240,
    });
  });

  it('says "En bonne voie" from 80 % and "En retard" below, once the period is over', () => {
    expect(targetAttainment(indicator('hausse'), '2024', 160)).toMatchObject({
      status: 'en_bonne_voie',
      label: 'En bonne voie',
      ratio: 0.8,
    });
    expect(targetAttainment(indicator('hausse'), '2024', 159)).toMatchObject({
      status: 'en_retard',
      label: 'En retard',
    });
  });

  it('judges the pace while the period runs', () => {
    // 90 of 200 at the end of June: 45 % of the target with half the year gone.
    expect(targetAttainment(indicator('hausse'), '2024', 90, { asOf: '2024-06-30' }).status).toBe(
      'en_bonne_voie',
    );
    expect(targetAttainment(indicator('hausse'), '2024', 40, { asOf: '2024-06-30' }).status).toBe(
      'en_retard',
    );
    // Once the year is over, the same 90 is late.
    expect(targetAttainment(indicator('hausse'), '2024', 90, { asOf: '2025-01-15' }).status).toBe(
      'en_retard',
    );
  });

  it('refuses a report date that is not a date', () => {
    expect(() => targetAttainment(indicator('hausse'), '2024', 90, { asOf: '30/06/2024' })).toThrow(
      ValidationError,
    );
  });

  it('caps the ratio at 1 000 %', () => {
    expect(
      targetAttainment(indicator('hausse', [{ period: '2024', value: 1 }]), '2024', 50).ratio,
    ).toBe(MAX_ATTAINMENT_RATIO);
  });
});

describe('targetAttainment, less is better ("baisse")', () => {
  const waiting = indicator('baisse', [{ period: '2024', value: 20 }]);

  it('reads target / value: under the target is attained', () => {
    expect(targetAttainment(waiting, '2024', 16)).toMatchObject({ status: 'atteint', ratio: 1.25 });
    expect(targetAttainment(waiting, '2024', 25)).toMatchObject({
      status: 'en_bonne_voie',
      ratio: 0.8,
    });
    expect(targetAttainment(waiting, '2024', 40)).toMatchObject({
      status: 'en_retard',
      ratio: 0.5,
    });
  });

  it('gives the largest ratio, not an infinite one, when the value falls to 0', () => {
    expect(targetAttainment(waiting, '2024', 0)).toMatchObject({
      status: 'atteint',
      ratio: MAX_ATTAINMENT_RATIO,
    });
  });

  it('reads a target of 0 as met or not', () => {
    const none = indicator('baisse', [{ period: '2024', value: 0 }]);
    expect(targetAttainment(none, '2024', 0)).toMatchObject({ status: 'atteint', ratio: 1 });
    expect(targetAttainment(none, '2024', 3)).toMatchObject({ status: 'en_retard', ratio: 0 });
  });
});

describe('targetAttainment, keep a level ("stable")', () => {
  const level = indicator('stable', [{ period: '2024', value: 100 }]);

  it('is attained within 5 % either way, and shows the gap otherwise', () => {
    expect(targetAttainment(level, '2024', 104)).toMatchObject({ status: 'atteint', ratio: 0.96 });
    expect(targetAttainment(level, '2024', 95)).toMatchObject({ status: 'atteint', ratio: 0.95 });
    expect(targetAttainment(level, '2024', 110)).toMatchObject({
      status: 'ecart',
      label: 'Écart à la cible',
    });
    expect(targetAttainment(level, '2024', 300)).toMatchObject({ status: 'ecart', ratio: 0 });
  });
});

describe('targetAttainment without a target or a value', () => {
  it('says "Sans cible" when the period has no target', () => {
    expect(targetAttainment(indicator('hausse'), '2025', 90)).toEqual({
      status: 'sans_cible',
      label: 'Sans cible',
      ratio: null,
      target: null,
      value: 90,
    });
  });

  it('says "Sans valeur" when the target has no value to compare yet', () => {
    expect(targetAttainment(indicator('hausse'), '2024', null)).toMatchObject({
      status: 'sans_valeur',
      label: 'Sans valeur',
      target: 200,
    });
  });
});
