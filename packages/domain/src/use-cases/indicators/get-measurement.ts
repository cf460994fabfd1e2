import { z } from 'zod';
import type { Measurement } from '../../indicators/measurement.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readInGovernance } from '../readable.ts';

export const GetMeasurementInput = z.object({ measurementId: idOf('measurement') });
export type GetMeasurementInput = z.input<typeof GetMeasurementInput>;

/** One revision of a value, for whoever may read its governance. */
export async function getMeasurement(ctx: UseCaseContext, input: unknown): Promise<Measurement> {
  const { measurementId } = validate(GetMeasurementInput, input);
  return ctx.store.transaction((repos) =>
    readInGovernance(ctx, repos, repos.measurements, measurementId, 'Mesure'),
  );
}
