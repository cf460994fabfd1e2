import { z } from 'zod';
import type { Milestone } from '../../roadmap/milestone.ts';
import { ConflictError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { Text } from '../../shared/text.ts';
import { IsoDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { changeMilestone } from './milestone-change.ts';

export const RescheduleMilestoneInput = z.object({
  milestoneId: idOf('milestone'),
  expectedVersion: z.number().int().min(1).optional(),
  to: IsoDate,
  reason: Text,
});
export type RescheduleMilestoneInput = z.input<typeof RescheduleMilestoneInput>;

/** Moves a milestone's due date, keeping the old date, the reason and who moved it. */
export async function rescheduleMilestone(ctx: UseCaseContext, input: unknown): Promise<Milestone> {
  const fields = validate(RescheduleMilestoneInput, input);
  const byId = actingPersonId(ctx);
  return ctx.store.transaction((repos) =>
    changeMilestone(
      ctx,
      repos,
      { ...fields, permission: 'milestone.reschedule', auditAction: 'reschedule' },
      (milestone) => {
        if (milestone.status === 'atteint' || milestone.status === 'annule') {
          throw new ConflictError('Un jalon atteint ou annulé ne se reporte pas.');
        }
        if (fields.to === milestone.dueDate) {
          throw new ValidationError([
            { path: ['to'], message: 'La nouvelle date est la date actuelle.' },
          ]);
        }
        return {
          status: 'reporte',
          dueDate: fields.to,
          reschedules: [
            ...milestone.reschedules,
            {
              from: milestone.dueDate,
              to: fields.to,
              reason: fields.reason,
              byId,
              at: ctx.clock(),
              ...(ctx.decision ? { decidedBy: ctx.decision } : {}),
            },
          ],
          ...(ctx.decision ? { decidedBy: ctx.decision } : {}),
        };
      },
    ),
  );
}
