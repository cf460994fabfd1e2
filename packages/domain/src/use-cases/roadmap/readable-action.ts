import type { Action } from '../../roadmap/action.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/**
 * Loads an action the actor may read (through its roadmap), or tells them it does not exist: the
 * first step of every read of what belongs to an action (its milestones, funding, updates).
 */
export async function readableAction(
  ctx: UseCaseContext,
  repos: Repositories,
  actionId: string,
): Promise<Action> {
  const action = await mustGet(repos.actions, actionId, 'Action');
  const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
  await authorize(ctx, repos, 'roadmap.read', action.governanceId, {
    roadmap,
    action,
    asked: ['Action', action.id],
  });
  return action;
}
