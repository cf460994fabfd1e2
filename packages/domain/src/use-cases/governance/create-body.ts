import { Body, BodyFields } from '../../governance/body.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta, recordAudit } from '../helpers.ts';

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
    const body = validate(Body, { ...fields, id: ctx.ids('body'), ...newMeta(ctx.clock()) });
    await repos.bodies.insert(body);
    await recordAudit(ctx, repos, {
      entity: 'body',
      entityId: body.id,
      governanceId: body.governanceId,
      action: 'create',
      after: body,
    });
    return body;
  });
}
