import { Meeting } from '../../governance/meeting.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, parsePatch, saveChange } from '../helpers.ts';
import type { VersionedChange } from '../inputs.ts';
import { checkMeetingReferences, ScheduleMeetingInput } from './schedule-meeting.ts';

const MeetingPatchFields = ScheduleMeetingInput.omit({ bodyId: true });

/** Changes a meeting: moves it, cancels it, records its minutes, decisions and attendance. */
export async function updateMeeting(
  ctx: UseCaseContext,
  change: VersionedChange,
): Promise<Meeting> {
  const patch = parsePatch(MeetingPatchFields, change.patch);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.meetings, change.id, 'Séance');
    await authorize(ctx, repos, 'meeting.manage', before.governanceId);
    await checkMeetingReferences(repos, patch);
    const decisions = patch.decisions?.map((d) => ({ ...d, id: d.id ?? ctx.ids('decision') }));
    return saveChange(
      ctx,
      repos,
      { schema: Meeting, entity: 'meeting', repo: repos.meetings },
      {
        before,
        expectedVersion: change.expectedVersion,
        changes: { ...patch, ...(decisions ? { decisions } : {}) } as Partial<Meeting>,
      },
    );
  });
}
