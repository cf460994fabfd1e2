import { z } from 'zod';
import type { Action } from '../../roadmap/action.ts';
import { promoteAction as applyPromotion } from '../../roadmap/action-status.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, recordAudit } from '../helpers.ts';

export const PromoteActionInput = z.object({
  actionId: idOf('action'),
  expectedVersion: z.number().int().min(1).optional(),
});

/**
 * Turns a *fiche-projet* into a *fiche-action*. Refused, with every missing piece named, while it
 * lacks an owner, a lead organization or a dated milestone.
 */
export async function promoteAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const { actionId, expectedVersion } = validate(PromoteActionInput, input);
  const byId = actingPersonId(ctx);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.actions, actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, before.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'action.promote', before.governanceId, {
      roadmap,
      action: before,
      asked: ['Action', before.id],
    });
    checkVersion(before, expectedVersion);
    const milestones = await repos.milestones.listByAction(actionId);
    const after = applyPromotion(before, milestones, { at: ctx.clock(), byId });
    await repos.actions.update(after);
    await recordAudit(ctx, repos, {
      entity: 'action',
      entityId: after.id,
      governanceId: after.governanceId,
      action: 'promote',
      before,
      after,
    });
    return after;
  });
}
