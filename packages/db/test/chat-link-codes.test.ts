import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { erasePerson, NotFoundError } from '@maille/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimChatAnswer,
  createStore,
  issueChatLinkCode,
  redeemChatLinkCode,
  releaseChatAnswer,
  restoreChatLinkCode,
} from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const MOREAU = DEMO_IDS.laRochelle.coordinator;
const GIRAUD = 'per_lrgiraud';

describe.each(DIALECTS)('chat link codes on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    const demo = buildDemoDataset({ now: NOW });
    await createStore(test.database).transaction(async (repos) => {
      for (const person of demo.persons) await repos.persons.insert(person);
    });
  });
  afterAll(() => test.drop());

  it('issue a typable code once, store only its hash, and redeem it once', async () => {
    const issued = await issueChatLinkCode(test.database, {
      personId: GIRAUD,
      issuedBy: MOREAU,
      now: NOW,
    });
    expect(issued).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      personId: GIRAUD,
      expiresAt: at(24 * HOUR),
    });
    expect(issued.code).not.toMatch(/[01OILSZB58]/);
    const stored = await sql<Record<string, unknown>>`select * from chat_link_codes`.execute(
      test.database.db,
    );
    expect(JSON.stringify(stored.rows)).not.toContain(issued.code.replace('-', ''));

    // Typed by hand: lower case, without the dash.
    const typed = issued.code.replace('-', ' ').toLowerCase();
    expect(await redeemChatLinkCode(test.database, typed, at(HOUR))).toEqual({
      personId: GIRAUD,
    });
    expect(await redeemChatLinkCode(test.database, issued.code, at(HOUR))).toBeUndefined();
    // Given back after a failed link, it works again.
    await restoreChatLinkCode(test.database, issued.code);
    expect(await redeemChatLinkCode(test.database, issued.code, at(HOUR))).toEqual({
      personId: GIRAUD,
    });
  });

  it('refuse an expired, unknown or malformed code, and an unknown person', async () => {
    const { code } = await issueChatLinkCode(test.database, { personId: GIRAUD, now: NOW });
    expect(await redeemChatLinkCode(test.database, code, at(24 * HOUR))).toBeUndefined();
    expect(await redeemChatLinkCode(test.database, 'AAAA-AAAA', NOW)).toBeUndefined();
    expect(await redeemChatLinkCode(test.database, "'; drop table persons", NOW)).toBeUndefined();
    await expect(
      issueChatLinkCode(test.database, { personId: 'per_nobody', now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('let one of two simultaneous redemptions win', async () => {
    const { code } = await issueChatLinkCode(test.database, { personId: GIRAUD, now: NOW });
    const results = await Promise.all([
      redeemChatLinkCode(test.database, code, NOW),
      redeemChatLinkCode(test.database, code, NOW),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('record one answer per delivery', async () => {
    const answer = { deliveryId: 'dlv_test0001', personId: GIRAUD, verb: 'fait', now: NOW };
    expect(await claimChatAnswer(test.database, answer)).toBe(true);
    expect(await claimChatAnswer(test.database, { ...answer, verb: 'rien' })).toBe(false);
    await releaseChatAnswer(test.database, answer.deliveryId);
    expect(await claimChatAnswer(test.database, answer)).toBe(true);
  });

  it('forget a person’s codes and answers when the person is erased', async () => {
    const personId = 'per_lrgautier';
    const { code } = await issueChatLinkCode(test.database, { personId, now: NOW });
    await claimChatAnswer(test.database, {
      deliveryId: 'dlv_test0002',
      personId,
      verb: 'fait',
      now: NOW,
    });
    await createStore(test.database).transaction(async (repos) => {
      const person = await repos.persons.get(personId);
      if (person) await repos.persons.update(erasePerson(person, NOW));
    });
    const left = await sql<{ n: number }>`select
      (select count(*) from chat_link_codes where person_id = ${personId}) +
      (select count(*) from chat_answers where person_id = ${personId}) as n`.execute(
      test.database.db,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
    expect(await redeemChatLinkCode(test.database, code, NOW)).toBeUndefined();
    await expect(issueChatLinkCode(test.database, { personId, now: NOW })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
