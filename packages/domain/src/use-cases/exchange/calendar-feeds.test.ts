import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { CalendarFeedToken, calendarFeedPath } from './calendar-feed.ts';
import { createCalendarFeed } from './create-calendar-feed.ts';
import { listCalendarFeeds } from './list-calendar-feeds.ts';
import { readCalendarFeed } from './read-calendar-feed.ts';
import { revokeCalendarFeed } from './revoke-calendar-feed.ts';

describe('calendar feeds', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });
  const input = () => ({ governanceId: world.governance.id, label: 'Agenda partagé' });

  it('open the governance’s calendar with the token, until revoked', async () => {
    const { feed, token } = await createCalendarFeed(world.as('coordinator'), input());
    expect(CalendarFeedToken.safeParse(token).success).toBe(true);
    expect(calendarFeedPath(token)).toBe(`/calendars/${token}.ics`);
    expect(feed).toEqual({
      id: expect.stringMatching(/^cal_[0-9A-Za-z]{12}$/),
      governanceId: world.governance.id,
      label: 'Agenda partagé',
      createdAt: world.clock(),
      createdBy: world.people.coordinator.id,
    });
    const opened = await readCalendarFeed(world.as('public'), { token });
    expect(opened?.governance?.id).toBe(world.governance.id);
    expect(opened?.calendar).toContain('BEGIN:VCALENDAR');

    await revokeCalendarFeed(world.as('coordinator'), { feedId: feed.id });
    expect(await readCalendarFeed(world.as('public'), { token })).toBeUndefined();
    await expect(
      revokeCalendarFeed(world.as('coordinator'), { feedId: feed.id }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await readCalendarFeed(world.as('public'), { token: 'A'.repeat(43) })).toBeUndefined();
    expect(
      await readCalendarFeed(world.as('public'), { token: '../../etc/passwd' }),
    ).toBeUndefined();
  });

  it('are managed by coordinators and administrators; members are refused, outsiders see nothing', async () => {
    await expect(createCalendarFeed(world.as('admin'), input())).resolves.toBeDefined();
    const { feed } = await createCalendarFeed(world.as('coordinator'), input());
    for (const who of ['member', 'observer'] as const) {
      await expect(createCalendarFeed(world.as(who), input())).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        listCalendarFeeds(world.as(who), { governanceId: world.governance.id }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeCalendarFeed(world.as(who), { feedId: feed.id })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(createCalendarFeed(world.as('public'), input())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Asked about a feed, an outsider learns nothing of the governance behind it.
    await expect(revokeCalendarFeed(world.as('outsider'), { feedId: feed.id })).rejects.toThrow(
      `Flux de calendrier introuvable : ${feed.id}.`,
    );
    expect(await readCalendarFeed(world.as('public'), { token: 'x' })).toBeUndefined();
  });

  it('list one governance’s feeds to its coordinators, every feed to an administrator', async () => {
    const mine = await createCalendarFeed(world.as('coordinator'), input());
    const other = await createCalendarFeed(world.as('outsider'), {
      governanceId: world.outsiderGovernance.id,
      label: 'Autre',
    });
    expect(
      await listCalendarFeeds(world.as('coordinator'), { governanceId: world.governance.id }),
    ).toEqual([mine.feed]);
    await expect(listCalendarFeeds(world.as('coordinator'))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCalendarFeeds(world.as('admin'))).map((f) => f.id).sort()).toEqual(
      [mine.feed.id, other.feed.id].sort(),
    );
    expect(JSON.stringify(await listCalendarFeeds(world.as('admin')))).not.toContain(mine.token);
  });
});
