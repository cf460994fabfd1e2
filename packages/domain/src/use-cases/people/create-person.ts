import { Person, PersonFields } from '../../people/person.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { PersonFields as CreatePersonInput };

/** Adds a person (an elected official, an adviser, a volunteer) to the directory. */
export async function createPerson(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const fields = validate(PersonFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    return insertNew(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        ...fields,
        id: ctx.ids('person'),
      },
    );
  });
}
