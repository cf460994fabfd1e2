import { Milestone, MilestoneFields } from '../../roadmap/milestone.ts';
import { ValidationError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew, mustGet } from '../helpers.ts';

export { MilestoneFields as CreateMilestoneInput };

/** Adds a dated milestone to an action, or to the roadmap itself when no action is given. */
export async function createMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const fields = validate(MilestoneFields, input);
  return ctx.store.transaction(async (repos) => {
    const roadmap = await mustGet(repos.roadmaps, fields.roadmapId, 'Feuille de route');
    const action = fields.actionId
      ? await mustGet(repos.actions, fields.actionId, 'Action')
      : undefined;
    if (action && action.roadmapId !== roadmap.id) {
      throw new ValidationError([
        { path: ['actionId'], message: 'Cette action n’appartient pas à la feuille de route.' },
      ]);
    }
    await authorize(ctx, repos, action ? 'milestone.edit' : 'roadmap.edit', roadmap.governanceId, {
      roadmap,
      ...(action ? { action } : {}),
      asked: action ? ['Action', action.id] : ['Feuille de route', roadmap.id],
    });
    await checkReferences(repos.persons, [fields.ownerId], 'Personne', ['ownerId']);
    return insertNew(
      ctx,
      repos,
      { schema: Milestone, entity: 'milestone', repo: repos.milestones },
      {
        ...fields,
        id: ctx.ids('milestone'),
        governanceId: roadmap.governanceId,
      },
    );
  });
}
