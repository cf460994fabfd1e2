import type { Milestone } from '../../roadmap/milestone.ts';
import { MilestoneFields } from '../../roadmap/milestone.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { parseChange } from '../helpers.ts';
import { changeMilestone } from './milestone-change.ts';

// The due date moves only through `rescheduleMilestone`, which keeps the history and the reason.
const MilestonePatchFields = MilestoneFields.pick({
  title: true,
  description: true,
  ownerId: true,
  weight: true,
});

/** Changes a milestone's title, description, owner or weight. */
export async function updateMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const { id, expectedVersion, changes } = parseChange(MilestonePatchFields, input);
  return ctx.store.transaction((repos) =>
    changeMilestone(
      ctx,
      repos,
      { milestoneId: id, expectedVersion, permission: 'milestone.edit', auditAction: 'update' },
      async () => {
        await checkReferences(repos.persons, [changes.ownerId], 'Personne', ['ownerId']);
        return changes;
      },
    ),
  );
}
