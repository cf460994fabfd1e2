import { Roadmap } from '../../roadmap/roadmap.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';
import { RoadmapEditableFields, withIds } from './roadmap-inputs.ts';

const RoadmapPatchFields = RoadmapEditableFields.omit({ governanceId: true });

/**
 * Changes a roadmap's title, period, contract, diagnosis, method, axes or publicity. An axis that
 * still carries actions cannot be removed; an archived roadmap cannot change.
 */
export async function updateRoadmap(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const request = parseChange(RoadmapPatchFields, input);
  const { id, expectedVersion } = request;
  const changes = withIds(request.changes, ctx.ids);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.roadmaps, id, 'Feuille de route');
    await authorize(ctx, repos, 'roadmap.edit', before.governanceId, {
      roadmap: before,
      asked: ['Feuille de route', before.id],
    });
    if (before.status === 'archivee')
      throw new ConflictError('Une feuille de route archivée ne change plus.');
    if (changes.axes) {
      const kept = new Set(changes.axes.map((a) => a.id));
      const orphans = (await repos.actions.listByRoadmap(before.id)).filter(
        (a) => a.axisId && !kept.has(a.axisId),
      );
      if (orphans.length > 0) {
        throw new ConflictError(
          `Cet axe porte encore des actions (${orphans.map((a) => a.code).join(', ')}) : déplacez-les d’abord.`,
        );
      }
    }
    return saveChange(
      ctx,
      repos,
      { schema: Roadmap, entity: 'roadmap', repo: repos.roadmaps },
      {
        before,
        expectedVersion,
        changes: changes as Partial<Roadmap>,
      },
    );
  });
}
