import type { Milestone } from '../../roadmap/milestone.ts';
import { MilestoneFields } from '../../roadmap/milestone.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { parsePatch } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';
import { changeMilestone } from './milestone-change.ts';

// The due date moves only through `rescheduleMilestone`, which keeps the history and the reason.
const MilestonePatchFields = MilestoneFields.pick({
  title: true,
  description: true,
  ownerId: true,
  weight: true,
});

/** Changes a milestone's title, description, owner or weight. */
export async function updateMilestone(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Milestone> {
  const patch = parsePatch(MilestonePatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    await checkReferences(repos.persons, [patch.ownerId], 'Personne', ['ownerId']);
    return changeMilestone(
      ctx,
      repos,
      {
        milestoneId: change.id,
        expectedVersion: change.expectedVersion,
        permission: 'milestone.edit',
        auditAction: 'update',
      },
      () => patch,
    );
  });
}
