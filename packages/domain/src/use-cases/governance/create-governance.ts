import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, recordAudit } from '../helpers.ts';

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
    const now = ctx.clock();
    const governance = validate(Governance, {
      ...fields,
      id: ctx.ids('governance'),
      roles: creatorId ? [{ personId: creatorId, role: 'coordinateur', since: now }] : [],
      ...newMeta(now),
    });
    await repos.governances.insert(governance);
    await recordAudit(ctx, repos, {
      entity: 'governance',
      entityId: governance.id,
      governanceId: governance.id,
      action: 'create',
      after: governance,
    });
    return governance;
  });
}
