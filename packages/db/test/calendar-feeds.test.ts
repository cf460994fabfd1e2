import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import {
  calendarFeedPath,
  createCalendarFeed,
  listCalendarFeeds,
  readCalendarFeed,
  revokeCalendarFeed,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { kernelAt } from '../src/testing.ts';
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
  const anyone = () => kernelAt(test.database, LATER, { channel: 'api' });

  it('give a token once, verify it as its governance, and store only its hash', async () => {
    const coordinator = kernelAt(test.database, NOW, { personId: LR.coordinator, channel: 'api' });
    const { feed, token } = await createCalendarFeed(coordinator, {
      governanceId: LR.governance,
      label: 'Agenda du copil',
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

    expect((await readCalendarFeed(anyone(), { token }))?.governance?.id).toBe(LR.governance);
    expect(await listCalendarFeeds(coordinator, { governanceId: LR.governance })).toContainEqual(
      feed,
    );
  });

  it('open nothing with an unknown or malformed token', async () => {
    expect(await readCalendarFeed(anyone(), { token: 'A'.repeat(43) })).toBeUndefined();
    expect(await readCalendarFeed(anyone(), { token: '../../etc/passwd' })).toBeUndefined();
    expect(await readCalendarFeed(anyone(), { token: '' })).toBeUndefined();
  });

  it('stop opening a feed once revoked, and say so when revoked twice', async () => {
    const { feed, token } = await createCalendarFeed(kernelAt(test.database, NOW), {
      governanceId: LR.governance,
      label: 'À révoquer',
    });
    expect(
      await revokeCalendarFeed(kernelAt(test.database, LATER), { feedId: feed.id }),
    ).toMatchObject({
      id: feed.id,
      revokedAt: LATER,
    });
    expect(await readCalendarFeed(anyone(), { token: token })).toBeUndefined();
    await expect(
      revokeCalendarFeed(kernelAt(test.database, LATER), { feedId: feed.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'Ce flux est déjà révoqué.',
    });
    await expect(
      revokeCalendarFeed(kernelAt(test.database, LATER), { feedId: 'cal_inconnu00000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      revokeCalendarFeed(kernelAt(test.database, LATER), { feedId: 'cal_ZZZZZZZZZZZZ' }),
    ).rejects.toThrow('Flux de calendrier introuvable : cal_ZZZZZZZZZZZZ.');
  });

  it('list the feeds of one governance, or of all, revoked ones included, never a secret', async () => {
    const other = await createCalendarFeed(kernelAt(test.database, NOW), {
      governanceId: DB.governance,
      label: 'Dronne',
    });
    const mine = await listCalendarFeeds(kernelAt(test.database, NOW), {
      governanceId: LR.governance,
    });
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((f) => f.governanceId === LR.governance)).toBe(true);
    expect(mine.some((f) => f.revokedAt === LATER)).toBe(true);
    expect(mine.map((f) => f.id)).toEqual([...mine.map((f) => f.id)].sort());
    const all = await listCalendarFeeds(kernelAt(test.database, NOW));
    expect(all.map((f) => f.id)).toContain(other.feed.id);
    expect(JSON.stringify(all)).not.toMatch(/hash|token/i);
  });

  it('refuse an unknown governance, a malformed id and an empty label, writing nothing', async () => {
    const before = (await listCalendarFeeds(kernelAt(test.database, NOW))).length;
    await expect(
      createCalendarFeed(kernelAt(test.database, NOW), {
        governanceId: 'gov_inconnue1',
        label: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Gouvernance introuvable : gov_inconnue1.',
    });
    await expect(
      createCalendarFeed(kernelAt(test.database, NOW), {
        governanceId: 'per_lrmoreau',
        label: 'x',
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      createCalendarFeed(kernelAt(test.database, NOW), {
        governanceId: LR.governance,
        label: '  ',
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await listCalendarFeeds(kernelAt(test.database, NOW))).length).toBe(before);
  });
});
