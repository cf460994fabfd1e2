import { testDialect } from '@maille/db/testing';
import { bindChat } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nonceOf } from '../src/dispatcher/sender.ts';
import { LA_ROCHELLE } from './dispatcher-world.ts';
import {
  COORDINATOR,
  type E2eWorld,
  eventually,
  MEMBER,
  openE2eWorld,
  PATIENCE_MS,
  SOON_TITLE,
} from './processes.ts';

/*
 * What the processes do when Discord misbehaves: the chat's gateway connection drops and
 * resumes; a member refuses direct messages from the bot.
 */

const dialect = testDialect();
let world: E2eWorld;

beforeEach(async () => {
  world = await openE2eWorld();
  await world.link(MEMBER, world.fake.users.alice);
});
afterEach(async () => {
  await world?.close();
});

function contentOf(response: { data?: unknown }): string {
  return String((response.data as { content?: string } | undefined)?.content ?? '');
}

describe(`the bot's processes when Discord misbehaves (${dialect})`, () => {
  it('answers after the gateway resumes an interaction sent while it was disconnected', async () => {
    const { fake } = world;
    await world.startChat();
    const resumed = fake.gateway.nextResume({ timeoutMs: PATIENCE_MS });
    fake.gateway.disconnect();
    expect(fake.gateway.connected).toBe(false);
    const asked = fake.slashCommand({ user: fake.users.alice, name: 'jalons' });

    const replayed = await resumed;
    expect(replayed).toBeGreaterThanOrEqual(1);
    const answer = await fake.respondedTo(asked.id, { timeoutMs: PATIENCE_MS });
    expect(contentOf(answer)).toContain(SOON_TITLE);
    expect(fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1 });
  });

  it('mentions in the community channel a member who refuses direct messages, and tells the coordinator', async () => {
    const { fake } = world;
    const alice = fake.users.alice;
    await world.link(COORDINATOR, fake.users.coordinator);
    const governance = await world.store.transaction((repos) => repos.governances.get(LA_ROCHELLE));
    await bindChat(world.kernel(COORDINATOR), {
      governanceId: LA_ROCHELLE,
      expectedVersion: governance?.version,
      guildId: fake.guild.id,
      channelId: fake.guild.channels.community,
    });
    fake.faults.refuseDms(alice.id);

    world.startDispatcher();
    const planned = await eventually(() => world.soonReminder(), 'the J-3 reminder planned');
    const mention = await fake.until(
      () =>
        fake
          .messages(fake.guild.channels.community)
          .find((m) => m.nonce === nonceOf(planned.id, 'salon')),
      { timeoutMs: PATIENCE_MS, what: 'the reminder as a mention in the community channel' },
    );
    const notice = await fake.until(
      () =>
        fake
          .dms(fake.users.coordinator.id)
          .find((m) => m.content.includes('n’accepte pas les messages privés du bot')),
      { timeoutMs: PATIENCE_MS, what: 'the coordinator told' },
    );
    expect(mention.content.startsWith(`<@${alice.id}> `)).toBe(true);
    expect(mention.content).toContain(SOON_TITLE);
    expect(notice.content).toContain('Yanis');
    expect(fake.dms(alice.id)).toEqual([]);
    // The coordinator may be told before the delivery is settled.
    const settled = await eventually(async () => {
      const reminder = await world.soonReminder();
      return reminder?.status === 'sent' && reminder;
    }, 'the reminder settled');
    expect(settled).toMatchObject({ status: 'sent', sentMessageId: mention.id });
    expect(settled.lastError).toBeTruthy();
  });
});
