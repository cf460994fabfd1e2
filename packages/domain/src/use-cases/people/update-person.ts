import { Person, PersonFields } from '../../people/person.ts';
import { ConflictError } from '../../shared/errors.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

/**
 * Changes some fields of a person. A person may change their own record (their reminder
 * preferences, a leave with `pausedUntil`); others need to manage the directory.
 */
export async function updatePerson(ctx: UseCaseContext, change: VersionedChange): Promise<Person> {
  const changes = parsePatch(PersonFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    if (ctx.actor.personId !== change.id) await authorizeSharedDirectory(ctx, repos);
    const before = await mustGet(repos.persons, change.id, 'Personne');
    if (before.erasedAt)
      throw new ConflictError('Cette personne a été effacée : elle ne peut plus être modifiée.');
    return saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes,
      },
    );
  });
}
