import { Action, ActionFields } from '../../roadmap/action.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
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
    checkVersion(before, change.expectedVersion);
    await checkActionReferences(
      repos,
      patch,
      roadmap.axes.map((a) => a.id),
    );
    const after = nextVersion(Action, before, patch, ctx.clock());
    await repos.actions.update(after);
    await recordAudit(ctx, repos, {
      entity: 'action',
      entityId: after.id,
      governanceId: after.governanceId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
