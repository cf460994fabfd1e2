import { z } from 'zod';
import type { Body, MemberPosition } from '../../governance/body.ts';
import { membersOn } from '../../governance/body.ts';
import type { GovernanceOrganizationRole, GovernanceRole } from '../../governance/governance.ts';
import type { Decision, Meeting } from '../../governance/meeting.ts';
import type { Permission } from '../../governance/permissions.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { allowed } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { sameTransaction } from '../helpers.ts';
import { type PersonRef, personNames, personRef } from '../names.ts';
import { type GovernanceDashboard, getGovernanceDashboard } from './get-governance-dashboard.ts';

export const GetSteeringBriefInput = z.object({
  governanceId: idOf('governance'),
  /** How many of the next meetings to show. */
  meetings: z.number().int().min(1).max(50).default(5),
});
export type GetSteeringBriefInput = z.input<typeof GetSteeringBriefInput>;

export interface BriefBody {
  body: Pick<Body, 'id' | 'name' | 'kind' | 'frequency'>;
  /** Who sits on it today, presidents first. */
  members: { person: PersonRef; position: MemberPosition }[];
}

export interface BriefMeeting {
  meeting: Pick<Meeting, 'id' | 'title' | 'startsAt' | 'place' | 'status'> & {
    agenda: { title: string }[];
  };
  body: { id: string; name: string };
}

export interface BriefDecision {
  decision: Decision;
  /** The held meeting that took it: the last one of its body. */
  meeting: { id: string; title: string | null; startsAt: string };
  body: { id: string; name: string };
  action: { id: string; code: string; title: string } | null;
}

/** The governance's page and the steering-committee brief: the dashboard, then its people and meetings. */
export interface SteeringBrief extends GovernanceDashboard {
  /** Who holds a role in the governance, coordinators first, then by name. */
  roles: { person: PersonRef; role: GovernanceRole }[];
  /** The organizations taking part, co-porteurs first, then by name. */
  organizations: { id: string; name: string; role: GovernanceOrganizationRole }[];
  bodies: BriefBody[];
  /** Meetings planned from now on, the soonest first. */
  nextMeetings: BriefMeeting[];
  /** The decisions of each body's last held meeting: what the next committee follows up. */
  recentDecisions: BriefDecision[];
  /** What the reader may do here: the page shows only the forms that will be accepted. */
  may: Record<
    Extract<Permission, 'governance.manage' | 'body.manage' | 'roadmap.edit' | 'indicator.manage'>,
    boolean
  >;
}

const POSITION_ORDER: readonly MemberPosition[] = [
  'president',
  'vice_president',
  'elu_porteur',
  'referent_technique',
  'secretaire',
  'membre',
  'observateur',
];

/**
 * What a coordinator opens before a comité de pilotage, and prints for it: the dashboard
 * (milestones, roadmaps with their axes, funding, indicators, latest updates), the bodies with
 * who sits on them today, the next meetings, and the decisions of each body's last meeting.
 * Readable by whoever may read the governance.
 */
export async function getSteeringBrief(
  ctx: UseCaseContext,
  input: unknown,
): Promise<SteeringBrief> {
  const { governanceId, meetings: meetingCount } = validate(GetSteeringBriefInput, input);
  return ctx.store.transaction(async (repos) => {
    const inside = { ...ctx, store: sameTransaction(repos) };
    // The dashboard checks that the governance may be read.
    const dashboard = await getGovernanceDashboard(inside, { governanceId });
    const [bodies, meetings, may] = await Promise.all([
      repos.bodies.listByGovernance(governanceId),
      repos.meetings.listByGovernance(governanceId),
      allowed(ctx, repos, dashboard.governance, [
        'governance.manage',
        'body.manage',
        'roadmap.edit',
        'indicator.manage',
      ]),
    ]);
    const now = ctx.clock();
    const seated = bodies.map((body) => ({
      body,
      members: membersOn(body, dashboard.today).sort(
        (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position),
      ),
    }));
    const bodyName = new Map(bodies.map((b) => [b.id, { id: b.id, name: b.name }]));
    const next = meetings
      .filter((m) => m.status === 'prevue' && m.startsAt >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, meetingCount);
    const lastHeld = new Map<string, Meeting>();
    for (const m of meetings) {
      if (m.status !== 'tenue' || m.startsAt > now) continue;
      const known = lastHeld.get(m.bodyId);
      if (!known || m.startsAt > known.startsAt) lastHeld.set(m.bodyId, m);
    }
    const decided = [...lastHeld.values()].flatMap((m) =>
      m.decisions.map((d) => ({ meeting: m, decision: d })),
    );
    const actionIds = decided.flatMap(({ decision }) =>
      decision.actionId ? [decision.actionId] : [],
    );
    const actions =
      actionIds.length > 0 ? await repos.actions.getMany([...new Set(actionIds)]) : [];
    const people = await personNames(repos, [
      ...seated.flatMap((s) => s.members.map((m) => m.personId)),
      ...dashboard.governance.roles.map((r) => r.personId),
    ]);
    const taking = dashboard.governance.organizations;
    const organizations =
      taking.length > 0
        ? await repos.organizations.getMany(taking.map((o) => o.organizationId))
        : [];
    const organizationName = new Map(organizations.map((o) => [o.id, o.name]));
    const roleOrder: readonly GovernanceRole[] = ['coordinateur', 'membre', 'observateur'];
    const organizationOrder: readonly GovernanceOrganizationRole[] = ['co_porteur', 'membre'];
    return {
      ...dashboard,
      roles: dashboard.governance.roles
        .map((r) => ({ person: personRef(r.personId, people), role: r.role }))
        .sort(
          (a, b) =>
            roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
            a.person.name.localeCompare(b.person.name, 'fr'),
        ),
      organizations: taking
        .map((o) => ({
          id: o.organizationId,
          name: organizationName.get(o.organizationId) ?? o.organizationId,
          role: o.role,
        }))
        .sort(
          (a, b) =>
            organizationOrder.indexOf(a.role) - organizationOrder.indexOf(b.role) ||
            a.name.localeCompare(b.name, 'fr'),
        ),
      bodies: seated.map(({ body, members }) => ({
        body: { id: body.id, name: body.name, kind: body.kind, frequency: body.frequency },
        members: members.map((m) => ({
          person: personRef(m.personId, people),
          position: m.position,
        })),
      })),
      nextMeetings: next.map((m) => ({
        meeting: {
          id: m.id,
          title: m.title,
          startsAt: m.startsAt,
          place: m.place,
          status: m.status,
          agenda: m.agenda.map((item) => ({ title: item.title })),
        },
        body: bodyName.get(m.bodyId) ?? { id: m.bodyId, name: '' },
      })),
      recentDecisions: decided.map(({ meeting, decision }) => {
        const action = actions.find((a) => a.id === decision.actionId);
        return {
          decision,
          meeting: { id: meeting.id, title: meeting.title ?? null, startsAt: meeting.startsAt },
          body: bodyName.get(meeting.bodyId) ?? { id: meeting.bodyId, name: '' },
          action: action ? { id: action.id, code: action.code, title: action.title } : null,
        };
      }),
      may,
    };
  });
}
