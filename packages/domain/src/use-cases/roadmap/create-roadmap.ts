import { Roadmap } from '../../roadmap/roadmap.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, recordAudit } from '../helpers.ts';
import { RoadmapEditableFields, withIds } from './roadmap-inputs.ts';

export { RoadmapEditableFields as CreateRoadmapInput };

/** Starts a roadmap (as a draft) for a governance. */
export async function createRoadmap(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const fields = withIds(validate(RoadmapEditableFields, input), ctx.ids);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'roadmap.edit', fields.governanceId);
    const roadmap = validate(Roadmap, {
      ...fields,
      id: ctx.ids('roadmap'),
      status: 'brouillon',
      ...newMeta(ctx.clock()),
    });
    await repos.roadmaps.insert(roadmap);
    await recordAudit(ctx, repos, {
      entity: 'roadmap',
      entityId: roadmap.id,
      governanceId: roadmap.governanceId,
      action: 'create',
      after: roadmap,
    });
    return roadmap;
  });
}
