import { z } from 'zod';
import type { Action } from '../../roadmap/action.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readableAction } from '../readable.ts';

export const GetActionInput = z.object({ actionId: idOf('action') });
export type GetActionInput = z.input<typeof GetActionInput>;

/** An action sheet, for whoever may read its roadmap; anyone else is told it does not exist. */
export async function getAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const { actionId } = validate(GetActionInput, input);
  return ctx.store.transaction((repos) => readableAction(ctx, repos, actionId));
}
