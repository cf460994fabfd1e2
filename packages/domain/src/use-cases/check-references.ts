import { ValidationError } from '../shared/errors.ts';

/**
 * Refuses ids that name nothing (a person, an organization…), pointing at the faulty field, so a
 * typo in an id is a clear error rather than a dangling reference. With `governanceId`, an entity
 * of another governance counts as missing: a record never points into another territory's data.
 */
export async function checkReferences(
  repo: { getMany(ids: readonly string[]): Promise<{ id: string; governanceId?: string }[]> },
  ids: readonly (string | undefined)[],
  label: string,
  path: (string | number)[],
  governanceId?: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
  if (wanted.length === 0) return;
  const found = new Set(
    (await repo.getMany(wanted))
      .filter((entity) => governanceId === undefined || entity.governanceId === governanceId)
      .map((entity) => entity.id),
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((id) => ({ path, message: `${label} introuvable : ${id}.` })),
    );
  }
}
