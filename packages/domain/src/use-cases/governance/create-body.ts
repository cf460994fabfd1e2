import { Body, BodyFields } from '../../governance/body.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew } from '../helpers.ts';

export { BodyFields as CreateBodyInput };

/** Creates a body of a governance (project group, steering committee, community…). */
export async function createBody(ctx: UseCaseContext, input: unknown): Promise<Body> {
  const fields = validate(BodyFields, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'body.manage', fields.governanceId);
    await checkReferences(
      repos.persons,
      fields.members.map((m) => m.personId),
      'Personne',
      ['members'],
    );
    return insertNew(
      ctx,
      repos,
      { schema: Body, entity: 'body', repo: repos.bodies },
      {
        ...fields,
        id: ctx.ids('body'),
      },
    );
  });
}
