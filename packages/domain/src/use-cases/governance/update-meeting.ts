import { Meeting } from '../../governance/meeting.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parseChange, saveChange } from '../helpers.ts';
import { checkMeetingReferences, ScheduleMeetingInput } from './schedule-meeting.ts';

const MeetingPatchFields = ScheduleMeetingInput.omit({ bodyId: true });

/** Changes a meeting: moves it, cancels it, records its minutes, decisions and attendance. */
export async function updateMeeting(ctx: UseCaseContext, input: unknown): Promise<Meeting> {
  const { id, expectedVersion, changes } = parseChange(MeetingPatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.meetings, id, 'Séance');
    await authorize(ctx, repos, 'meeting.manage', before.governanceId, {
      asked: ['Séance', before.id],
    });
    await checkMeetingReferences(repos, before.governanceId, changes);
    const decisions = changes.decisions?.map((d) => ({ ...d, id: d.id ?? ctx.ids('decision') }));
    return saveChange(
      ctx,
      repos,
      { schema: Meeting, entity: 'meeting', repo: repos.meetings },
      {
        before,
        expectedVersion,
        changes: { ...changes, ...(decisions ? { decisions } : {}) } as Partial<Meeting>,
      },
    );
  });
}
