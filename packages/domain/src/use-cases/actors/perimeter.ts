import { isCurrentTerritory, type Territory, type TerritoryRef } from '../../actors/territory.ts';
import type { Repositories } from '../ports.ts';

const keyOf = (ref: TerritoryRef) => `${ref.level} ${ref.code}`;

/**
 * The part of the directory a governance's pages read: its own territory and its parents, every
 * territory inside it (its communes, the EPCI of a département…), and the territories `also`
 * names (those its measurements are about) — never the whole directory, which holds some 37 000 territories once
 * the official edition is loaded.
 */
export async function perimeterDirectory(
  repos: Repositories,
  territory: TerritoryRef,
  also: readonly TerritoryRef[] = [],
): Promise<Territory[]> {
  const [within, own] = await Promise.all([
    repos.territories.listWithin(territory),
    repos.territories.findByCode(territory.level, territory.code),
  ]);
  const found = new Map(within.map((t) => [keyOf(t), t]));
  if (own) found.set(keyOf(own), own);
  // The larger territories its figures roll up to are named too.
  const missing = [...(own?.parents ?? []), ...also].filter((ref) => !found.has(keyOf(ref)));
  for (const t of await repos.territories.findByCodes(missing)) found.set(keyOf(t), t);
  return [...found.values()];
}

/**
 * The communes of a governance's perimeter that the current edition of the directory lists (a
 * commune merged into another is no longer one), by code; the commune itself for a commune.
 */
export async function perimeterCommunes(
  repos: Repositories,
  territory: TerritoryRef,
): Promise<Territory[]> {
  if (territory.level === 'commune') {
    const own = await repos.territories.findByCode('commune', territory.code);
    return own && isCurrentTerritory(own) ? [own] : [];
  }
  return (await repos.territories.listWithin(territory, 'commune')).filter(isCurrentTerritory);
}
