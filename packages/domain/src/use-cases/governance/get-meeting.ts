import { z } from 'zod';
import type { Meeting } from '../../governance/meeting.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readInGovernance } from '../readable.ts';

export const GetMeetingInput = z.object({ meetingId: idOf('meeting') });
export type GetMeetingInput = z.input<typeof GetMeetingInput>;

/** A meeting (agenda, minutes, decisions, attendance), for whoever may read its governance. */
export async function getMeeting(ctx: UseCaseContext, input: unknown): Promise<Meeting> {
  const { meetingId } = validate(GetMeetingInput, input);
  return ctx.store.transaction((repos) =>
    readInGovernance(ctx, repos, repos.meetings, meetingId, 'Séance'),
  );
}
