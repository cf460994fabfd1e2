import { beforeEach, describe, expect, it } from 'vitest';
import type { Body } from '../../governance/body.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createBody } from './create-body.ts';
import { getBody } from './get-body.ts';
import { getMeeting } from './get-meeting.ts';
import { listBodies } from './list-bodies.ts';
import { listMeetings } from './list-meetings.ts';
import { scheduleMeeting } from './schedule-meeting.ts';

describe('reading bodies and meetings', () => {
  let world: TestWorld;
  let copil: Body;
  let group: Body;
  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    copil = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
      members: [{ personId: world.people.member.id, position: 'president', since: '2024-01-01' }],
    });
    group = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Groupe projet',
      kind: 'groupe_projet',
    });
    for (const [body, startsAt] of [
      [copil, '2024-06-03T14:00:00.000Z'],
      [copil, '2024-12-02T14:00:00.000Z'],
      [group, '2024-06-10T08:00:00.000Z'],
    ] as const) {
      await scheduleMeeting(coordinator, { bodyId: body.id, startsAt });
    }
  });

  it('lists and reads the bodies of a governance for its observers', async () => {
    const page = await listBodies(world.as('observer'), {
      governanceId: world.governance.id,
      limit: 1,
    });
    expect(page.items).toHaveLength(1);
    const rest = await listBodies(world.as('observer'), {
      governanceId: world.governance.id,
      after: page.next,
      limit: 5,
    });
    expect([...page.items, ...rest.items].map((b) => b.id).sort()).toEqual(
      [copil.id, group.id].sort(),
    );
    expect(await getBody(world.as('observer'), { bodyId: copil.id })).toMatchObject({
      members: [{ personId: world.people.member.id, position: 'president' }],
    });
  });

  it('lists a governance’s meetings, or one body’s', async () => {
    const governanceId = world.governance.id;
    const all = await listMeetings(world.as('member'), { governanceId, limit: 10 });
    expect(all.items).toHaveLength(3);
    const ofGroup = await listMeetings(world.as('member'), {
      governanceId,
      bodyId: group.id,
      limit: 10,
    });
    expect(ofGroup.items.map((m) => m.bodyId)).toEqual([group.id]);
    const meeting = ofGroup.items[0];
    expect(await getMeeting(world.as('member'), { meetingId: meeting?.id })).toEqual(meeting);
  });

  it('tells someone outside the governance that none of it exists', async () => {
    const outsider = world.as('outsider');
    const governanceId = world.governance.id;
    const { items } = await listMeetings(world.as('member'), { governanceId, limit: 1 });
    const attempts = [
      listBodies(outsider, { governanceId, limit: 10 }),
      listMeetings(outsider, { governanceId, limit: 10 }),
      getBody(outsider, { bodyId: copil.id }),
      getMeeting(outsider, { meetingId: items[0]?.id }),
      getBody(world.as('public'), { bodyId: copil.id }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBody(outsider, { bodyId: copil.id })).rejects.toThrow(copil.id);
  });
});
