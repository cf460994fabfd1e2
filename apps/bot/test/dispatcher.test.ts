import { testDialect } from '@maille/db/testing';
import type { Delivery, Milestone } from '@maille/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nonceOf } from '../src/dispatcher/sender.ts';
import {
  BINDING,
  COMMUNITY_CHANNEL,
  type DispatcherWorld,
  DRONNE,
  LA_ROCHELLE,
  openDispatcherWorld,
  queueReminder,
  reminderMilestone,
} from './dispatcher-world.ts';

// Monday 23 November 2026, 13:00 in Paris.
const NOW = '2026-11-23T12:00:00.000Z';
const IN_A_DAY = '2026-11-24T12:00:00.000Z';
const BELKACEM = 'per_lrbelkacem';
const MOREAU = 'per_lrmoreau';
const DUFOUR = 'per_dbdufour';
/** Direct sends only, with no planning: each test queues the deliveries it needs. */
const QUIET = { planning: false } as const;

const milestone = (id: string, dueDate: string, changes: Partial<Milestone> = {}) =>
  reminderMilestone(id, dueDate, NOW, changes);

// The suite runs once per dialect: SQLite, then PostgreSQL (`MAILLE_TEST_DIALECT`).
const dialect = testDialect();

describe(`the dispatcher (${dialect})`, () => {
  let world: DispatcherWorld;
  beforeEach(async () => {
    world = await openDispatcherWorld(dialect, NOW);
  });
  afterEach(async () => {
    await world.drop();
  });

  /** Queues a reminder due now (see `queueReminder`). */
  const queue = (changes: Partial<Delivery> = {}) => queueReminder(world.store, NOW, changes);

  async function events(id: string) {
    return world.store.transaction((repos) => repos.deliveries.listEvents(id));
  }

  it('plans a J-3 reminder, sends it once at its time as a French direct message with buttons', async () => {
    // Due on Thursday 26 November: J-3 is Monday 23 at 09:00 in Paris, 08:00 UTC.
    await world.store.transaction((repos) =>
      repos.milestones.insert(milestone('mil_test03', '2026-11-26')),
    );
    const dispatcher = world.dispatcher();
    await dispatcher.runOnce();
    const key = `milestone:mil_test03:2026-11-26:J-3:${BELKACEM}`;
    const planned = (
      await world.store.transaction((repos) => repos.deliveries.listByGovernance(LA_ROCHELLE))
    ).find((d) => d.dedupeKey === key);
    expect(planned).toMatchObject({ dueAt: '2026-11-23T08:00:00.000Z', status: 'sent' });
    const id = planned?.id as string;

    const sends = world.sender.calls.filter((call) => call.nonce === id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ to: 'direct', target: world.discordIdOf(BELKACEM) });
    const message = sends[0]?.message;
    expect(message?.text).toContain('**Jalon dans 3 jours** : « Permanences ouvertes');
    expect(message?.text).toContain('Échéance : **jeudi 26 novembre 2026**.');
    expect(message?.buttons?.[0]?.map((b) => [b.label, b.customId])).toEqual([
      ['Fait', `v1:fait:mil_test03:${id}`],
      ['Point d’étape', `v1:point:mil_test03:${id}`],
      ['Reporter d’une semaine', `v1:report:mil_test03:${id}`],
      ['Rien de neuf', `v1:rien:mil_test03:${id}`],
    ]);
    expect(await world.delivery(id)).toMatchObject({
      status: 'sent',
      sentMessageId: sends[0]?.messageId,
      attempts: 1,
    });
    expect((await events(id)).map((e) => e.to)).toEqual(['claimed', 'sent']);

    // Later cycles, planning again, send nothing more for it.
    world.clock.set('2026-11-23T12:10:00.000Z');
    await world.dispatcher({ planIntervalMs: 0 }).runOnce();
    expect(world.sender.countsByNonce().get(id)).toBe(1);
  });

  it('skips a reminder of a milestone reached meanwhile, with the reason, and sends nothing', async () => {
    const delivery = await queue();
    await world.store.transaction(async (repos) => {
      const m = (await repos.milestones.get('mil_test01')) as Milestone;
      await repos.milestones.update({
        ...m,
        status: 'atteint',
        completedOn: '2026-11-23',
        version: m.version + 1,
      });
    });
    const report = await world.dispatcher(QUIET).runOnce();
    expect(report.outcomes.skipped).toBe(1);
    expect(world.sender.calls).toEqual([]);
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'skipped',
      lastError: 'Le jalon est déjà atteint.',
    });
    expect((await events(delivery.id)).at(-1)).toMatchObject({
      from: 'claimed',
      to: 'skipped',
      detail: 'Le jalon est déjà atteint.',
    });
  });

  it('expires a reminder missed past its expiry instead of sending it late', async () => {
    const delivery = await queue();
    world.clock.set(IN_A_DAY);
    await world.dispatcher(QUIET).runOnce();
    expect(world.sender.calls).toEqual([]);
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'expired',
      lastError: expect.stringMatching(/expiré/),
    });
  });

  it('holds the reminders of a person on leave, and sends again once they are back', async () => {
    await world.store.transaction(async (repos) => {
      const person = await repos.persons.get(BELKACEM);
      if (!person) throw new Error('no person');
      await repos.persons.update({
        ...person,
        reminders: { ...person.reminders, pausedUntil: '2026-11-23' },
        version: person.version + 1,
      });
    });
    const during = await queue();
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(during.id)).toMatchObject({
      status: 'skipped',
      lastError: 'Rappels en pause jusqu’au 23 novembre 2026.',
    });
    world.clock.set('2026-11-24T08:00:00.000Z');
    const after = await queue({ dueAt: '2026-11-24T08:00:00.000Z' });
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(after.id)).toMatchObject({ status: 'sent' });
    expect(world.sender.calls.map((c) => c.nonce)).toEqual([after.id]);
  });

  it('mentions in the channel a person who refuses direct messages, and tells the coordinator once', async () => {
    const belkacem = world.discordIdOf(BELKACEM);
    world.sender.fail({ reason: 'dm_refused', to: 'direct', target: belkacem });
    const first = await queue();
    const second = await queue();
    await world.dispatcher(QUIET).runOnce();

    for (const delivery of [first, second]) {
      const settled = await world.delivery(delivery.id);
      expect(settled).toMatchObject({ status: 'sent' });
      expect(settled.lastError).toContain('Yanis Belkacem refuse les messages privés');
      const inChannel = world.sender.calls.find((c) => c.nonce === nonceOf(delivery.id, 'salon'));
      expect(inChannel).toMatchObject({ to: 'channel', target: COMMUNITY_CHANNEL });
      expect(inChannel?.message.text.startsWith(`<@${belkacem}> `)).toBe(true);
      expect(settled.sentMessageId).toBe(inChannel?.messageId);
    }
    const notices = world.sender.calls.filter(
      (c) => c.to === 'direct' && c.target === world.discordIdOf(MOREAU),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message.text).toContain('Yanis Belkacem n’accepte pas les messages privés');
    const details = [(await events(first.id)).at(-1), (await events(second.id)).at(-1)]
      .map((event) => event?.detail ?? '')
      .sort();
    expect(details[0]).toContain('1 coordinateur·rice prévenu·e.');
    expect(details[1]).toContain('Coordinateur·rices déjà prévenu·es');
  });

  it('cannot deliver to a person refusing direct messages where no channel is bound', async () => {
    world.sender.fail({ reason: 'dm_refused', to: 'direct', target: world.discordIdOf(DUFOUR) });
    const delivery = await queue({
      governanceId: DRONNE,
      recipient: { type: 'person', personId: DUFOUR },
    });
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'undeliverable',
      lastError: expect.stringContaining('aucun salon de communauté n’est actif'),
    });
  });

  const digestOfWeek = (week: string): Partial<Delivery> => ({
    dedupeKey: `digest:gov_larochelle:${week}`,
    kind: 'community_digest',
    recipient: { type: 'channel', governanceId: LA_ROCHELLE },
    subject: { type: 'governance', id: LA_ROCHELLE },
  });

  async function bindingOfLaRochelle() {
    return (await world.store.transaction((repos) => repos.governances.get(LA_ROCHELLE)))?.chat;
  }

  it('disables the binding of a channel that vanished and tells the coordinator', async () => {
    world.sender.fail({ reason: 'unknown_channel', to: 'channel' });
    const digest = await queue(digestOfWeek('2026-W48'));
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(digest.id)).toMatchObject({
      status: 'undeliverable',
      lastError: expect.stringContaining('la liaison est désactivée'),
    });
    expect(await bindingOfLaRochelle()).toEqual({ ...BINDING, disabledAt: NOW });
    const notices = world.sender.calls.filter((c) => c.target === world.discordIdOf(MOREAU));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message.text).toContain('le salon de la communauté est introuvable');

    // The next digest is not even tried: no active channel.
    const next = await queue(digestOfWeek('2026-W49'));
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(next.id)).toMatchObject({
      status: 'skipped',
      lastError: 'Aucun salon de communauté actif pour cette gouvernance.',
    });
    expect(world.sender.failures).toHaveLength(1);
  });

  it('sends by direct message the mention of a person when the channel vanished', async () => {
    world.sender.fail({ reason: 'unknown_channel', to: 'channel' });
    // Hugo Marchand prefers mentions in the community channel.
    const mention = await queue({ recipient: { type: 'person', personId: 'per_lrmarchand' } });
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(mention.id)).toMatchObject({
      status: 'sent',
      lastError: expect.stringContaining('envoyé en message privé à la place'),
    });
    expect(world.sender.calls.find((c) => c.nonce === mention.id)).toMatchObject({
      to: 'direct',
      target: world.discordIdOf('per_lrmarchand'),
    });
    expect((await bindingOfLaRochelle())?.disabledAt).toBe(NOW);
    expect(world.sender.calls.filter((c) => c.target === world.discordIdOf(MOREAU))).toHaveLength(
      1,
    );
  });

  it('waits out a rate limit, then sends', async () => {
    world.sender.fail({ reason: 'rate_limited', times: 1, retryAfterMs: 30_000 });
    const delivery = await queue();
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'pending',
      leaseUntil: '2026-11-23T12:00:30.000Z',
      lastError: 'Discord limite le débit : nouvel essai dans 30 s.',
    });
    world.clock.set('2026-11-23T12:00:20.000Z');
    expect((await world.dispatcher(QUIET).runOnce()).claimed).toBe(0);
    world.clock.set('2026-11-23T12:00:30.000Z');
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(world.sender.countsByNonce().get(delivery.id)).toBe(1);
  });

  it('retries server errors with a growing delay, and gives up after the last attempt', async () => {
    world.sender.fail({ reason: 'server_error' });
    const delivery = await queue();
    const settings = { ...QUIET, maxAttempts: 3, backoffBaseMs: 60_000 };
    await world.dispatcher(settings).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'pending',
      leaseUntil: '2026-11-23T12:01:00.000Z',
    });
    world.clock.set('2026-11-23T12:01:00.000Z');
    await world.dispatcher(settings).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'pending',
      leaseUntil: '2026-11-23T12:03:00.000Z',
    });
    world.clock.set('2026-11-23T12:03:00.000Z');
    await world.dispatcher(settings).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: expect.stringMatching(/^Abandon après 3 tentatives/),
    });
    expect((await events(delivery.id)).map((e) => e.to)).toEqual([
      'claimed',
      'pending',
      'claimed',
      'pending',
      'claimed',
      'failed',
    ]);
  });

  it('fails at once a message the platform refuses', async () => {
    world.sender.fail({ reason: 'invalid' });
    const delivery = await queue();
    await world.dispatcher(QUIET).runOnce();
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/^Discord refuse ce message/),
    });
  });

  it('resends with the same nonce a delivery whose dispatcher died after claiming it', async () => {
    const delivery = await queue();
    // A dispatcher claims, then dies before sending.
    await world.store.transaction((repos) =>
      repos.deliveries.claimDue({
        now: NOW,
        leaseUntil: '2026-11-23T12:01:00.000Z',
        limit: 10,
        claimant: 'bot-crashed',
      }),
    );
    const survivor = world.dispatcher(QUIET, 'bot-survivor');
    expect((await survivor.runOnce()).claimed).toBe(0);
    world.clock.set('2026-11-23T12:01:00.000Z');
    await survivor.runOnce();
    expect(world.sender.calls.map((c) => c.nonce)).toEqual([delivery.id]);
    expect(await world.delivery(delivery.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await events(delivery.id)).at(-2)).toMatchObject({
      to: 'claimed',
      by: 'bot-survivor',
      detail: 'Bail expiré de bot-crashed repris.',
    });
  });

  it('posts one message when a dispatcher died between sending and settling', async () => {
    const delivery = await queue();
    const [claimed] = await world.store.transaction((repos) =>
      repos.deliveries.claimDue({
        now: NOW,
        leaseUntil: '2026-11-23T12:01:00.000Z',
        limit: 10,
        claimant: 'bot-crashed',
      }),
    );
    // It sent, with the delivery id as nonce, and died before settling.
    await world.sender.sendDirect(
      world.discordIdOf(BELKACEM),
      { text: 'Rappel' },
      claimed?.id as string,
    );
    world.clock.set('2026-11-23T12:01:00.000Z');
    await world.dispatcher(QUIET, 'bot-survivor').runOnce();
    expect(world.sender.countsByNonce().get(delivery.id)).toBe(2);
    expect(world.sender.posted()).toHaveLength(1);
    expect((await world.delivery(delivery.id)).sentMessageId).toBe(
      world.sender.calls[0]?.messageId,
    );
  });

  it('stops its loop only once the cycle in flight has ended', async () => {
    const delivery = await queue();
    const dispatcher = world.dispatcher({ ...QUIET, intervalMs: 60_000 });
    dispatcher.start();
    await dispatcher.stop();
    expect(await world.delivery(delivery.id)).toMatchObject({ status: 'sent' });
  });
});
