import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { erasePerson, NotFoundError } from '@maille/domain';
import {
  type Actor,
  claimChatAnswer,
  issueChatLinkCode,
  linkChatAccount,
  linkChatAccountWithCode,
  redeemChatLinkCode,
  releaseChatAnswer,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { kernelAt } from '../src/testing.ts';
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
      // Who may issue a code for whom follows the governances' roles and bodies.
      for (const governance of demo.governances) await repos.governances.insert(governance);
      for (const body of demo.bodies) await repos.bodies.insert(body);
    });
  });
  afterAll(() => test.drop());
  const anyone = (now: string) => kernelAt(test.database, now, { channel: 'discord' });
  const as = (personId: string, now = NOW) => {
    const actor: Actor = { personId, channel: 'discord' };
    return kernelAt(test.database, now, actor);
  };

  it('issue a typable code once, store only its hash, and redeem it once', async () => {
    const issued = await issueChatLinkCode(as(MOREAU), { personId: GIRAUD });
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
    expect(await redeemChatLinkCode(anyone(at(HOUR)), { code: typed })).toEqual({
      personId: GIRAUD,
    });
    expect(await redeemChatLinkCode(anyone(at(HOUR)), { code: issued.code })).toBeUndefined();
  });

  it('link a Discord account with a code in one transaction: a refused link spends nothing', async () => {
    const taken = { platform: 'discord', userId: '444444444444444444' };
    await linkChatAccount(as(MOREAU), { personId: MOREAU, ...taken });
    const { code } = await issueChatLinkCode(as(MOREAU), { personId: GIRAUD });
    await expect(linkChatAccountWithCode(anyone(NOW), { code, ...taken })).rejects.toThrow(
      'Ce compte est déjà lié à une autre personne.',
    );
    const own = { platform: 'discord', userId: '555555555555555555' };
    const linked = await linkChatAccountWithCode(anyone(at(HOUR)), { code, ...own });
    expect(linked?.chatAccounts).toEqual([{ ...own, linkedAt: at(HOUR) }]);
    const found = await createStore(test.database).transaction((repos) =>
      repos.persons.findByChatAccount('discord', own.userId),
    );
    expect(found?.id).toBe(GIRAUD);
    expect(await linkChatAccountWithCode(anyone(at(HOUR)), { code, ...own })).toBeUndefined();
  });

  it('refuse an expired, unknown or malformed code, and an unknown person', async () => {
    const { code } = await issueChatLinkCode(kernelAt(test.database, NOW), { personId: GIRAUD });
    expect(await redeemChatLinkCode(anyone(at(24 * HOUR)), { code })).toBeUndefined();
    expect(await redeemChatLinkCode(anyone(NOW), { code: 'AAAA-AAAA' })).toBeUndefined();
    expect(
      await redeemChatLinkCode(anyone(NOW), { code: "'; drop table persons" }),
    ).toBeUndefined();
    await expect(
      issueChatLinkCode(kernelAt(test.database, NOW), { personId: 'per_nobody' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('let one of two simultaneous redemptions win', async () => {
    const { code } = await issueChatLinkCode(kernelAt(test.database, NOW), { personId: GIRAUD });
    const results = await Promise.all([
      redeemChatLinkCode(anyone(NOW), { code }),
      redeemChatLinkCode(anyone(NOW), { code }),
    ]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('record one answer per delivery', async () => {
    const answer = { deliveryId: 'dlv_test0001', verb: 'fait' };
    expect(await claimChatAnswer(as(GIRAUD), answer)).toBe(true);
    expect(await claimChatAnswer(as(GIRAUD), { ...answer, verb: 'rien' })).toBe(false);
    // Someone else's release leaves the answer in place; its author's forgets it.
    await releaseChatAnswer(as(MOREAU), answer);
    expect(await claimChatAnswer(as(GIRAUD), answer)).toBe(false);
    await releaseChatAnswer(as(GIRAUD), answer);
    expect(await claimChatAnswer(as(GIRAUD), answer)).toBe(true);
  });

  it('forget a person’s codes and answers when the person is erased', async () => {
    const personId = 'per_lrgautier';
    const { code } = await issueChatLinkCode(kernelAt(test.database, NOW), { personId });
    await claimChatAnswer(as(personId), { deliveryId: 'dlv_test0002', verb: 'fait' });
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
    expect(await redeemChatLinkCode(anyone(NOW), { code })).toBeUndefined();
    await expect(
      issueChatLinkCode(kernelAt(test.database, NOW), { personId }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
