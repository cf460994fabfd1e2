import { Body, BodyFields } from '../../governance/body.ts';
import { localDate } from '../../shared/time.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';

const BodyPatchFields = BodyFields.omit({ governanceId: true });

/**
 * Changes a body: its name, frequency, members, or its kind. A change of kind keeps the old kind
 * in `kindHistory` (Dronne et Belle's project group became its steering committee).
 */
export async function updateBody(ctx: UseCaseContext, input: unknown): Promise<Body> {
  const { id, expectedVersion, changes } = parseChange(BodyPatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.bodies, id, 'Instance');
    const governance = await authorize(ctx, repos, 'body.manage', before.governanceId, {
      asked: ['Instance', before.id],
    });
    if (changes.members) {
      await checkReferences(
        repos.persons,
        changes.members.map((m) => m.personId),
        'Personne',
        ['members'],
      );
    }
    const now = ctx.clock();
    const kindHistory =
      changes.kind && changes.kind !== before.kind
        ? [...before.kindHistory, { kind: before.kind, until: localDate(now, governance.timeZone) }]
        : before.kindHistory;
    return saveChange(
      ctx,
      repos,
      { schema: Body, entity: 'body', repo: repos.bodies },
      {
        before,
        expectedVersion,
        changes: { ...changes, kindHistory },
      },
    );
  });
}
