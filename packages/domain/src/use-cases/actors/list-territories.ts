import { z } from 'zod';
import { type Territory, TerritoryLevel } from '../../actors/territory.ts';
import { searchKey } from '../../shared/search.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageAfter, pageFields } from '../page.ts';

/** What a directory search is given: a few letters of a name, accents and case ignored. */
export const DirectoryQuery = z
  .string()
  .trim()
  .max(100)
  .refine(
    (text) => searchKey(text) !== '',
    'Saisissez au moins une lettre ou un chiffre à chercher.',
  );

export const ListTerritoriesInput = z.object({
  /** Only the territories of this level (`commune`, `epci`…). */
  level: TerritoryLevel.optional(),
  /** Only the territories whose name contains this, ignoring case and accents. */
  query: DirectoryQuery.optional(),
  ...pageFields('territory'),
});
export type ListTerritoriesInput = z.input<typeof ListTerritoriesInput>;

/**
 * The territories of the directory, in id order, one page at a time; readable by anyone, like
 * `getTerritory`. The search runs in the database: the official directory holds some 37 000
 * territories.
 *
 * @example
 * await listTerritories(ctx, { level: 'commune', query: 'perigny', limit: 20 });
 */
export async function listTerritories(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<Territory>> {
  const { level, query, after, limit } = validate(ListTerritoriesInput, input);
  return ctx.store.transaction(async (repos) => {
    // One more than the page: whether a next page exists, without counting them all.
    const found = await repos.territories.search({ level, query, after, limit: limit + 1 });
    return pageAfter(found, { limit });
  });
}
