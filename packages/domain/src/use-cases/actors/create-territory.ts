import { Territory, TerritoryInput } from '../../actors/territory.ts';
import { ConflictError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { TerritoryInput as CreateTerritoryInput };

/** Adds a territory to the directory; its level and code are unique. */
export async function createTerritory(ctx: UseCaseContext, input: unknown): Promise<Territory> {
  const fields = validate(TerritoryInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    if (await repos.territories.findByCode(fields.level, fields.code)) {
      throw new ConflictError(`Le territoire ${fields.level} ${fields.code} existe déjà.`);
    }
    return insertNew(
      ctx,
      repos,
      { schema: Territory, entity: 'territory', repo: repos.territories },
      {
        ...fields,
        id: ctx.ids('territory'),
      },
    );
  });
}
