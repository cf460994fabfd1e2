import { z } from 'zod';
import { DecidedBy } from '../governance/decided-by.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Text, Title, Url } from '../shared/text.ts';
import { Instant, IsoDate } from '../shared/time.ts';

export const milestoneStatusLabels = {
  a_venir: 'À venir',
  atteint: 'Atteint',
  reporte: 'Reporté',
  annule: 'Annulé',
} as const;
export const MilestoneStatus = enumOf(milestoneStatusLabels);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** One move of a due date: from, to, why and who. */
export const Reschedule = z.object({
  from: IsoDate,
  to: IsoDate,
  reason: Text,
  byId: idOf('person'),
  at: Instant,
  /** The meeting decision that moved it, when a committee did. */
  decidedBy: DecidedBy.optional(),
});
export type Reschedule = z.infer<typeof Reschedule>;

/** The fields of a milestone that people set. */
export const MilestoneFields = z.object({
  roadmapId: idOf('roadmap'),
  /** Absent for a milestone of the roadmap itself (adoption, mid-term review). */
  actionId: idOf('action').optional(),
  title: Title,
  description: Text.optional(),
  /** A calendar day in the governance's time zone. */
  dueDate: IsoDate,
  ownerId: idOf('person').optional(),
  /** Weight in the action's progress. */
  weight: z.number().min(0).max(100).default(1),
});
export type MilestoneInput = z.input<typeof MilestoneFields>;

/**
 * A dated step of an action or of the roadmap, with an owner. "Late" is never stored: it is
 * derived from the due date, the status and today's date (see `milestoneState`).
 */
export const Milestone = MilestoneFields.extend({
  id: idOf('milestone'),
  governanceId: idOf('governance'),
  status: MilestoneStatus.default('a_venir'),
  completedOn: IsoDate.optional(),
  evidence: z.union([Url, Text]).optional(),
  reschedules: z.array(Reschedule).max(100).default([]),
  /** The last meeting decision that acted on it (its reschedules say which move it made). */
  decidedBy: DecidedBy.optional(),
})
  .extend(EntityMeta.shape)
  .refine((m) => m.status !== 'atteint' || m.completedOn !== undefined, {
    message: 'Un jalon atteint porte sa date de réalisation.',
    path: ['completedOn'],
  });
export type Milestone = z.infer<typeof Milestone>;
