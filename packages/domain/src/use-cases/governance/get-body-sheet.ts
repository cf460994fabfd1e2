import { z } from 'zod';
import type { Body, MemberPosition } from '../../governance/body.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Meeting } from '../../governance/meeting.ts';
import type { Permission } from '../../governance/permissions.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { allowed, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { type PersonRef, personNames, personRef, personRefs } from '../names.ts';

export const GetBodySheetInput = z.object({ bodyId: idOf('body') });
export type GetBodySheetInput = z.input<typeof GetBodySheetInput>;

/** A seat as the body's page lists it; `index` names it in the body's `members` for a change. */
export interface BodySeat {
  index: number;
  person: PersonRef;
  position: MemberPosition;
  since: string;
  until: string | null;
  /** Seated today. */
  current: boolean;
}

export interface BodySheet {
  governance: Pick<Governance, 'id' | 'name' | 'timeZone' | 'demo'>;
  body: Body;
  today: string;
  /** Who sits on it today, then who sat on it, the latest departures first. */
  seats: BodySeat[];
  /** Its meetings: those to come, the soonest first, then those past, the latest first. */
  meetings: Pick<Meeting, 'id' | 'title' | 'startsAt' | 'status' | 'place'>[];
  /** Who holds a role in the governance or sits on the body: whom a seat may be given to. */
  people: PersonRef[];
  may: Record<Extract<Permission, 'body.manage' | 'meeting.manage'>, boolean>;
}

/**
 * A body's page: its members with their positions and dates, its meetings, and what the reader
 * may change. Readable by whoever may read the governance.
 */
export async function getBodySheet(ctx: UseCaseContext, input: unknown): Promise<BodySheet> {
  const { bodyId } = validate(GetBodySheetInput, input);
  return ctx.store.transaction(async (repos) => {
    const body = await mustGet(repos.bodies, bodyId, 'Instance');
    const governance = await authorize(ctx, repos, 'governance.read', body.governanceId, {
      asked: ['Instance', bodyId],
    });
    const [meetings, may] = await Promise.all([
      repos.meetings.listByGovernance(governance.id),
      allowed(ctx, repos, governance, ['body.manage', 'meeting.manage']),
    ]);
    const now = ctx.clock();
    const today = localDate(now, governance.timeZone);
    const people = await personNames(repos, [
      ...body.members.map((m) => m.personId),
      ...governance.roles.map((r) => r.personId),
    ]);
    const seats = body.members
      .map((m, index) => ({
        index,
        person: personRef(m.personId, people),
        position: m.position,
        since: m.since,
        until: m.until ?? null,
        current: m.since <= today && (!m.until || m.until >= today),
      }))
      .sort(
        (a, b) =>
          Number(b.current) - Number(a.current) ||
          (b.until ?? '').localeCompare(a.until ?? '') ||
          a.person.name.localeCompare(b.person.name, 'fr'),
      );
    const own = meetings.filter((m) => m.bodyId === body.id);
    const coming = own
      .filter((m) => m.startsAt >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = own
      .filter((m) => m.startsAt < now)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    return {
      governance: {
        id: governance.id,
        name: governance.name,
        timeZone: governance.timeZone,
        ...(governance.demo ? { demo: true } : {}),
      },
      body,
      today,
      seats,
      meetings: [...coming, ...past].map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        status: m.status,
        place: m.place,
      })),
      people: personRefs(people.keys(), people),
      may,
    };
  });
}
