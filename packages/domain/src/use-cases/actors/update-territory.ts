import { Territory, TerritoryFields } from '../../actors/territory.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';

const TerritoryPatchFields = TerritoryFields.pick({ name: true, parents: true });

/**
 * Renames a territory or corrects the larger territories it belongs to. Territories are reference
 * data shared by every governance (indicators roll up along `parents`): an administrator's task.
 * Their level and code never change: a new code is a new territory.
 */
export async function updateTerritory(ctx: UseCaseContext, input: unknown): Promise<Territory> {
  const { id, expectedVersion, changes } = parseChange(TerritoryPatchFields, input);
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError(
      'Les territoires de référence sont tenus par l’administration de l’instance.',
    );
  }
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.territories, id, 'Territoire');
    return saveChange(
      ctx,
      repos,
      { schema: Territory, entity: 'territory', repo: repos.territories },
      {
        before,
        expectedVersion,
        changes,
      },
    );
  });
}
