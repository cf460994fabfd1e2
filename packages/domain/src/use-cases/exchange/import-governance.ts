import { DOCUMENT_LISTS, GovernanceDocument } from '../../exchange/governance-document.ts';
import { ConflictError, ForbiddenError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import type { Repositories } from '../ports.ts';

/** How far an import has gone, for a progress display. */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Imports a `GovernanceDocument` as it is, ids included, in one transaction: if anything fails —
 * a conflict, a crash, a killed process — nothing of it remains. People, organizations and
 * territories the instance already has (same id, or same level and code) are kept as they are.
 * An instance administrator's task: a governance with the same id must not exist.
 */
export async function importGovernance(
  ctx: UseCaseContext,
  input: unknown,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<{ governanceId: string; written: number }> {
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError(
      'L’import d’une gouvernance est réservé à l’administration de l’instance.',
    );
  }
  const document = validate(GovernanceDocument, input);
  const total = 1 + DOCUMENT_LISTS.reduce((sum, list) => sum + document[list].length, 0);
  return ctx.store.transaction(async (repos) => {
    if (await repos.governances.get(document.governance.id)) {
      throw new ConflictError(
        `La gouvernance ${document.governance.id} existe déjà dans cette base.`,
      );
    }
    let done = 0;
    const step = () => {
      done++;
      if (done % 500 === 0 || done === total) onProgress({ done, total });
    };
    let written = 0;
    for (const list of DOCUMENT_LISTS) {
      if (list === 'bodies') {
        await repos.governances.insert(document.governance);
        written++;
        step();
      }
      for (const row of document[list]) {
        if (await insertRow(repos, list, row as never)) written++;
        step();
      }
    }
    return { governanceId: document.governance.id, written };
  });
}

type ListName = (typeof DOCUMENT_LISTS)[number];

/** Inserts one record; the shared directory's existing records are kept (returns false). */
async function insertRow<L extends ListName>(
  repos: Repositories,
  list: L,
  row: GovernanceDocument[L][number],
): Promise<boolean> {
  switch (list) {
    case 'territories': {
      const territory = row as GovernanceDocument['territories'][number];
      if (await repos.territories.findByCode(territory.level, territory.code)) return false;
      await repos.territories.insert(territory);
      return true;
    }
    case 'organizations':
    case 'persons': {
      const repo = list === 'persons' ? repos.persons : repos.organizations;
      if (await repo.get(row.id)) return false;
      await (repo.insert as (entity: typeof row) => Promise<void>)(row);
      return true;
    }
    default:
      await (repos[list].insert as (entity: typeof row) => Promise<void>)(row);
      return true;
  }
}
