import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { type Delivery, erasePerson, NotFoundError } from '@maille/domain';
import {
  type Actor,
  answerReminder,
  handleChatInteraction,
  issueChatLinkCode,
  linkChatAccount,
  linkChatAccountWithCode,
  redeemChatLinkCode,
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
const SUBJECT = 'mil_lr0101';

/** A reminder sent to a person of La Rochelle about `SUBJECT`. */
function reminderTo(personId: string, id: string): Delivery {
  return {
    id,
    dedupeKey: `milestone:${SUBJECT}:J-3:${personId}:${id}`,
    governanceId: DEMO_IDS.laRochelle.governance,
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId },
    subject: { type: 'milestone', id: SUBJECT },
    dueAt: NOW,
    expiresAt: at(24 * HOUR),
    status: 'sent',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

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

  it('take one answer per reminder, from its recipient, even when two come at once', async () => {
    const delivery = reminderTo(GIRAUD, 'dlv_test0001');
    await createStore(test.database).transaction((r) => r.deliveries.insertIfAbsent([delivery]));
    const answer = (personId: string, verb: string) =>
      answerReminder(
        as(personId),
        { deliveryId: delivery.id, subjectId: SUBJECT, verb },
        async () => verb,
      );
    await expect(answer('per_lrgautier', 'fait')).rejects.toBeInstanceOf(NotFoundError);
    const both = await Promise.all([answer(GIRAUD, 'fait'), answer(GIRAUD, 'rien')]);
    expect(both.filter((a) => a.answered)).toHaveLength(1);
    expect(await answer(MOREAU, 'fait')).toEqual({ answered: false });
  });

  it('handle an interaction delivered twice at once only once, and repeat its reply', async () => {
    let handled = 0;
    const handle = () =>
      handleChatInteraction(anyone(NOW), { interactionId: '1300000000000000042' }, async () => {
        handled += 1;
        return { text: 'Noté.' };
      });
    const outcomes = await Promise.all([handle(), handle()]);
    expect(handled).toBe(1);
    expect(outcomes.map((o) => o.replayed).sort()).toEqual([false, true]);
    expect(outcomes.map((o) => o.reply)).toEqual([{ text: 'Noté.' }, { text: 'Noté.' }]);
    // A day later, the id is forgotten: Discord's answer window is long closed.
    await handleChatInteraction(anyone(at(25 * HOUR)), { interactionId: '7' }, async () => 1);
    expect((await handle()).replayed).toBe(false);
  });

  it('forget a person’s codes and answers when the person is erased', async () => {
    const personId = 'per_lrgautier';
    const { code } = await issueChatLinkCode(kernelAt(test.database, NOW), { personId });
    const delivery = reminderTo(personId, 'dlv_test0002');
    await createStore(test.database).transaction((r) => r.deliveries.insertIfAbsent([delivery]));
    await answerReminder(
      as(personId),
      { deliveryId: delivery.id, subjectId: SUBJECT, verb: 'fait' },
      async () => 'fait',
    );
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
