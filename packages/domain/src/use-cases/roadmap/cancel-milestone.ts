import { z } from 'zod';
import type { Milestone } from '../../roadmap/milestone.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { changeMilestone } from './milestone-change.ts';

export const CancelMilestoneInput = z.object({
  milestoneId: idOf('milestone'),
  expectedVersion: z.number().int().min(1).optional(),
});

/** Cancels a milestone: it no longer counts in progress nor gets reminders. */
export async function cancelMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const fields = validate(CancelMilestoneInput, input);
  return ctx.store.transaction((repos) =>
    changeMilestone(
      ctx,
      repos,
      { ...fields, permission: 'milestone.edit', auditAction: 'cancel' },
      (milestone) => {
        if (milestone.status === 'atteint')
          throw new ConflictError('Un jalon atteint ne s’annule pas.');
        if (milestone.status === 'annule') throw new ConflictError('Ce jalon est déjà annulé.');
        return { status: 'annule' };
      },
    ),
  );
}
