import { Roadmap } from '../../roadmap/roadmap.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';
import { RoadmapEditableFields, withIds } from './roadmap-inputs.ts';

export { RoadmapEditableFields as CreateRoadmapInput };

/** Starts a roadmap (as a draft) for a governance. */
export async function createRoadmap(ctx: UseCaseContext, input: unknown): Promise<Roadmap> {
  const fields = withIds(validate(RoadmapEditableFields, input), ctx.ids);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'roadmap.edit', fields.governanceId);
    return insertNew(
      ctx,
      repos,
      { schema: Roadmap, entity: 'roadmap', repo: repos.roadmaps },
      {
        ...fields,
        id: ctx.ids('roadmap'),
        status: 'brouillon',
      },
    );
  });
}
