import { z } from 'zod';
import type { Action } from '../../roadmap/action.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const GetActionInput = z.object({ actionId: idOf('action') });
export type GetActionInput = z.input<typeof GetActionInput>;

/** An action sheet, for whoever may read its roadmap; anyone else is told it does not exist. */
export async function getAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const { actionId } = validate(GetActionInput, input);
  return ctx.store.transaction(async (repos) => {
    const action = await mustGet(repos.actions, actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'roadmap.read', action.governanceId, {
      roadmap,
      action,
      asked: ['Action', action.id],
    });
    return action;
  });
}
