import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarFeedPath,
  createCalendarFeed,
  createStore,
  getCalendarFeed,
  listCalendarFeeds,
  revokeCalendarFeed,
  verifyCalendarFeed,
} from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const LATER = '2026-11-25T10:30:00.000Z';
const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;

describe.each(DIALECTS)('calendar feeds on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    const demo = buildDemoDataset({ now: NOW });
    await createStore(test.database).transaction(async (repos) => {
      for (const person of demo.persons) await repos.persons.insert(person);
      for (const governance of demo.governances) await repos.governances.insert(governance);
    });
  });
  afterAll(() => test.drop());

  it('give a token once, verify it as its governance, and store only its hash', async () => {
    const { feed, token } = await createCalendarFeed(test.database, {
      governanceId: LR.governance,
      label: 'Agenda du copil',
      createdBy: LR.coordinator,
      now: NOW,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feed).toEqual({
      id: expect.stringMatching(/^cal_[0-9A-Za-z]{12}$/),
      governanceId: LR.governance,
      label: 'Agenda du copil',
      createdAt: NOW,
      createdBy: LR.coordinator,
    });
    expect(calendarFeedPath(token)).toBe(`/calendars/${token}.ics`);
    const stored = await sql<Record<string, unknown>>`select * from calendar_feeds`.execute(
      test.database.db,
    );
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    expect(await verifyCalendarFeed(test.database, token)).toEqual({
      feedId: feed.id,
      governanceId: LR.governance,
    });
    expect(await getCalendarFeed(test.database, feed.id)).toEqual(feed);
  });

  it('open nothing with an unknown or malformed token', async () => {
    expect(await verifyCalendarFeed(test.database, 'A'.repeat(43))).toBeUndefined();
    expect(await verifyCalendarFeed(test.database, '../../etc/passwd')).toBeUndefined();
    expect(await verifyCalendarFeed(test.database, '')).toBeUndefined();
  });

  it('stop opening a feed once revoked, and say so when revoked twice', async () => {
    const { feed, token } = await createCalendarFeed(test.database, {
      governanceId: LR.governance,
      label: 'À révoquer',
      now: NOW,
    });
    expect(await revokeCalendarFeed(test.database, feed.id, LATER)).toMatchObject({
      id: feed.id,
      revokedAt: LATER,
    });
    expect(await verifyCalendarFeed(test.database, token)).toBeUndefined();
    await expect(revokeCalendarFeed(test.database, feed.id, LATER)).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ce flux est déjà révoqué.',
    });
    await expect(
      revokeCalendarFeed(test.database, 'cal_inconnu00000', LATER),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeCalendarFeed(test.database, 'cal_ZZZZZZZZZZZZ', LATER)).rejects.toThrow(
      'Flux de calendrier introuvable : cal_ZZZZZZZZZZZZ.',
    );
  });

  it('list the feeds of one governance, or of all, revoked ones included, never a secret', async () => {
    const other = await createCalendarFeed(test.database, {
      governanceId: DB.governance,
      label: 'Dronne',
      now: NOW,
    });
    const mine = await listCalendarFeeds(test.database, LR.governance);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((f) => f.governanceId === LR.governance)).toBe(true);
    expect(mine.some((f) => f.revokedAt === LATER)).toBe(true);
    expect(mine.map((f) => f.id)).toEqual([...mine.map((f) => f.id)].sort());
    const all = await listCalendarFeeds(test.database);
    expect(all.map((f) => f.id)).toContain(other.feed.id);
    expect(JSON.stringify(all)).not.toMatch(/hash|token/i);
  });

  it('refuse an unknown governance, a malformed id and an empty label, writing nothing', async () => {
    const before = (await listCalendarFeeds(test.database)).length;
    await expect(
      createCalendarFeed(test.database, { governanceId: 'gov_inconnue1', label: 'x', now: NOW }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Gouvernance introuvable : gov_inconnue1.',
    });
    await expect(
      createCalendarFeed(test.database, { governanceId: 'per_lrmoreau', label: 'x', now: NOW }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      createCalendarFeed(test.database, { governanceId: LR.governance, label: '  ', now: NOW }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await listCalendarFeeds(test.database)).length).toBe(before);
  });
});
