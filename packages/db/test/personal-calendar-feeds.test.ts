import { buildDemoDataset, DEMO_IDS, seedDemo } from '@maille/demo';
import type { Meeting, Milestone } from '@maille/domain';
import {
  erasePersonalData,
  exportPersonalData,
  getPersonalCalendarFeed,
  listCalendarFeeds,
  readCalendarFeed,
  renewPersonalCalendarFeed,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, migrateDown, migrateToLatest } from '../src/index.ts';
import { kernelAt } from '../src/testing.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const LATER = '2026-11-25T10:30:00.000Z';
const LR = DEMO_IDS.laRochelle;
const demo = buildDemoDataset({ now: NOW });

const byDueThenId = (a: Milestone, b: Milestone) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
const byStartThenId = (a: Meeting, b: Meeting) =>
  a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1;
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe.each(DIALECTS)('a person’s own calendar on %s', (dialect) => {
  let test: TestDatabase;
  // Someone who owns actions, and an unowned milestone in one of them.
  const owner = demo.actions.find((a) => a.ownerId !== undefined)?.ownerId ?? '';
  const ownedAction = demo.actions.find((a) => a.ownerId === owner);
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    const sample = demo.milestones[0] as Milestone;
    await createStore(test.database).transaction(async (repos) => {
      const { ownerId: _, ...unowned } = {
        ...sample,
        id: 'mil_sansporteur',
        governanceId: ownedAction?.governanceId ?? '',
        roadmapId: ownedAction?.roadmapId ?? '',
        actionId: ownedAction?.id ?? '',
        status: 'a_venir' as const,
        completedOn: undefined,
      };
      const { completedOn: __, ...fields } = unowned;
      await repos.milestones.insert({ ...fields, version: 1 });
    });
  });
  afterAll(() => test.drop());

  it('finds the milestones a person carries, bounded, as the whole list says', async () => {
    // Written before the owners had their column: the migration fills it from the records.
    expect((await migrateDown(test.database)).error).toBeUndefined();
    expect((await migrateToLatest(test.database)).error).toBeUndefined();
    const carried = (m: Milestone, dueFrom: string) =>
      (m.ownerId === owner ||
        (m.ownerId === undefined &&
          demo.actions.some((a) => a.id === m.actionId && a.ownerId === owner)) ||
        m.id === 'mil_sansporteur') &&
      (m.dueDate >= dueFrom || m.status === 'a_venir' || m.status === 'reporte');
    const all = await createStore(test.database).transaction(async (repos) =>
      (
        await Promise.all(demo.governances.map((g) => repos.milestones.listByGovernance(g.id)))
      ).flat(),
    );
    for (const dueFrom of ['2020-01-01', '2026-06-01', '2027-01-01']) {
      const expected = all.filter((m) => carried(m, dueFrom)).sort(byDueThenId);
      const found = await createStore(test.database).transaction((repos) =>
        repos.milestones.listCarriedBy(owner, { dueFrom, limit: 1000 }),
      );
      expect(ids(found)).toEqual(ids(expected));
      const firstTwo = await createStore(test.database).transaction((repos) =>
        repos.milestones.listCarriedBy(owner, { dueFrom, limit: 2 }),
      );
      expect(ids(firstTwo)).toEqual(ids(expected).slice(0, 2));
    }
    const everything = await createStore(test.database).transaction((repos) =>
      repos.milestones.listCarriedBy(owner, { dueFrom: '2000-01-01', limit: 1000 }),
    );
    expect(ids(everything)).toContain('mil_sansporteur');
    // Another person's milestones are not theirs.
    expect(everything.every((m) => m.ownerId === owner || m.ownerId === undefined)).toBe(true);
    expect(everything.some((m) => m.ownerId === owner)).toBe(true);
  });

  it('finds the meetings of some bodies from a date, bounded', async () => {
    const bodies: string[] = [LR.steeringCommittee, LR.community];
    const all = await createStore(test.database).transaction((repos) =>
      repos.meetings.listByGovernance(LR.governance),
    );
    for (const from of ['2020-01-01T00:00:00.000Z', NOW]) {
      const expected = all
        .filter((m) => bodies.includes(m.bodyId) && m.startsAt >= from)
        .sort(byStartThenId);
      expect(expected.length).toBeGreaterThan(0);
      const found = await createStore(test.database).transaction((repos) =>
        repos.meetings.listByBodies(bodies, { from, limit: 1000 }),
      );
      expect(ids(found)).toEqual(ids(expected));
      const one = await createStore(test.database).transaction((repos) =>
        repos.meetings.listByBodies(bodies, { from, limit: 1 }),
      );
      expect(ids(one)).toEqual(ids(expected).slice(0, 1));
    }
  });

  it('keeps one live link per person: renewing revokes and forgets the old token', async () => {
    const personId = LR.coordinator;
    const self = kernelAt(test.database, NOW, { personId, channel: 'web' });
    expect(await getPersonalCalendarFeed(self, { personId })).toBeUndefined();
    const first = await renewPersonalCalendarFeed(self, { personId });
    expect((await getPersonalCalendarFeed(self, { personId }))?.token).toBe(first.token);
    const opened = await readCalendarFeed(kernelAt(test.database, LATER), { token: first.token });
    expect(opened?.personId).toBe(personId);
    expect(opened?.calendar).toContain('X-WR-CALNAME:Mon agenda Maille');

    const second = await renewPersonalCalendarFeed(
      kernelAt(test.database, LATER, { personId, channel: 'web' }),
      {
        personId,
      },
    );
    expect(
      await readCalendarFeed(kernelAt(test.database, LATER), { token: first.token }),
    ).toBeUndefined();
    expect((await getPersonalCalendarFeed(self, { personId }))?.token).toBe(second.token);
    const stored = await sql<{ id: string; token: string | null; revoked_at: string | null }>`
      select id, token, revoked_at from calendar_feeds where person_id = ${personId} order by created_at`.execute(
      test.database.db,
    );
    expect(stored.rows).toEqual([
      { id: first.feed.id, token: null, revoked_at: LATER },
      { id: second.feed.id, token: second.token, revoked_at: null },
    ]);
    // A second live feed for the same person is refused by the database itself.
    await expect(
      createStore(test.database).transaction((repos) =>
        repos.calendarFeeds.create({ personId, label: 'Doublon', createdAt: LATER }),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Their export shows the feed, never its secret.
    const exported = JSON.stringify(
      await exportPersonalData(kernelAt(test.database, LATER), { personId }),
    );
    expect(exported).toContain(second.feed.id);
    expect(exported).not.toContain(second.token);
    // A person's feed is not among the governances' feeds.
    expect(ids(await listCalendarFeeds(kernelAt(test.database, LATER)))).not.toContain(
      second.feed.id,
    );
  });

  it('is revoked, its token forgotten, when the person is erased', async () => {
    const personId = 'per_lrgiraud';
    const { token } = await renewPersonalCalendarFeed(kernelAt(test.database, NOW), { personId });
    await erasePersonalData(kernelAt(test.database, LATER), { personId });
    expect(await readCalendarFeed(kernelAt(test.database, LATER), { token })).toBeUndefined();
    const stored = await sql<{ token: string | null; revoked_at: string | null }>`
      select token, revoked_at from calendar_feeds where person_id = ${personId}`.execute(
      test.database.db,
    );
    expect(stored.rows).toEqual([{ token: null, revoked_at: LATER }]);
  });
});
