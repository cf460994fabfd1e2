import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import { issueChatLinkCode, listHistory } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../src/adapters/discord/client.ts';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { converse } from '../src/conversation/converse.ts';
import { NOW, openTestBot, type TestBot } from './harness.ts';

/*
 * What a member changes from Discord reads « Discord » in the governance's history: the real
 * discord.js client against the fake Discord of `tooling/`, over a real database.
 */

const LR = DEMO_IDS.laRochelle;
let bot: TestBot;
let fake: FakeDiscord;
let stop: () => Promise<void>;
const errors: unknown[] = [];

beforeAll(async () => {
  bot = await openTestBot();
  fake = await startFakeDiscord({ ackTimeoutMs: 15_000 });
  await registerCommands({ token: fake.token, apiUrl: fake.restUrl, guildId: fake.guild.id });
  ({ stop } = await startDiscordBot({
    token: fake.token,
    apiUrl: fake.restUrl,
    handle: (event) => converse(bot.ctx, event),
    unexpectedError: 'Erreur inattendue.',
    logError: (error) => errors.push(error),
  }));
});
afterAll(async () => {
  await stop?.();
  await fake?.close();
  await bot?.drop();
});

describe('a change made from Discord, in the history', () => {
  it('says who reached a milestone, through Discord', async () => {
    const { code } = await issueChatLinkCode(kernelAt(bot.database, NOW), {
      personId: LR.coordinator,
    });
    const alice = fake.users.alice;
    await fake.respondedTo(
      fake.slashCommand({ user: alice, in: 'dm', name: 'lier', options: { code } }).id,
    );
    const suggestions = await fake.respondedTo(
      fake.autocomplete({ user: alice, name: 'fait', focused: { name: 'jalon', value: '' } }).id,
    );
    const choices = (suggestions.data as { choices: { name: string; value: string }[] }).choices;
    const milestone = choices[0]?.value;
    expect(milestone).toBeDefined();
    await fake.respondedTo(
      fake.slashCommand({ user: alice, name: 'fait', options: { jalon: String(milestone) } }).id,
    );

    const history = await listHistory(bot.kernel(LR.coordinator), {
      governanceId: LR.governance,
      entity: 'milestone',
      limit: 1,
    });
    const [latest] = history.items;
    expect(latest?.event).toMatchObject({ actorId: LR.coordinator, channel: 'discord' });
    expect(latest?.line.channel).toBe('Discord');
    expect(latest?.line.author).toBe('Claire Moreau');
    expect(latest?.line.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Statut', after: 'Atteint' })]),
    );
    expect(errors).toEqual([]);
  });
});
