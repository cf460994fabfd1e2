import { testDialect } from '@maille/db/testing';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordSender } from '../src/adapters/discord/sender.ts';
import { createDispatcher, type Dispatcher } from '../src/dispatcher/dispatcher.ts';
import { nonceOf } from '../src/dispatcher/sender.ts';
import {
  type DispatcherWorld,
  LA_ROCHELLE,
  openDispatcherWorld,
  queueReminder,
} from './dispatcher-world.ts';

// The dispatcher with the real Discord sender (discord.js's REST client) against the fake
// Discord: what the recorder stands for in the other tests, checked once for real.
const NOW = '2026-11-23T12:00:00.000Z';
const dialect = testDialect();

describe(`the dispatcher through Discord's REST, against the fake Discord (${dialect})`, () => {
  let world: DispatcherWorld;
  let fake: FakeDiscord;
  let dispatcher: Dispatcher;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    world = await openDispatcherWorld(dialect, NOW);
    // Yanis Belkacem is Alice on the fake's server, the coordinator its coordinator, and La
    // Rochelle's community channel the server's.
    const accounts = {
      per_lrbelkacem: fake.users.alice.id,
      per_lrmoreau: fake.users.coordinator.id,
    };
    await world.store.transaction(async (repos) => {
      for (const [personId, userId] of Object.entries(accounts)) {
        const person = await repos.persons.get(personId);
        if (!person) throw new Error(`demo changed: ${personId}`);
        await repos.persons.update({
          ...person,
          chatAccounts: [{ platform: 'discord', userId, linkedAt: NOW }],
          version: person.version + 1,
        });
      }
      const governance = await repos.governances.get(LA_ROCHELLE);
      if (!governance?.chat) throw new Error('demo changed');
      await repos.governances.update({
        ...governance,
        chat: {
          ...governance.chat,
          guildId: fake.guild.id,
          channelId: fake.guild.channels.community,
        },
        version: governance.version + 1,
      });
    });
    dispatcher = createDispatcher({
      store: world.store,
      sender: discordSender({ token: fake.token, apiUrl: fake.restUrl }),
      clock: world.clock,
      claimant: 'bot-discord',
      settings: { planning: false },
      log: () => undefined,
    });
  });

  afterEach(async () => {
    await world.drop();
    await fake.close();
  });

  it('posts the reminder as a direct message with its buttons, under the delivery id as nonce', async () => {
    const delivery = await queueReminder(world.store, NOW);
    await dispatcher.runOnce();
    const [message, ...others] = fake.dms(fake.users.alice.id);
    expect(others).toEqual([]);
    expect(message?.content).toContain('**Jalon dans 3 jours**');
    expect(message?.nonce).toBe(delivery.id);
    const labels = message?.components?.flatMap((row) =>
      'components' in row ? row.components.map((c) => ('label' in c ? c.label : '')) : [],
    );
    expect(labels).toEqual(['Fait', 'Point d’étape', 'Reporter d’une semaine', 'Rien de neuf']);
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'sent',
      sentMessageId: message?.id,
    });
  });

  it('posts one message when a dispatcher died between sending and settling', async () => {
    const delivery = await queueReminder(world.store, NOW);
    await world.store.transaction((repos) =>
      repos.deliveries.claimDue({
        now: NOW,
        leaseUntil: '2026-11-23T12:01:00.000Z',
        limit: 10,
        claimant: 'bot-crashed',
      }),
    );
    const sender = discordSender({ token: fake.token, apiUrl: fake.restUrl });
    const first = await sender.sendDirect(fake.users.alice.id, { text: 'Rappel' }, delivery.id);
    world.clock.set('2026-11-23T12:01:00.000Z');
    await dispatcher.runOnce();
    expect(fake.dms(fake.users.alice.id)).toHaveLength(1);
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'sent',
      sentMessageId: first.messageId,
    });
  });

  it('mentions in the community channel a member who refuses direct messages', async () => {
    fake.faults.refuseDms(fake.users.alice.id);
    const delivery = await queueReminder(world.store, NOW);
    await dispatcher.runOnce();
    const [mention] = fake.messages(fake.guild.channels.community);
    expect(mention?.content.startsWith(`<@${fake.users.alice.id}> `)).toBe(true);
    expect(mention?.nonce).toBe(nonceOf(delivery.id, 'salon'));
    expect(fake.dms(fake.users.coordinator.id)[0]?.content).toContain(
      'n’accepte pas les messages privés du bot',
    );
    expect(await world.delivery(delivery.id)).toMatchObject({
      status: 'sent',
      sentMessageId: mention?.id,
    });
  });
});
