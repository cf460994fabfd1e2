import { z } from 'zod';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { LongText, singleLine, Text, Title, Url } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';
import { DecisionEffect, DecisionOutcome } from './decision-effect.ts';

export const attendanceLabels = {
  present: 'Présent·e',
  excuse: 'Excusé·e',
  absent: 'Absent·e',
  represente: 'Représenté·e',
} as const;
export const Attendance = enumOf(attendanceLabels);
export type Attendance = z.infer<typeof Attendance>;

export const AgendaItem = z.object({
  title: Title,
  presenterId: idOf('person').optional(),
  actionId: idOf('action').optional(),
  durationMinutes: z.number().int().min(1).max(600).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * A decision taken in a meeting. It may only concern an action (`actionId`), or act (`effect`):
 * adopt a roadmap, create or change an action, reschedule a milestone — then `outcome` says what
 * it changed, and the changed record names the decision (`decidedBy`). Both are set by
 * `recordDecision`, never by a client, and a decision that acted is not edited afterwards.
 */
export const Decision = z.object({
  id: idOf('decision'),
  text: Text,
  actionId: idOf('action').optional(),
  effect: DecisionEffect.optional(),
  outcome: DecisionOutcome.optional(),
});
export type Decision = z.infer<typeof Decision>;

export const meetingStatusLabels = {
  prevue: 'Prévue',
  tenue: 'Tenue',
  annulee: 'Annulée',
} as const;
export const MeetingStatus = enumOf(meetingStatusLabels);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** The fields of a meeting that people set. */
export const MeetingFields = z.object({
  bodyId: idOf('body'),
  title: Title.optional(),
  startsAt: Instant,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  place: singleLine(300).optional(),
  link: Url.optional(),
  agenda: z.array(AgendaItem).max(50).default([]),
  status: MeetingStatus.default('prevue'),
  minutes: LongText.optional(),
  decisions: z.array(Decision).max(100).default([]),
  attendance: z
    .array(z.object({ personId: idOf('person'), status: Attendance }))
    .max(300)
    .default([]),
});
export type MeetingInput = z.input<typeof MeetingFields>;

/** One meeting of a body: when, where, agenda, minutes, decisions and who attended. */
export const Meeting = MeetingFields.extend({
  id: idOf('meeting'),
  governanceId: idOf('governance'),
}).extend(EntityMeta.shape);
export type Meeting = z.infer<typeof Meeting>;
