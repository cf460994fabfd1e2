import { z } from 'zod';
import type { Measurement } from '../../indicators/measurement.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { readableIndicator } from '../readable.ts';
import { pageInOrder } from '../roadmap/ordered-page.ts';

export const ListMeasurementsInput = z.object({
  indicatorId: idOf('indicator'),
  ...pageFields('measurement'),
});
export type ListMeasurementsInput = z.input<typeof ListMeasurementsInput>;

/**
 * Every revision of every value of an indicator, for whoever may read its governance: by period,
 * then territory, then revision, so each value reads as its history, the current revision last.
 */
export async function listMeasurements(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Measurement>> {
  const { indicatorId, after, limit } = validate(ListMeasurementsInput, input);
  return ctx.store.transaction(async (repos) => {
    await readableIndicator(ctx, repos, indicatorId);
    const measurements = await repos.measurements.listByIndicator(indicatorId);
    return pageInOrder(
      measurements,
      { after, limit },
      (a, b) =>
        a.period.localeCompare(b.period) ||
        a.territory.level.localeCompare(b.territory.level) ||
        a.territory.code.localeCompare(b.territory.code) ||
        a.revision - b.revision,
    );
  });
}
