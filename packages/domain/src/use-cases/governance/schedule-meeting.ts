import { z } from 'zod';
import { Decision, Meeting, MeetingFields } from '../../governance/meeting.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew, mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/**
 * Decisions as a client writes them: the id is given by the kernel; what a decision does is
 * recorded through `recordDecision` only, which applies it.
 */
export const DecisionInput = Decision.omit({ effect: true, outcome: true }).extend({
  id: idOf('decision').optional(),
});

export const ScheduleMeetingInput = MeetingFields.extend({
  decisions: z.array(DecisionInput).max(100).default([]),
});
export type ScheduleMeetingInput = z.input<typeof ScheduleMeetingInput>;

/** Puts a meeting of a body on the calendar (or records one already held). */
export async function scheduleMeeting(ctx: UseCaseContext, input: unknown): Promise<Meeting> {
  const fields = validate(ScheduleMeetingInput, input);
  return ctx.store.transaction(async (repos) => {
    const body = await mustGet(repos.bodies, fields.bodyId, 'Instance');
    await authorize(ctx, repos, 'meeting.manage', body.governanceId, {
      asked: ['Instance', body.id],
    });
    await checkMeetingReferences(repos, body.governanceId, fields);
    return insertNew(
      ctx,
      repos,
      { schema: Meeting, entity: 'meeting', repo: repos.meetings },
      {
        ...fields,
        decisions: fields.decisions.map((d) => ({ ...d, id: d.id ?? ctx.ids('decision') })),
        id: ctx.ids('meeting'),
        governanceId: body.governanceId,
      },
    );
  });
}

/** Checks that the people a meeting names exist, and the actions are the governance's own. */
export async function checkMeetingReferences(
  repos: Repositories,
  governanceId: string,
  meeting: Partial<Pick<Meeting, 'agenda' | 'attendance'>> & {
    decisions?: { actionId?: string | undefined }[] | undefined;
  },
): Promise<void> {
  const agenda = meeting.agenda ?? [];
  await checkReferences(
    repos.persons,
    [...agenda.map((a) => a.presenterId), ...(meeting.attendance ?? []).map((a) => a.personId)],
    'Personne',
    ['attendance'],
  );
  await checkReferences(
    repos.actions,
    [...agenda.map((a) => a.actionId), ...(meeting.decisions ?? []).map((d) => d.actionId)],
    'Action',
    ['decisions'],
    governanceId,
  );
}
