import { Person, PersonFields } from '../../people/person.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, recordAudit } from '../helpers.ts';

export { PersonFields as CreatePersonInput };

/** Adds a person (an elected official, an adviser, a volunteer) to the directory. */
export async function createPerson(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const fields = validate(PersonFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const person = validate(Person, { ...fields, id: ctx.ids('person'), ...newMeta(ctx.clock()) });
    await repos.persons.insert(person);
    await recordAudit(ctx, repos, {
      entity: 'person',
      entityId: person.id,
      action: 'create',
      after: person,
    });
    return person;
  });
}
