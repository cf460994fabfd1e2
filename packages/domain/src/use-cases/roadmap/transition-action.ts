import { z } from 'zod';
import type { DecidedBy } from '../../governance/decided-by.ts';
import type { Action } from '../../roadmap/action.ts';
import { ActionStatus } from '../../roadmap/action.ts';
import { transitionAction as applyTransition } from '../../roadmap/action-status.ts';
import { idOf } from '../../shared/ids.ts';
import { Text } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const TransitionActionInput = z.object({
  actionId: idOf('action'),
  expectedVersion: z.number().int().min(1).optional(),
  to: ActionStatus,
  reason: Text.optional(),
  /** Bypass the state machine: a coordinator only, with a reason. */
  forced: z.boolean().default(false),
});
export type TransitionActionInput = z.input<typeof TransitionActionInput>;

/** Moves an action to another status, following the state machine (see `ACTION_TRANSITIONS`). */
export async function transitionAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const fields = validate(TransitionActionInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.actions, fields.actionId, 'Action');
    return moveAction(ctx, repos, before, fields);
  });
}

/** The transition itself, shared with `recordUpdate` (an update may carry a status change). */
export async function moveAction(
  ctx: UseCaseContext,
  repos: Repositories,
  before: Action,
  move: {
    to: Action['status'];
    reason?: string | undefined;
    forced?: boolean | undefined;
    expectedVersion?: number | undefined;
  },
): Promise<Action> {
  const byId = actingPersonId(ctx);
  const roadmap = await mustGet(repos.roadmaps, before.roadmapId, 'Feuille de route');
  const target = { roadmap, action: before, asked: ['Action', before.id] as const };
  await authorize(ctx, repos, 'action.transition', before.governanceId, target);
  if (move.forced)
    await authorize(ctx, repos, 'action.force_transition', before.governanceId, target);
  checkVersion(before, move.expectedVersion);
  const moved = applyTransition(before, move.to, {
    at: ctx.clock(),
    byId,
    reason: move.reason,
    forced: move.forced,
    actorIsCoordinator: move.forced === true,
  });
  const after = ctx.decision ? decided(moved, ctx.decision) : moved;
  await repos.actions.update(after);
  await recordAudit(ctx, repos, {
    entity: 'action',
    entityId: after.id,
    governanceId: after.governanceId,
    action: 'transition',
    before,
    after,
  });
  return after;
}

/** An action moved by a meeting's decision: the move and the action name it. */
function decided(action: Action, decidedBy: DecidedBy): Action {
  const history = action.statusHistory;
  const last = history[history.length - 1];
  return {
    ...action,
    decidedBy,
    statusHistory: last ? [...history.slice(0, -1), { ...last, decidedBy }] : history,
  };
}
