import { testDialect } from '@maille/db/testing';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import { type Delivery, isWorkingDay, toLocal } from '@maille/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DispatcherWorld,
  LA_ROCHELLE,
  openDispatcherWorld,
  reminderMilestone,
} from './dispatcher-world.ts';

// From Monday 19 October 2026 (summer time in Paris, UTC+2) across Sunday 25 October (back to
// UTC+1) to Thursday 12 November, the day after Armistice Day: every half hour, one cycle.
const START = '2026-10-19T00:00:00.000Z';
const END = '2026-11-12T00:00:00.000Z';
const STEP_MS = 30 * 60_000;
const ZONE = 'Europe/Paris';
const BELKACEM = 'per_lrbelkacem';

const milestone = (id: string, dueDate: string) =>
  reminderMilestone(id, dueDate, START, { title: `Jalon du ${dueDate}` });

// The suite runs once per dialect: SQLite, then PostgreSQL (`MAILLE_TEST_DIALECT`).
const dialect = testDialect();

describe(`a simulated fortnight across the clock change and 11 November (${dialect})`, () => {
  let world: DispatcherWorld;
  let fake: FakeDiscord;
  let all: Delivery[];

  beforeAll(async () => {
    // Every message really goes out through discord.js, to the fake Discord.
    fake = await startFakeDiscord();
    world = await openDispatcherWorld(dialect, START, fake);
    await world.store.transaction(async (repos) => {
      // Due on Friday 23 October, in summer time.
      await repos.milestones.insert(milestone('mil_fall01', '2026-10-23'));
      // Due on Armistice Day, a Wednesday off; its J-3 falls on a Sunday.
      await repos.milestones.insert(milestone('mil_fall02', '2026-11-11'));
    });
    const dispatcher = world.dispatcher({ planIntervalMs: 12 * 3_600_000, horizonDays: 3 });
    for (let t = Date.parse(START); t <= Date.parse(END); t += STEP_MS) {
      world.clock.set(new Date(t).toISOString());
      await dispatcher.runOnce();
    }
    all = (
      await world.store.transaction(async (repos) => [
        ...(await repos.deliveries.listByGovernance(LA_ROCHELLE)),
        ...(await repos.deliveries.listByGovernance('gov_dronnebelle')),
      ])
    ).filter((d) => d.dueAt >= START && d.dueAt <= END);
  }, 300_000);

  afterAll(async () => {
    await fake?.close();
    await world.drop();
  });

  const sentAt = (key: string) => all.find((d) => d.dedupeKey === key)?.sentAt;

  it('sends each milestone reminder at 09:00 in Paris, moved before the weekend and the holiday', () => {
    const key = (id: string, due: string, day: string) =>
      `milestone:${id}:${due}:${day}:${BELKACEM}`;
    // Summer time: 09:00 in Paris is 07:00 UTC.
    expect(sentAt(key('mil_fall01', '2026-10-23', 'J-3'))).toBe('2026-10-20T07:00:00.000Z');
    expect(sentAt(key('mil_fall01', '2026-10-23', 'J0'))).toBe('2026-10-23T07:00:00.000Z');
    // Winter time: 08:00 UTC. J-3 (Sunday 8) moves to Friday 6, J0 (11 November) to Tuesday 10.
    expect(sentAt(key('mil_fall02', '2026-11-11', 'J-14'))).toBe('2026-10-28T08:00:00.000Z');
    expect(sentAt(key('mil_fall02', '2026-11-11', 'J-3'))).toBe('2026-11-06T08:00:00.000Z');
    expect(sentAt(key('mil_fall02', '2026-11-11', 'J0'))).toBe('2026-11-10T08:00:00.000Z');
    // Overdue on Thursday 12 at 09:00, past the end of the simulation: not sent yet.
    expect(sentAt(key('mil_fall02', '2026-11-11', 'J+1'))).toBeUndefined();
  });

  it('posts the weekly digest on Fridays at 09:00 local time, before and after the change', () => {
    const digests = all
      .filter((d) => d.kind === 'community_digest' && d.governanceId === LA_ROCHELLE)
      .map((d) => d.sentAt);
    expect(digests).toEqual([
      '2026-10-23T07:00:00.000Z',
      '2026-10-30T08:00:00.000Z',
      '2026-11-06T08:00:00.000Z',
    ]);
    const posted = world.sender.posted().filter((c) => c.target === fake.guild.channels.community);
    // The fake Discord holds exactly what was posted: one message per send, nothing twice.
    const received = fake.messages(fake.guild.channels.community);
    expect(received.map((m) => m.content).sort()).toEqual(posted.map((c) => c.message.text).sort());
    expect(posted.filter((c) => c.message.text.startsWith('📰')).length).toBe(3);
  });

  it('sends every planned message once, at its planned time, and leaves nothing behind', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const delivery of all) {
      expect([delivery.dedupeKey, delivery.status]).not.toEqual([delivery.dedupeKey, 'pending']);
      expect(delivery.status).not.toBe('claimed');
      // Nothing was missed: each message went out in the half hour of its due time.
      expect(delivery.status).not.toBe('expired');
      if (delivery.status !== 'sent') continue;
      const late = Date.parse(delivery.sentAt as string) - Date.parse(delivery.dueAt);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(STEP_MS);
    }
    const sent = all.filter((d) => d.status === 'sent');
    // Each direct message arrived once in its recipient's DMs at the fake Discord.
    const direct = world.sender.posted().filter((c) => c.to === 'direct');
    const recipients = [...new Set(direct.map((c) => c.target))];
    const inDms = recipients.reduce((total, userId) => total + fake.dms(userId).length, 0);
    expect(inDms).toBe(direct.length);
    const counts = world.sender.countsByNonce();
    for (const delivery of sent) expect(counts.get(delivery.id)).toBe(1);
    // The recorder saw these sends and no other (channel mentions excepted, none here).
    const nonces = [...counts.keys()].filter((nonce) => all.some((d) => d.id === nonce));
    expect(nonces.sort()).toEqual(sent.map((d) => d.id).sort());
  });

  it('sends at 09:00 Paris time on working days only, to people who do not accept days off', () => {
    const weekendPeople = new Set(
      world.persons.filter((p) => p.reminders.weekends).map((p) => p.id),
    );
    const sent = all.filter((d) => d.status === 'sent');
    const days = new Set<string>();
    for (const delivery of sent) {
      const local = toLocal(delivery.sentAt as string, ZONE);
      expect([delivery.dedupeKey, local.hour, local.minute]).toEqual([delivery.dedupeKey, 9, 0]);
      const toSomeoneOff =
        delivery.recipient.type === 'person' && weekendPeople.has(delivery.recipient.personId);
      if (!toSomeoneOff) {
        expect([delivery.dedupeKey, isWorkingDay(local.date)]).toEqual([delivery.dedupeKey, true]);
      }
      days.add(local.date);
    }
    expect(days.has('2026-11-11')).toBe(false);
    expect(days.has('2026-10-25')).toBe(false);
  });
});
