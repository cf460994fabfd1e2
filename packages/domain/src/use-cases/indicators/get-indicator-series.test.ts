import { beforeEach, describe, expect, it } from 'vitest';
import type { TerritoryRef } from '../../actors/territory.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createTerritory } from '../actors/create-territory.ts';
import { createIndicator } from './create-indicator.ts';
import { getIndicatorSeries } from './get-indicator-series.ts';
import { recordMeasurement } from './record-measurement.ts';

const EPCI = { level: 'epci', code: '241700434' } as const;
const DEPT = { level: 'departement', code: '17' } as const;

describe('an indicator’s series', () => {
  let world: TestWorld;
  let indicator: Indicator;

  beforeEach(async () => {
    world = await createTestWorld();
    const admin = world.as('admin');
    await createTerritory(admin, { ...DEPT, name: 'Charente-Maritime' });
    await createTerritory(admin, { ...EPCI, name: 'CDA de La Rochelle', parents: [DEPT] });
    for (const [code, name] of [
      ['17300', 'La Rochelle'],
      ['17028', 'Aytré'],
      ['17200', 'Lagord'],
      ['17274', 'Périgny'],
    ] as const) {
      await createTerritory(admin, { level: 'commune', code, name, parents: [EPCI, DEPT] });
    }
    indicator = await createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'personnes_accompagnees',
      label: 'Personnes accompagnées',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'trimestrielle',
      targets: [{ period: '2024-T1', value: 400 }],
    });
  });

  async function record(territory: TerritoryRef, period: string, value: number) {
    return recordMeasurement(world.as('member'), {
      indicatorId: indicator.id,
      territory,
      period,
      value,
    });
  }
  const commune = (code: string) => ({ level: 'commune', code }) as const;

  it('rolls communes up to the governance’s level, telling how many of them reported', async () => {
    await record(commune('17300'), '2023-T4', 150);
    await record(commune('17300'), '2024-T1', 180);
    await record(commune('17028'), '2024-T1', 70);
    await record(commune('17200'), '2024-T1', 40);
    await record(commune('17274'), '2024-T1', 30);
    await record(commune('17300'), '2024-T1', 200); // a correction: the latest revision counts

    const series = await getIndicatorSeries(world.as('observer'), { indicatorId: indicator.id });

    expect(series.level).toBe('epci');
    expect(series.entryLevel).toBe('commune');
    expect(
      series.periods.map((p) => [
        p.period,
        p.target,
        p.points.map((x) => [x.value, x.contributors, x.expected, x.partial]),
      ]),
    ).toEqual([
      ['2023-T4', null, [[150, 1, 4, true]]],
      ['2024-T1', 400, [[340, 4, 4, false]]],
    ]);
    expect(series.periods[1]?.points[0]).toMatchObject({
      territory: { ...EPCI, name: 'CDA de La Rochelle' },
      source: 'consolidation',
      provisional: true,
    });
    expect(series.periods[1]?.label).toBe('1er trimestre 2024');
  });

  it('shows the level asked for, and lists empty periods between two values', async () => {
    await record(commune('17300'), '2023-T3', 120);
    await record(commune('17028'), '2024-T1', 70);

    const communes = await getIndicatorSeries(world.as('member'), {
      indicatorId: indicator.id,
      level: 'commune',
    });
    expect(
      communes.periods.map((p) => [p.period, p.points.map((x) => [x.territory.name, x.source])]),
    ).toEqual([
      ['2023-T3', [['La Rochelle', 'mesure']]],
      ['2023-T4', []],
      ['2024-T1', [['Aytré', 'mesure']]],
    ]);

    const departement = await getIndicatorSeries(world.as('member'), {
      indicatorId: indicator.id,
      level: 'departement',
    });
    expect(departement.periods[2]?.points).toMatchObject([
      {
        territory: { ...DEPT, name: 'Charente-Maritime' },
        value: 70,
        contributors: 1,
        expected: 4,
      },
    ]);
  });

  it('keeps a territory’s own value rather than adding its communes again', async () => {
    await record(commune('17300'), '2024-T1', 180);
    await record(EPCI, '2024-T1', 500);
    const series = await getIndicatorSeries(world.as('coordinator'), {
      indicatorId: indicator.id,
    });
    expect(series.periods[0]?.points).toMatchObject([
      { value: 500, source: 'mesure', contributors: 1, expected: 1, partial: false },
    ]);
  });

  it('keeps the periods within the bounds, a year bound covering its quarters', async () => {
    for (const period of ['2023-T3', '2023-T4', '2024-T1', '2024-T2']) {
      await record(commune('17300'), period, 10);
    }
    const series = await getIndicatorSeries(world.as('coordinator'), {
      indicatorId: indicator.id,
      from: '2023-T4',
      to: '2024',
    });
    expect(series.periods.map((p) => p.period)).toEqual(['2023-T4', '2024-T1', '2024-T2']);
  });

  it('aggregates quarters into years with the indicator’s rule, then rolls them up', async () => {
    await record(commune('17300'), '2023-T4', 100);
    await record(commune('17300'), '2024-T1', 180);
    await record(commune('17300'), '2024-T2', 120);
    await record(commune('17028'), '2024-T1', 70);
    const series = await getIndicatorSeries(world.as('coordinator'), {
      indicatorId: indicator.id,
      periodicity: 'annuelle',
      from: '2024',
    });
    expect(series.periodicity).toBe('annuelle');
    expect(
      series.periods.map((p) => [
        p.period,
        p.points.map((x) => [x.value, x.contributors, x.expected]),
      ]),
    ).toEqual([['2024', [[370, 2, 4]]]]);
  });

  it('refuses a periodicity finer than the indicator’s', async () => {
    const attempt = getIndicatorSeries(world.as('coordinator'), {
      indicatorId: indicator.id,
      periodicity: 'mensuelle',
    });
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['periodicity'] }] });
  });

  it('refuses bounds in the wrong order, naming the faulty field', async () => {
    const attempt = getIndicatorSeries(world.as('coordinator'), {
      indicatorId: indicator.id,
      from: '2024',
      to: '2023-T4',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['to'] }] });
  });

  it('tells someone who may not read the governance that the indicator does not exist', async () => {
    for (const who of ['outsider', 'public'] as const) {
      await expect(
        getIndicatorSeries(world.as(who), { indicatorId: indicator.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
