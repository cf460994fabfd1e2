import { z } from 'zod';
import { TerritoryRef } from '../actors/territory.ts';
import { enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine, Text } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';
import { Period } from './period.ts';

export const measurementStatusLabels = {
  provisoire: 'Provisoire',
  valide: 'Validée',
} as const;
export const MeasurementStatus = enumOf(measurementStatusLabels);
export type MeasurementStatus = z.infer<typeof MeasurementStatus>;

/** What a person sends to record a value. */
export const MeasurementInput = z.object({
  indicatorId: idOf('indicator'),
  territory: TerritoryRef,
  period: Period,
  value: z.number().finite().min(-1e12).max(1e12),
  status: MeasurementStatus.default('provisoire'),
  source: singleLine(200).optional(),
  comment: Text.optional(),
});
export type MeasurementInput = z.input<typeof MeasurementInput>;

/**
 * One value of an indicator for a period and a territory. Values are never overwritten: a
 * correction is a new revision (`revision` + 1) of the same indicator, territory and period, and
 * the latest revision is the current value.
 */
export const Measurement = MeasurementInput.extend({
  id: idOf('measurement'),
  governanceId: idOf('governance'),
  revision: z.number().int().min(1),
  authorId: idOf('person').optional(),
  recordedAt: Instant,
});
export type Measurement = z.infer<typeof Measurement>;
