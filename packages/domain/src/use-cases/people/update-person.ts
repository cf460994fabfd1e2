import { Person, PersonFields } from '../../people/person.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { authorizePersonChange } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { authorizePersonRead } from './get-person.ts';

// What a person may change on their own record. Their organization and functions are kept by a
// coordinator: they decide what the person may do on actions and what the indicators count.
const SELF_EDITABLE = new Set(['displayName', 'email', 'phone', 'reminders']);

/**
 * Changes some fields of a person. A person may change their own name, contact details and
 * reminder preferences (a leave with `pausedUntil`); a coordinator of a governance where they
 * take part may change the rest.
 */
export async function updatePerson(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const { id, expectedVersion, changes } = parseChange(PersonFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.persons, id, 'Personne');
    const access = await changeAccess(ctx, repos, id);
    if (access === 'self' && Object.keys(changes).some((key) => !SELF_EDITABLE.has(key))) {
      throw new ForbiddenError(
        'Votre structure et vos fonctions sont tenues par un·e coordinateur·rice.',
      );
    }
    if (before.erasedAt)
      throw new ConflictError('Cette personne a été effacée : elle ne peut plus être modifiée.');
    return saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        before,
        expectedVersion,
        changes,
      },
    );
  });
}

/**
 * `authorizePersonChange`, except that someone who may read the person (`authorizePersonRead`: a
 * fellow member) is told they may not change them, rather than that the person does not exist.
 */
export async function changeAccess(
  ctx: UseCaseContext,
  repos: Repositories,
  personId: string,
): Promise<'manager' | 'self'> {
  try {
    return await authorizePersonChange(ctx, repos, personId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    await authorizePersonRead(ctx, repos, personId);
    throw new ForbiddenError(
      'Seul·e un·e coordinateur·rice d’une gouvernance où cette personne intervient peut modifier sa fiche.',
    );
  }
}
