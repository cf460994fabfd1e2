import { z } from 'zod';
import { enumOf, Percent } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Text } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';
import { ActionStatus } from './action.ts';
import { MilestoneStatus } from './milestone.ts';

export const updateChannelLabels = {
  discord: 'Discord',
  api: 'API',
  web: 'Web',
  cli: 'Ligne de commande',
  import: 'Import',
} as const;
export const UpdateChannel = enumOf(updateChannelLabels);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const updateKindLabels = {
  avancement: 'Avancement',
  blocage: 'Blocage',
  decision: 'Décision',
  information: 'Information',
} as const;
export const UpdateKind = enumOf(updateKindLabels);
export type UpdateKind = z.infer<typeof UpdateKind>;

export const updateSubjectLabels = {
  action: 'Action',
  milestone: 'Jalon',
  roadmap: 'Feuille de route',
  governance: 'Gouvernance',
} as const;

/** What an update is about. */
export const UpdateSubject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), id: idOf('action') }),
  z.object({ type: z.literal('milestone'), id: idOf('milestone') }),
  z.object({ type: z.literal('roadmap'), id: idOf('roadmap') }),
  z.object({ type: z.literal('governance'), id: idOf('governance') }),
]);
export type UpdateSubject = z.infer<typeof UpdateSubject>;

/** What a person sends to post an update. */
export const UpdateInput = z.object({
  subject: UpdateSubject,
  kind: UpdateKind.default('avancement'),
  text: Text,
  progress: Percent.optional(),
  /** A status change carried by the update, applied to its subject by the use case. */
  actionStatus: ActionStatus.optional(),
  milestoneStatus: MilestoneStatus.optional(),
});
export type UpdateInput = z.input<typeof UpdateInput>;

/**
 * A short progress note: who, when, from where, what. Never edited: a correction is a new
 * update. No `version` for the same reason.
 */
export const Update = UpdateInput.extend({
  id: idOf('update'),
  governanceId: idOf('governance'),
  authorId: idOf('person'),
  channel: UpdateChannel,
  createdAt: Instant,
});
export type Update = z.infer<typeof Update>;
