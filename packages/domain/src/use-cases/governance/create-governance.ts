import { territoryLevelLabels } from '../../actors/territory.ts';
import { Governance, GovernanceFields } from '../../governance/governance.ts';
import { ForbiddenError, ValidationError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { GovernanceFields as CreateGovernanceInput };

/**
 * Opens the coordination of a territory. The person who creates it becomes its first
 * coordinator, as on the national platform where a coordinator declares their governance. Once
 * the official directory is loaded (`loadTerritoryDirectory`), the territory must be one of it: its
 * communes are the governance's perimeter, and a mistyped SIREN would give it none.
 */
export async function createGovernance(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const fields = validate(GovernanceFields, input);
  const creatorId = ctx.actor.personId;
  if (!creatorId && !ctx.actor.instanceAdmin) {
    throw new ForbiddenError('Identifiez-vous pour créer une gouvernance.');
  }
  return ctx.store.transaction(async (repos) => {
    const { level, code } = fields.territory;
    const official = (await repos.territories.findByCode('pays', 'FR'))?.official === true;
    if (official && !(await repos.territories.findByCode(level, code))) {
      throw new ValidationError([
        {
          path: ['territory', 'code'],
          message: `Aucun territoire de niveau « ${territoryLevelLabels[level]} » n’a le code ${code} dans le répertoire officiel : vérifiez le code (le SIREN d’une intercommunalité a 9 chiffres).`,
        },
      ]);
    }
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
