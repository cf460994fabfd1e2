import { z } from 'zod';
import { idOf } from '../shared/ids.ts';
import { singleLine, Text } from '../shared/text.ts';
import { IsoDate } from '../shared/time.ts';

/** Which decision of which meeting: what an audit event keeps of a change made by decision. */
export const DecisionRef = z.object({
  meetingId: idOf('meeting'),
  decisionId: idOf('decision'),
});
export type DecisionRef = z.infer<typeof DecisionRef>;

/**
 * The meeting decision that changed a record (an action, a milestone, a roadmap): its ids, and
 * what a reader says of it — « Décidé en Comité de pilotage du 12 mars 2027 : … ». The day, the
 * body's name and the text are copied: a decision that acted is never edited afterwards.
 */
export const DecidedBy = DecisionRef.extend({
  /** The meeting's day in the governance's time zone. */
  on: IsoDate,
  bodyName: singleLine(200),
  text: Text,
});
export type DecidedBy = z.infer<typeof DecidedBy>;
