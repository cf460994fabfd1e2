import { Body, BodyFields } from '../../governance/body.ts';
import { localDate } from '../../shared/time.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';

const BodyPatchFields = BodyFields.omit({ governanceId: true });

/**
 * Changes a body: its name, frequency, members, or its kind. A change of kind keeps the old kind
 * in `kindHistory` (Dronne et Belle's project group became its steering committee).
 */
export async function updateBody(ctx: UseCaseContext, change: VersionedChange): Promise<Body> {
  const patch = parsePatch(BodyPatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.bodies, change.id, 'Instance');
    const governance = await authorize(ctx, repos, 'body.manage', before.governanceId);
    if (patch.members) {
      await checkReferences(
        repos.persons,
        patch.members.map((m) => m.personId),
        'Personne',
        ['members'],
      );
    }
    const now = ctx.clock();
    const kindHistory =
      patch.kind && patch.kind !== before.kind
        ? [...before.kindHistory, { kind: before.kind, until: localDate(now, governance.timeZone) }]
        : before.kindHistory;
    return saveChange(
      ctx,
      repos,
      { schema: Body, entity: 'body', repo: repos.bodies },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes: { ...patch, kindHistory },
      },
    );
  });
}
