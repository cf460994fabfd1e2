import { z } from 'zod';
import type { Territory } from '../../actors/territory.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const GetTerritoryInput = z.object({ territoryId: idOf('territory') });
export type GetTerritoryInput = z.input<typeof GetTerritoryInput>;

/**
 * A territory of the directory. Territories are official reference data (INSEE codes, SIRENs,
 * names) with nothing personal in them: anyone may read them, the public included, as the
 * indicators' roll-up and the exports name them.
 */
export async function getTerritory(ctx: UseCaseContext, input: unknown): Promise<Territory> {
  const { territoryId } = validate(GetTerritoryInput, input);
  return ctx.store.transaction((repos) => mustGet(repos.territories, territoryId, 'Territoire'));
}
