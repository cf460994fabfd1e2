import { z } from 'zod';
import { membersOn } from '../../governance/body.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Attendance, Decision, Meeting } from '../../governance/meeting.ts';
import type { Permission } from '../../governance/permissions.ts';
import type { Action } from '../../roadmap/action.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { allowed, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { type PersonRef, personNames, personRef } from '../names.ts';
import type { Repositories } from '../ports.ts';

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
  /** Each decision with the sheet it concerns, and what it did when it acted. */
  decisions: (Pick<Decision, 'id' | 'text' | 'effect' | 'outcome'> & {
    action: ActionRef | null;
  })[];
  /**
   * Whose attendance is noted: those seated on the body on the meeting's day, then anyone else
   * already noted; `status` is null while nothing is noted for them.
   */
  attendance: { person: PersonRef; status: Attendance | null }[];
  may: Record<Extract<Permission, 'meeting.manage'>, boolean>;
  /**
   * For who may record a decision at this meeting (held, or of today or before, not cancelled):
   * what its effect may point at. Absent otherwise.
   */
  decisionChoices?: DecisionChoices;
}

/** The roadmaps, actions and open milestones of the governance, for a decision's form. */
export interface DecisionChoices {
  roadmaps: { id: string; title: string; status: Roadmap['status'] }[];
  actions: { id: string; code: string; title: string; status: Action['status'] }[];
  milestones: { id: string; title: string; dueDate: string; actionCode: string | null }[];
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
    const decidable =
      may['meeting.manage'] &&
      meeting.status !== 'annulee' &&
      localDate(meeting.startsAt, governance.timeZone) <=
        localDate(ctx.clock(), governance.timeZone);
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
        ...(d.effect ? { effect: d.effect } : {}),
        ...(d.outcome ? { outcome: d.outcome } : {}),
        action: actionOf(d.actionId),
      })),
      attendance: attendees.map((id) => ({
        person: personRef(id, people),
        status: noted.get(id) ?? null,
      })),
      may,
      ...(decidable ? { decisionChoices: await decisionChoices(repos, governance.id) } : {}),
    };
  });
}

/** What a decision may point at: shown whole in the form's lists, so read whole. */
async function decisionChoices(
  repos: Repositories,
  governanceId: string,
): Promise<DecisionChoices> {
  const [roadmaps, actions, milestones] = await Promise.all([
    repos.roadmaps.listByGovernance(governanceId),
    repos.actions.listByGovernance(governanceId),
    repos.milestones.listByGovernance(governanceId),
  ]);
  const live = new Set(roadmaps.filter((r) => r.status !== 'archivee').map((r) => r.id));
  const code = new Map(actions.map((a) => [a.id, a.code]));
  return {
    roadmaps: roadmaps
      .filter((r) => live.has(r.id))
      .map((r) => ({ id: r.id, title: r.title, status: r.status })),
    actions: actions
      .filter((a) => live.has(a.roadmapId))
      .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }))
      .map((a) => ({ id: a.id, code: a.code, title: a.title, status: a.status })),
    milestones: milestones
      .filter((m) => live.has(m.roadmapId) && (m.status === 'a_venir' || m.status === 'reporte'))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
      .map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        actionCode: m.actionId ? (code.get(m.actionId) ?? null) : null,
      })),
  };
}
