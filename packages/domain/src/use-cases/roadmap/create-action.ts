import { Action, ActionInput } from '../../roadmap/action.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { ValidationError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew, mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export { ActionInput as CreateActionInput };

/**
 * Adds an action sheet to a roadmap. It starts as a *fiche-projet* « à mûrir »: it becomes a
 * *fiche-action* through `promoteAction` once it has an owner, a lead and a dated milestone.
 */
export async function createAction(ctx: UseCaseContext, input: unknown): Promise<Action> {
  const fields = validate(ActionInput, input);
  return ctx.store.transaction(async (repos) => {
    const roadmap = await mustGet(repos.roadmaps, fields.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'action.create', roadmap.governanceId, {
      roadmap,
      asked: ['Feuille de route', roadmap.id],
    });
    await checkActionReferences(repos, fields, roadmap);
    return insertNew(
      ctx,
      repos,
      { schema: Action, entity: 'action', repo: repos.actions },
      {
        ...fields,
        id: ctx.ids('action'),
        governanceId: roadmap.governanceId,
        kind: 'fiche_projet',
        status: 'a_murir',
        ...(ctx.decision ? { decidedBy: ctx.decision } : {}),
      },
    );
  });
}

/** Checks that the axis, owner, organizations and indicators an action names exist. */
export async function checkActionReferences(
  repos: Repositories,
  fields: Partial<
    Pick<
      Action,
      'axisId' | 'ownerId' | 'leadOrganizationIds' | 'partnerOrganizationIds' | 'indicatorIds'
    >
  >,
  roadmap: Pick<Roadmap, 'axes' | 'governanceId'>,
): Promise<void> {
  const axisIds = roadmap.axes.map((a) => a.id);
  if (fields.axisId && !axisIds.includes(fields.axisId)) {
    throw new ValidationError([
      { path: ['axisId'], message: 'Cet axe n’appartient pas à la feuille de route.' },
    ]);
  }
  await checkReferences(repos.persons, [fields.ownerId], 'Personne', ['ownerId']);
  await checkReferences(
    repos.organizations,
    [...(fields.leadOrganizationIds ?? []), ...(fields.partnerOrganizationIds ?? [])],
    'Organisation',
    ['leadOrganizationIds'],
  );
  await checkReferences(
    repos.indicators,
    fields.indicatorIds ?? [],
    'Indicateur',
    ['indicatorIds'],
    roadmap.governanceId,
  );
}
