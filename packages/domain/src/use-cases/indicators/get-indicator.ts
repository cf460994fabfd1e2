import { z } from 'zod';
import type { Indicator } from '../../indicators/indicator.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readableIndicator } from '../readable.ts';

export const GetIndicatorInput = z.object({ indicatorId: idOf('indicator') });
export type GetIndicatorInput = z.input<typeof GetIndicatorInput>;

/** An indicator, for whoever may read its governance. */
export async function getIndicator(ctx: UseCaseContext, input: unknown): Promise<Indicator> {
  const { indicatorId } = validate(GetIndicatorInput, input);
  return ctx.store.transaction((repos) => readableIndicator(ctx, repos, indicatorId));
}
