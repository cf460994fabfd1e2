import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors.ts';
import { createTestWorld } from '../../testing/world.ts';
import { createIndicator } from './create-indicator.ts';
import { installDefaultIndicators } from './install-default-indicators.ts';
import { recordMeasurement } from './record-measurement.ts';

describe('indicators and measurements through the use cases', () => {
  it('installs the 11 default indicators once, however often it is asked', async () => {
    const world = await createTestWorld();
    const first = await installDefaultIndicators(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    const second = await installDefaultIndicators(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    expect(first).toHaveLength(11);
    expect(second).toEqual([]);
  });

  it('keeps every revision of a value, the latest being current', async () => {
    const world = await createTestWorld();
    const indicator = await createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'personnes_accompagnees',
      label: 'Personnes accompagnées',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'mensuelle',
    });
    const value = {
      indicatorId: indicator.id,
      territory: { level: 'epci', code: '241700434' },
      period: '2024-04',
    } as const;
    const first = await recordMeasurement(world.as('member'), { ...value, value: 120 });
    const corrected = await recordMeasurement(world.as('coordinator'), {
      ...value,
      value: 132,
      status: 'valide',
    });
    expect([first.revision, corrected.revision]).toEqual([1, 2]);
    expect(world.store.dump().measurements.map((m) => m.value)).toEqual([120, 132]);
  });

  it('refuses a value for a period of the wrong periodicity, or a member validating', async () => {
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
    await expect(
      recordMeasurement(world.as('member'), {
        indicatorId: indicator.id,
        territory,
        period: '2024-04',
        value: 3,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordMeasurement(world.as('member'), {
        indicatorId: indicator.id,
        territory,
        period: '2024-T2',
        value: 3,
        status: 'valide',
      }),
    ).rejects.toThrow(/droit/);
    await expect(
      recordMeasurement(world.as('member'), {
        indicatorId: indicator.id,
        territory,
        period: '2024-T2',
        value: 2.5,
      }),
    ).rejects.toThrow(/entier/);
  });
});

describe('indicator definitions', () => {
  it('refuses a target set for a period of another periodicity', async () => {
    const world = await createTestWorld();
    await expect(
      createIndicator(world.as('coordinator'), {
        governanceId: world.governance.id,
        code: 'reunions',
        label: 'Réunions',
        unit: 'nombre',
        method: { type: 'saisie' },
        timeAggregation: 'somme',
        territoryRollup: 'aucun',
        periodicity: 'annuelle',
        targets: [{ period: '2024-T1', value: 4 }],
      }),
    ).rejects.toThrow(/par période annuelle/);
  });
});
