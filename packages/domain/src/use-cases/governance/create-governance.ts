import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { GovernanceFields as CreateGovernanceInput };

/**
 * Opens the coordination of a territory. The person who creates it becomes its first
 * coordinator, as on the national platform where a coordinator declares their governance.
 */
export async function createGovernance(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const fields = validate(GovernanceFields, input);
  const creatorId = ctx.actor.personId;
  if (!creatorId && !ctx.actor.instanceAdmin) {
    throw new ForbiddenError('Identifiez-vous pour créer une gouvernance.');
  }
  return ctx.store.transaction(async (repos) => {
    return insertNew(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      {
        ...fields,
        id: ctx.ids('governance'),
        roles: creatorId ? [{ personId: creatorId, role: 'coordinateur', since: ctx.clock() }] : [],
      },
    );
  });
}
