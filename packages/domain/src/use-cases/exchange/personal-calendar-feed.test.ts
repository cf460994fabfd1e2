import { beforeEach, describe, expect, it } from 'vitest';
import { Body } from '../../governance/body.ts';
import { Meeting } from '../../governance/meeting.ts';
import { Action } from '../../roadmap/action.ts';
import { Milestone } from '../../roadmap/milestone.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { erasePersonalData } from '../people/personal-data.ts';
import { getPersonalCalendarFeed } from './get-personal-calendar-feed.ts';
import { readCalendarFeed } from './read-calendar-feed.ts';
import { renewPersonalCalendarFeed } from './renew-personal-calendar-feed.ts';

const META = {
  version: 1,
  createdAt: '2024-01-05T10:00:00.000Z',
  updatedAt: '2024-01-05T10:00:00.000Z',
};

/** The unfolded content lines of a feed. */
const lines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');
const uids = (ics: string) => lines(ics).filter((l) => l.startsWith('UID:'));

/** The unfolded lines of the event whose UID is `uid@maille`. */
function eventOf(ics: string, id: string): string[] {
  const all = lines(ics);
  const at = all.indexOf(`UID:${id}@maille`);
  expect(at).toBeGreaterThan(0);
  return all.slice(at, all.indexOf('END:VEVENT', at));
}

describe('a person’s own calendar feed', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
    const gov = world.governance.id;
    const other = world.outsiderGovernance.id;
    const { member, observer } = world.people;
    const seat = (personId: string, since: string, until?: string) => ({
      personId,
      position: 'membre',
      since,
      ...(until ? { until } : {}),
    });
    const body = (id: string, governanceId: string, name: string, members: unknown[]) =>
      Body.parse({ id, governanceId, name, kind: 'comite_pilotage', members, ...META });
    const meeting = (id: string, body: Body, startsAt: string, status = 'prevue') =>
      Meeting.parse({
        id,
        governanceId: body.governanceId,
        bodyId: body.id,
        startsAt,
        durationMinutes: 60,
        status,
        ...META,
      });
    const milestone = (id: string, fields: Partial<Milestone>) =>
      Milestone.parse({
        id,
        governanceId: gov,
        roadmapId: 'rdm_perso0001',
        title: `Jalon ${id}`,
        dueDate: '2024-06-30',
        ...META,
        ...fields,
      });
    const copil = body('bod_copil0001', gov, 'Comité de pilotage', [seat(member.id, '2024-01-01')]);
    const left = body('bod_quitte001', gov, 'Groupe projet', [
      seat(member.id, '2023-01-01', '2024-03-31'),
    ]);
    const elsewhere = body('bod_ailleurs1', other, 'Comité départemental', [
      seat(member.id, '2024-02-01'),
    ]);
    const action = Action.parse({
      id: 'act_perso0001',
      governanceId: gov,
      roadmapId: 'rdm_perso0001',
      kind: 'fiche_action',
      code: 'A1',
      title: 'Conseillers numériques',
      status: 'en_cours',
      ownerId: member.id,
      ...META,
    });
    await world.store.transaction(async (repos) => {
      for (const b of [copil, left, elsewhere]) await repos.bodies.insert(b);
      for (const m of [
        meeting('mtg_copil0001', copil, '2024-06-04T08:00:00.000Z'),
        meeting('mtg_annulee01', copil, '2024-07-02T08:00:00.000Z', 'annulee'),
        meeting('mtg_ancienne1', copil, '2023-01-10T08:00:00.000Z'),
        meeting('mtg_quitte001', left, '2024-06-05T08:00:00.000Z'),
        meeting('mtg_ailleurs1', elsewhere, '2024-06-06T08:00:00.000Z'),
      ])
        await repos.meetings.insert(m);
      await repos.actions.insert(action);
      for (const m of [
        milestone('mil_mien00001', { ownerId: member.id, actionId: action.id }),
        milestone('mil_autrui001', { ownerId: observer.id, actionId: action.id }),
        milestone('mil_sansporte', { actionId: action.id }),
        milestone('mil_ailleurs1', { ownerId: member.id, governanceId: other }),
        milestone('mil_ancien001', {
          ownerId: member.id,
          dueDate: '2022-01-31',
          status: 'atteint',
          completedOn: '2022-01-30',
        }),
        milestone('mil_retard001', { ownerId: member.id, dueDate: '2022-01-31' }),
        milestone('mil_annule001', { ownerId: member.id, status: 'annule' }),
      ])
        await repos.milestones.insert(m);
    });
  });

  it('shows the milestones they carry and the meetings of the bodies where they sit, in two governances', async () => {
    const { token } = await renewPersonalCalendarFeed(world.as('member'), {
      personId: world.people.member.id,
    });
    const opened = await readCalendarFeed(
      world.as('public'),
      { token },
      {
        links: {
          milestone: (m) => `https://maille.test/fiches/${m.actionId ?? ''}`,
          meeting: (m) => `https://maille.test/reunions/${m.id}`,
        },
      },
    );
    expect(opened?.personId).toBe(world.people.member.id);
    const ics = opened?.calendar ?? '';
    expect(lines(ics)).toContain('X-WR-CALNAME:Mon agenda Maille');
    expect(uids(ics).sort()).toEqual(
      [
        'mil_mien00001',
        'mil_sansporte',
        'mil_ailleurs1',
        'mil_retard001',
        'mil_annule001',
        'mtg_copil0001',
        'mtg_annulee01',
        'mtg_ailleurs1',
      ]
        .map((id) => `UID:${id}@maille`)
        .sort(),
    );
    // Another's milestone, a seat that ended, an old reached milestone and an old meeting: absent.
    expect(ics).not.toContain('mil_autrui001');
    expect(ics).not.toContain('mtg_quitte001');
    expect(eventOf(ics, 'mtg_annulee01')).toContain('STATUS:CANCELLED');
    expect(eventOf(ics, 'mil_annule001')).toContain('STATUS:CANCELLED');
    const described = eventOf(ics, 'mtg_ailleurs1').find((l) => l.startsWith('DESCRIPTION:'));
    expect(described).toContain('Gouvernance : Autre gouvernance');
    expect(described).toContain('Dans Maille : https://maille.test/reunions/mtg_ailleurs1');
    expect(eventOf(ics, 'mil_mien00001').join('\n')).toContain(
      'Dans Maille : https://maille.test/fiches/act_perso0001',
    );
    // No one's name in the feed.
    expect(ics).not.toContain('Marc');
  });

  it('has one live link: renewing revokes the old one; only the person or an administrator', async () => {
    const personId = world.people.member.id;
    expect(await getPersonalCalendarFeed(world.as('member'), { personId })).toBeUndefined();
    const first = await renewPersonalCalendarFeed(world.as('member'), { personId });
    expect(first.feed).toMatchObject({ personId, label: 'Agenda personnel' });
    expect(first.feed.governanceId).toBeUndefined();
    expect((await getPersonalCalendarFeed(world.as('member'), { personId }))?.token).toBe(
      first.token,
    );
    const second = await renewPersonalCalendarFeed(world.as('admin'), { personId });
    expect(second.token).not.toBe(first.token);
    expect(await readCalendarFeed(world.as('public'), { token: first.token })).toBeUndefined();
    expect(await readCalendarFeed(world.as('public'), { token: second.token })).toBeDefined();
    expect((await getPersonalCalendarFeed(world.as('member'), { personId }))?.token).toBe(
      second.token,
    );
    for (const who of ['coordinator', 'observer', 'public'] as const) {
      await expect(getPersonalCalendarFeed(world.as(who), { personId })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(renewPersonalCalendarFeed(world.as(who), { personId })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    await expect(
      renewPersonalCalendarFeed(world.as('member'), { personId: 'nope' }),
    ).rejects.toThrow(/personId/);
  });

  it('is revoked when the person is erased', async () => {
    const personId = world.people.member.id;
    const { token } = await renewPersonalCalendarFeed(world.as('member'), { personId });
    await erasePersonalData(world.as('admin'), { personId });
    expect(await readCalendarFeed(world.as('public'), { token })).toBeUndefined();
    await expect(renewPersonalCalendarFeed(world.as('admin'), { personId })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});
