import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TerritoryRef } from '../actors/territory.ts';
import type { MeasurementValue } from './aggregation.ts';
import type { Indicator } from './indicator.ts';
import {
  type RollupTerritory,
  rollUpTerritories,
  rollUpTerritoriesByPeriod,
  type TerritoryValue,
} from './rollup.ts';

const PERIOD = '2024-05';

function indicator(
  territoryRollup: Indicator['territoryRollup'],
): Pick<Indicator, 'id' | 'territoryRollup'> {
  return { id: 'ind_personnes01', territoryRollup };
}

function departement(code: string): TerritoryRef {
  return { level: 'departement', code };
}

function region(code: string): TerritoryRef {
  return { level: 'region', code };
}

function epci(code: string, dep: string, reg: string): RollupTerritory {
  return { level: 'epci', code, parents: [departement(dep), region(reg)] };
}

function measurement(
  territory: TerritoryRef,
  value: number,
  more: Partial<MeasurementValue> = {},
): MeasurementValue {
  return {
    indicatorId: 'ind_personnes01',
    territory: { level: territory.level, code: territory.code },
    period: PERIOD,
    value,
    status: 'valide',
    revision: 1,
    ...more,
  };
}

function entryFor(
  values: TerritoryValue[],
  level: TerritoryRef['level'],
  code: string,
): TerritoryValue | undefined {
  return values.find((v) => v.territory.level === level && v.territory.code === code);
}

// La Rochelle and Sicoval with their SIREN; the neighbour of La Rochelle has a made-up one.
const LA_ROCHELLE = epci('241700434', '17', '75');
const NEIGHBOUR_17 = epci('200041630', '17', '75');
const SICOVAL = epci('243100518', '31', '76');
const TERRITORIES = [LA_ROCHELLE, NEIGHBOUR_17, SICOVAL];

describe('rollUpTerritories', () => {
  it('adds the EPCI of a département into it, and the départements into their région', () => {
    const values = rollUpTerritories(
      indicator('somme'),
      [measurement(LA_ROCHELLE, 120), measurement(NEIGHBOUR_17, 30), measurement(SICOVAL, 50)],
      TERRITORIES,
      PERIOD,
    );
    expect(entryFor(values, 'departement', '17')).toEqual({
      territory: departement('17'),
      value: 150,
      parts: 2,
      provisional: false,
      source: 'consolidation',
    });
    expect(entryFor(values, 'region', '75')?.value).toBe(150);
    expect(entryFor(values, 'departement', '31')?.value).toBe(50);
    expect(entryFor(values, 'region', '76')?.value).toBe(50);
    expect(entryFor(values, 'epci', '241700434')).toMatchObject({
      value: 120,
      parts: 1,
      source: 'mesure',
    });
    expect(values).toHaveLength(7);
  });

  it('averages the parts for "moyenne"', () => {
    const values = rollUpTerritories(
      indicator('moyenne'),
      [measurement(LA_ROCHELLE, 80), measurement(NEIGHBOUR_17, 40)],
      TERRITORIES,
      PERIOD,
    );
    expect(entryFor(values, 'departement', '17')?.value).toBe(60);
  });

  it('rolls nothing up for "aucun": only the measured territories come back', () => {
    const values = rollUpTerritories(
      indicator('aucun'),
      [measurement(LA_ROCHELLE, 80), measurement(NEIGHBOUR_17, 40)],
      TERRITORIES,
      PERIOD,
    );
    expect(values.map((v) => v.territory.code)).toEqual(['241700434', '200041630']);
  });

  it('rolls an overseas EPCI up into La Réunion (974) and its région (04)', () => {
    const cinor = epci('249740119', '974', '04');
    const values = rollUpTerritories(
      indicator('somme'),
      [measurement(cinor, 75), measurement(LA_ROCHELLE, 10)],
      [cinor, LA_ROCHELLE],
      PERIOD,
    );
    expect(entryFor(values, 'departement', '974')?.value).toBe(75);
    expect(entryFor(values, 'region', '04')?.value).toBe(75);
    expect(entryFor(values, 'region', '75')?.value).toBe(10);
  });

  it('counts only the latest revision of each value', () => {
    const values = rollUpTerritories(
      indicator('somme'),
      [
        measurement(LA_ROCHELLE, 120, { revision: 2 }),
        measurement(LA_ROCHELLE, 999),
        measurement(NEIGHBOUR_17, 30),
      ],
      TERRITORIES,
      PERIOD,
    );
    expect(entryFor(values, 'departement', '17')?.value).toBe(150);
    expect(entryFor(values, 'epci', '241700434')?.value).toBe(120);
  });

  it('marks a consolidated value provisional when one of its parts is', () => {
    const values = rollUpTerritories(
      indicator('somme'),
      [measurement(LA_ROCHELLE, 120, { status: 'provisoire' }), measurement(SICOVAL, 30)],
      TERRITORIES,
      PERIOD,
    );
    expect(entryFor(values, 'departement', '17')?.provisional).toBe(true);
    expect(entryFor(values, 'departement', '31')?.provisional).toBe(false);
  });

  it('ignores other periods and other indicators', () => {
    const values = rollUpTerritories(
      indicator('somme'),
      [
        measurement(LA_ROCHELLE, 120),
        measurement(NEIGHBOUR_17, 1_000, { period: '2024-06' }),
        measurement(NEIGHBOUR_17, 1_000, { indicatorId: 'ind_autre00001' }),
      ],
      TERRITORIES,
      PERIOD,
    );
    expect(entryFor(values, 'departement', '17')?.value).toBe(120);
  });

  it('keeps a value measured for a parent itself and counts nothing twice above it', () => {
    // Communes of La Rochelle measured, and the EPCI measured too (it typed in its own total).
    const communes: RollupTerritory[] = ['17300', '17028'].map((code) => ({
      level: 'commune',
      code,
      parents: [{ level: 'epci', code: LA_ROCHELLE.code }, departement('17'), region('75')],
    }));
    const values = rollUpTerritories(
      indicator('somme'),
      [
        measurement(communes[0] as RollupTerritory, 70),
        measurement(communes[1] as RollupTerritory, 20),
        measurement(LA_ROCHELLE, 100),
        measurement(NEIGHBOUR_17, 30),
      ],
      [...communes, ...TERRITORIES],
      PERIOD,
    );
    expect(entryFor(values, 'epci', LA_ROCHELLE.code)).toMatchObject({
      value: 100,
      source: 'mesure',
    });
    expect(entryFor(values, 'departement', '17')).toMatchObject({ value: 130, parts: 2 });
    expect(entryFor(values, 'region', '75')?.value).toBe(130);
  });

  it('returns a measured territory with no known parents alone', () => {
    const values = rollUpTerritories(
      indicator('somme'),
      [measurement({ level: 'epci', code: '200040244' }, 12)],
      TERRITORIES,
      PERIOD,
    );
    expect(values).toEqual([
      {
        territory: { level: 'epci', code: '200040244' },
        value: 12,
        parts: 1,
        provisional: false,
        source: 'mesure',
      },
    ]);
  });

  it('gives, for "somme", each département the sum of its EPCI and each région the sum of its départements', () => {
    const deps = [
      ['17', '75'],
      ['24', '75'],
      ['31', '76'],
      ['974', '04'],
      ['2A', '94'],
    ] as const;
    const drawn = fc.array(
      fc.record({
        dep: fc.integer({ min: 0, max: deps.length - 1 }),
        value: fc.integer({ min: 0, max: 100_000 }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(drawn, (items) => {
        const territories = items.map((item, i) => {
          const [dep, reg] = deps[item.dep] ?? deps[0];
          return epci(String(200_000_000 + i), dep, reg);
        });
        const measurements = territories.map((t, i) => measurement(t, items[i]?.value ?? 0));
        const values = rollUpTerritories(indicator('somme'), measurements, territories, PERIOD);
        for (const [dep, reg] of deps) {
          const parts = items.filter((item) => deps[item.dep]?.[0] === dep);
          const whole = entryFor(values, 'departement', dep);
          expect(whole?.value ?? 0).toBe(parts.reduce((sum, item) => sum + item.value, 0));
          expect(whole?.parts ?? 0).toBe(parts.length);
          const depsOfRegion = deps.filter(([, r]) => r === reg).map(([d]) => d);
          const regionSum = depsOfRegion.reduce(
            (sum, d) => sum + (entryFor(values, 'departement', d)?.value ?? 0),
            0,
          );
          expect(entryFor(values, 'region', reg)?.value ?? 0).toBe(regionSum);
        }
      }),
    );
  });
});

describe('rollUpTerritoriesByPeriod', () => {
  it('gives for each period what the one-period roll-up gives', () => {
    const measurements = [
      measurement(LA_ROCHELLE, 120),
      measurement(NEIGHBOUR_17, 30),
      measurement(LA_ROCHELLE, 80, { period: '2024-06' }),
      measurement(LA_ROCHELLE, 90, { period: '2024-06', revision: 2 }),
      measurement(SICOVAL, 10, { period: '2024-06' }),
    ];
    const series = rollUpTerritoriesByPeriod(indicator('somme'), measurements, TERRITORIES);
    expect([...series.keys()]).toEqual(['2024-05', '2024-06']);
    for (const period of ['2024-05', '2024-06']) {
      expect(series.get(period)).toEqual(
        rollUpTerritories(indicator('somme'), measurements, TERRITORIES, period),
      );
    }
    expect(entryFor(series.get('2024-06') ?? [], 'region', '75')?.value).toBe(90);
  });
});
