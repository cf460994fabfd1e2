import { z } from 'zod';
import { membersOn } from '../../governance/body.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Attendance, Meeting } from '../../governance/meeting.ts';
import type { Permission } from '../../governance/permissions.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { allowed, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { type PersonRef, personNames, personRef } from '../names.ts';

export const GetMeetingSheetInput = z.object({ meetingId: idOf('meeting') });
export type GetMeetingSheetInput = z.input<typeof GetMeetingSheetInput>;

interface ActionRef {
  id: string;
  code: string;
  title: string;
}

export interface MeetingSheet {
  governance: Pick<Governance, 'id' | 'name' | 'timeZone' | 'demo'>;
  body: { id: string; name: string };
  meeting: Meeting;
  agenda: { title: string; presenter: PersonRef | null; action: ActionRef | null }[];
  decisions: { id: string; text: string; action: ActionRef | null }[];
  /**
   * Whose attendance is noted: those seated on the body on the meeting's day, then anyone else
   * already noted; `status` is null while nothing is noted for them.
   */
  attendance: { person: PersonRef; status: Attendance | null }[];
  may: Record<Extract<Permission, 'meeting.manage'>, boolean>;
}

/**
 * A meeting's page: its agenda, minutes, decisions (with the sheets they concern) and the
 * attendance of the body's members, for whoever may read the governance.
 */
export async function getMeetingSheet(ctx: UseCaseContext, input: unknown): Promise<MeetingSheet> {
  const { meetingId } = validate(GetMeetingSheetInput, input);
  return ctx.store.transaction(async (repos) => {
    const meeting = await mustGet(repos.meetings, meetingId, 'Séance');
    const governance = await authorize(ctx, repos, 'governance.read', meeting.governanceId, {
      asked: ['Séance', meetingId],
    });
    const [body, may] = await Promise.all([
      mustGet(repos.bodies, meeting.bodyId, 'Instance'),
      allowed(ctx, repos, governance, ['meeting.manage']),
    ]);
    const seated = membersOn(body, localDate(meeting.startsAt, governance.timeZone)).map(
      (m) => m.personId,
    );
    const noted = new Map(meeting.attendance.map((a) => [a.personId, a.status]));
    const attendees = [...new Set([...seated, ...noted.keys()])];
    const people = await personNames(repos, [
      ...attendees,
      ...meeting.agenda.map((i) => i.presenterId),
    ]);
    const actionIds = [...meeting.agenda, ...meeting.decisions].flatMap((i) =>
      i.actionId ? [i.actionId] : [],
    );
    const actions = new Map(
      (actionIds.length > 0 ? await repos.actions.getMany([...new Set(actionIds)]) : []).map(
        (a) => [a.id, { id: a.id, code: a.code, title: a.title }],
      ),
    );
    const actionOf = (id: string | undefined) => (id ? (actions.get(id) ?? null) : null);
    return {
      governance: {
        id: governance.id,
        name: governance.name,
        timeZone: governance.timeZone,
        ...(governance.demo ? { demo: true } : {}),
      },
      body: { id: body.id, name: body.name },
      meeting,
      agenda: meeting.agenda.map((item) => ({
        title: item.title,
        presenter: item.presenterId ? personRef(item.presenterId, people) : null,
        action: actionOf(item.actionId),
      })),
      decisions: meeting.decisions.map((d) => ({
        id: d.id,
        text: d.text,
        action: actionOf(d.actionId),
      })),
      attendance: attendees.map((id) => ({
        person: personRef(id, people),
        status: noted.get(id) ?? null,
      })),
      may,
    };
  });
}
