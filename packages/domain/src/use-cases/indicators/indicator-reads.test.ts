import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../shared/errors.ts';
import { createTestWorld } from '../../testing/world.ts';
import { createIndicator } from './create-indicator.ts';
import { getIndicator } from './get-indicator.ts';
import { getMeasurement } from './get-measurement.ts';
import { listIndicators } from './list-indicators.ts';
import { listMeasurements } from './list-measurements.ts';
import { recordMeasurement } from './record-measurement.ts';

describe('reading indicators and their values', () => {
  it('lists a governance’s indicators and every revision of their values, each value’s history in order', async () => {
    const world = await createTestWorld();
    const indicator = await createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'ateliers',
      label: 'Ateliers collectifs',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'trimestrielle',
    });
    const territory = { level: 'epci', code: '241700434' } as const;
    const indicatorId = indicator.id;
    const record = (period: string, value: number) =>
      recordMeasurement(world.as('member'), { indicatorId, territory, period, value });
    const q2 = await record('2024-T2', 12);
    const q1 = await record('2024-T1', 8);
    const q1Corrected = await record('2024-T1', 9);

    const indicators = await listIndicators(world.as('observer'), {
      governanceId: world.governance.id,
      limit: 10,
    });
    expect(indicators.items.map((i) => i.code)).toEqual(['ateliers']);
    expect((await getIndicator(world.as('observer'), { indicatorId })).label).toBe(
      'Ateliers collectifs',
    );
    const first = await listMeasurements(world.as('observer'), { indicatorId, limit: 2 });
    const rest = await listMeasurements(world.as('observer'), {
      indicatorId,
      after: first.next,
      limit: 2,
    });
    expect([...first.items, ...rest.items].map((m) => m.id)).toEqual([
      q1.id,
      q1Corrected.id,
      q2.id,
    ]);
    expect((await getMeasurement(world.as('observer'), { measurementId: q2.id })).value).toBe(12);
  });

  it('hides indicators and values from the public and other governances', async () => {
    const world = await createTestWorld();
    const indicator = await createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'permanences',
      label: 'Permanences tenues',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    });
    for (const who of ['public', 'outsider'] as const) {
      await expect(
        getIndicator(world.as(who), { indicatorId: indicator.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        listIndicators(world.as(who), { governanceId: world.governance.id, limit: 10 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        listMeasurements(world.as(who), { indicatorId: indicator.id, limit: 10 }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
