import { z } from 'zod';
import type { Indicator } from '../../indicators/indicator.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const GetIndicatorInput = z.object({ indicatorId: idOf('indicator') });
export type GetIndicatorInput = z.input<typeof GetIndicatorInput>;

/** An indicator, for whoever may read its governance. */
export async function getIndicator(ctx: UseCaseContext, input: unknown): Promise<Indicator> {
  const { indicatorId } = validate(GetIndicatorInput, input);
  return ctx.store.transaction((repos) => readableIndicator(ctx, repos, indicatorId));
}

/** Loads an indicator the actor may read, or tells them it does not exist. */
export async function readableIndicator(
  ctx: UseCaseContext,
  repos: Repositories,
  indicatorId: string,
): Promise<Indicator> {
  const indicator = await mustGet(repos.indicators, indicatorId, 'Indicateur');
  await authorize(ctx, repos, 'governance.read', indicator.governanceId, {
    asked: ['Indicateur', indicator.id],
  });
  return indicator;
}
