import { Action, ActionFields } from '../../roadmap/action.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';
import { checkActionReferences } from './create-action.ts';

const ActionPatchFields = ActionFields.omit({ roadmapId: true });

/** Changes an action sheet's content (its status moves through `transitionAction`). */
export async function updateAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const { id, expectedVersion, changes } = parseChange(ActionPatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.actions, id, 'Action');
    const roadmap = await mustGet(repos.roadmaps, before.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'action.edit', before.governanceId, {
      roadmap,
      action: before,
      asked: ['Action', before.id],
    });
    await checkActionReferences(repos, changes, roadmap);
    return saveChange(
      ctx,
      repos,
      { schema: Action, entity: 'action', repo: repos.actions },
      {
        before,
        expectedVersion,
        changes: ctx.decision ? { ...changes, decidedBy: ctx.decision } : changes,
      },
    );
  });
}
