import { Body, BodyFields } from '../../governance/body.ts';
import { localDate } from '../../shared/time.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parsePatch, recordAudit } from '../helpers.ts';
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
    checkVersion(before, change.expectedVersion);
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
    const after = nextVersion(Body, before, { ...patch, kindHistory }, now);
    await repos.bodies.update(after);
    await recordAudit(ctx, repos, {
      entity: 'body',
      entityId: after.id,
      governanceId: after.governanceId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
