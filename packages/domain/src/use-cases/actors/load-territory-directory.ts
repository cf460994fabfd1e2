import { z } from 'zod';
import {
  type DirectoryTerritory,
  directoryTerritories,
  type OfficialDirectory,
} from '../../actors/official-directory.ts';
import { Territory } from '../../actors/territory.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, nextVersion, recordAudit } from '../helpers.ts';

/** Which edition is loaded, as the package that carries it names it (`decoupage-administratif 6.0.0`). */
export const DirectoryEdition = z.string().trim().min(1).max(60);

/** What loading an edition of the official directory did. */
export interface DirectoryLoad {
  edition: string;
  /** Territories the edition lists. */
  listed: number;
  created: number;
  /** Territories already known (typed by hand or from an earlier edition) whose data changed. */
  updated: number;
  unchanged: number;
  /** Territories an earlier edition listed and this one no longer does: kept, marked retired. */
  retired: number;
}

/** Progress of a load, per territory written or compared. */
export type DirectoryProgress = (done: number, total: number) => void;

const sameRefs = (a: readonly { level: string; code: string }[], b: typeof a) =>
  a.length === b.length && a.every((r, i) => r.level === b[i]?.level && r.code === b[i]?.code);

/** Whether a stored territory already says all that the edition says of it. */
function agrees(stored: Territory, listed: DirectoryTerritory): boolean {
  return (
    stored.official === true &&
    stored.retiredIn === undefined &&
    stored.name === listed.name &&
    stored.population === listed.population &&
    sameRefs(stored.parents, listed.parents) &&
    stored.postalCodes.length === listed.postalCodes.length &&
    stored.postalCodes.every((code, i) => code === listed.postalCodes[i])
  );
}

/**
 * Loads an edition of the official directory of territories (communes, EPCI, départements,
 * régions: see `directoryTerritories`) in one transaction. A territory already known by its level
 * and code — typed by hand, seeded by the demo, or from an earlier edition — keeps its id and takes
 * the edition's name, parents, population and postal codes; the others are created under their
 * directory id. Loading the same edition again changes nothing. A territory of an earlier edition
 * that this one no longer lists (a commune merged into another) is never deleted: it is marked
 * `retiredIn`, so that the measurements and places attached to it stay readable.
 *
 * For the instance's administrator only: the directory is shared by every governance.
 *
 * @example
 * await loadTerritoryDirectory(ctx, { edition: 'decoupage-administratif 6.0.0', directory });
 * // { listed: 36 350, created: 36 337, updated: 13, unchanged: 0, retired: 0 }
 */
export async function loadTerritoryDirectory(
  ctx: UseCaseContext,
  input: { edition: string; directory: OfficialDirectory },
  onProgress: DirectoryProgress = () => {},
): Promise<DirectoryLoad> {
  if (!ctx.actor.instanceAdmin)
    throw new ForbiddenError(
      'Seul·e l’administrateur·rice de l’instance peut charger le répertoire officiel des territoires.',
    );
  const edition = validate(DirectoryEdition, input.edition);
  const listed = directoryTerritories(input.directory);
  return ctx.store.transaction(async (repos) => {
    const stored = new Map(
      (await repos.territories.list()).map((t) => [`${t.level} ${t.code}`, t]),
    );
    const now = ctx.clock();
    const load: DirectoryLoad = {
      edition,
      listed: listed.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      retired: 0,
    };
    const total = listed.length;
    const fresh: Territory[] = [];
    const seen = new Set<string>();
    let done = 0;
    for (const territory of listed) {
      const key = `${territory.level} ${territory.code}`;
      seen.add(key);
      const known = stored.get(key);
      if (!known) {
        fresh.push(Territory.parse({ ...territory, official: true, ...newMeta(now) }));
      } else if (agrees(known, territory)) {
        load.unchanged += 1;
      } else {
        const { id: _, ...listedFields } = territory;
        await repos.territories.update(
          nextVersion(
            Territory,
            known,
            {
              ...listedFields,
              population: territory.population,
              official: true,
              retiredIn: undefined,
            },
            now,
          ),
        );
        load.updated += 1;
      }
      done += 1;
      if (done % 1000 === 0) onProgress(done - fresh.length, total);
    }
    // New territories are written together, a few hundred rows a statement.
    await repos.territories.insertMany(fresh);
    load.created = fresh.length;
    onProgress(total, total);
    for (const [key, territory] of stored) {
      if (seen.has(key) || territory.official !== true || territory.retiredIn !== undefined)
        continue;
      await repos.territories.update(
        nextVersion(Territory, territory, { retiredIn: edition }, now),
      );
      load.retired += 1;
    }
    if (load.created + load.updated + load.retired > 0)
      await recordAudit(ctx, repos, {
        entity: 'territory',
        entityId: 'directory',
        action: 'directory.loaded',
        after: { ...load },
      });
    return load;
  });
}
