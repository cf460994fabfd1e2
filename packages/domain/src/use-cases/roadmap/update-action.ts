import { Action, ActionFields } from '../../roadmap/action.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';
import { checkActionReferences } from './create-action.ts';

const ActionPatchFields = ActionFields.omit({ roadmapId: true });

/** Changes an action sheet's content (its status moves through `transitionAction`). */
export async function updateAction(ctx: UseCaseContext, change: VersionedChange): Promise<Action> {
  const patch = parsePatch(ActionPatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.actions, change.id, 'Action');
    const roadmap = await mustGet(repos.roadmaps, before.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'action.edit', before.governanceId, { roadmap, action: before });
    await checkActionReferences(
      repos,
      patch,
      roadmap.axes.map((a) => a.id),
    );
    return saveChange(
      ctx,
      repos,
      { schema: Action, entity: 'action', repo: repos.actions },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes: patch,
      },
    );
  });
}
