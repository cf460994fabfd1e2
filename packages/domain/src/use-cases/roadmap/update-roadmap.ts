import { Roadmap } from '../../roadmap/roadmap.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';
import { RoadmapEditableFields, withIds } from './roadmap-inputs.ts';

const RoadmapPatchFields = RoadmapEditableFields.omit({ governanceId: true });

/**
 * Changes a roadmap's title, period, contract, diagnosis, method, axes or publicity. An axis that
 * still carries actions cannot be removed; an archived roadmap cannot change.
 */
export async function updateRoadmap(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Roadmap> {
  const patch = withIds(parsePatch(RoadmapPatchFields, change.patch), ctx.ids);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.roadmaps, change.id, 'Feuille de route');
    await authorize(ctx, repos, 'roadmap.edit', before.governanceId, { roadmap: before });
    checkVersion(before, change.expectedVersion);
    if (before.status === 'archivee')
      throw new ConflictError('Une feuille de route archivée ne change plus.');
    if (patch.axes) {
      const kept = new Set(patch.axes.map((a) => a.id));
      const orphans = (await repos.actions.listByRoadmap(before.id)).filter(
        (a) => a.axisId && !kept.has(a.axisId),
      );
      if (orphans.length > 0) {
        throw new ConflictError(
          `Cet axe porte encore des actions (${orphans.map((a) => a.code).join(', ')}) : déplacez-les d’abord.`,
        );
      }
    }
    const after = nextVersion(Roadmap, before, patch as Partial<Roadmap>, ctx.clock());
    await repos.roadmaps.update(after);
    await recordAudit(ctx, repos, {
      entity: 'roadmap',
      entityId: after.id,
      governanceId: after.governanceId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
