import { z } from 'zod';
import { Governance, GovernanceRole } from '../../governance/governance.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';

export const AssignRoleInput = z.object({
  governanceId: idOf('governance'),
  personId: idOf('person'),
  /** `null` removes the person's role. */
  role: GovernanceRole.nullable(),
  expectedVersion: z.number().int().min(1).optional(),
});
export type AssignRoleInput = z.input<typeof AssignRoleInput>;

/** Gives a person a role in a governance, changes it, or removes it (`role: null`). */
export async function assignRole(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const { governanceId, personId, role, expectedVersion } = validate(AssignRoleInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', governanceId);
    await mustGet(repos.persons, personId, 'Personne');
    const now = ctx.clock();
    const others = before.roles.filter((r) => r.personId !== personId);
    const roles = role ? [...others, { personId, role, since: now }] : others;
    if (!roles.some((r) => r.role === 'coordinateur')) {
      throw new ConflictError('Une gouvernance garde au moins un·e coordinateur·rice.');
    }
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      {
        before,
        expectedVersion,
        changes: { roles },
        action: role ? 'assign_role' : 'remove_role',
      },
    );
  });
}
