import { z } from 'zod';
import type { Milestone } from '../../roadmap/milestone.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { Text, Url } from '../../shared/text.ts';
import { IsoDate, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { changeMilestone } from './milestone-change.ts';

export const CompleteMilestoneInput = z.object({
  milestoneId: idOf('milestone'),
  expectedVersion: z.number().int().min(1).optional(),
  /** The day it was reached; today in the governance's time zone when absent. */
  completedOn: IsoDate.optional(),
  evidence: z.union([Url, Text]).optional(),
});
export type CompleteMilestoneInput = z.input<typeof CompleteMilestoneInput>;

/** Marks a milestone as reached (« Fait » in the chat). Completing it twice is refused. */
export async function completeMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const fields = validate(CompleteMilestoneInput, input);
  return ctx.store.transaction((repos) =>
    changeMilestone(
      ctx,
      repos,
      { ...fields, permission: 'milestone.complete', auditAction: 'complete' },
      (milestone, governance) => {
        if (milestone.status === 'atteint') throw new ConflictError('Ce jalon est déjà atteint.');
        if (milestone.status === 'annule') throw new ConflictError('Ce jalon est annulé.');
        return {
          status: 'atteint',
          completedOn: fields.completedOn ?? localDate(ctx.clock(), governance.timeZone),
          ...(fields.evidence ? { evidence: fields.evidence } : {}),
        };
      },
    ),
  );
}
