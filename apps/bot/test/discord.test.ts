import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import {
  bindChat,
  issueChatLinkCode,
  listUpdates,
  readCalendarFeed,
  recordDecision,
  signIn,
} from '@maille/domain/use-cases';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../src/adapters/discord/client.ts';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { converse } from '../src/conversation/converse.ts';
import { NOW, openTestBot, type TestBot } from './harness.ts';

/*
 * The bot on Discord, end to end: the real discord.js client, logged in to the fake Discord of
 * `tooling/`, answering through the real conversation core over a real database.
 */

const LR = DEMO_IDS.laRochelle;
let bot: TestBot;
let fake: FakeDiscord;
let stop: () => Promise<void>;
const errors: unknown[] = [];

beforeAll(async () => {
  bot = await openTestBot();
  // A 2-core machine running several test files may answer slower than Discord's 3 s.
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

function contentOf(response: { data?: unknown }): string {
  return String((response.data as { content?: string } | undefined)?.content ?? '');
}

describe('the bot on Discord', () => {
  it('registers its French commands on the server by bulk overwrite', () => {
    const names = fake.commands(fake.guild.id).map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(['jalons', 'point', 'lier', 'aide', 'absence']));
  });

  it('links a member with a one-time code, then lists their milestones privately', async () => {
    const { code } = await issueChatLinkCode(kernelAt(bot.database, NOW), {
      personId: LR.coordinator,
    });
    const alice = fake.users.alice;
    const linked = await fake.respondedTo(
      fake.slashCommand({ user: alice, in: 'dm', name: 'lier', options: { code } }).id,
    );
    expect(contentOf(linked)).toContain('Claire');

    const milestones = await fake.respondedTo(
      fake.slashCommand({ user: alice, name: 'jalons' }).id,
    );
    expect(milestones.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = milestones.data as { flags?: number };
    expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(contentOf(milestones)).toMatch(/retard/i);
    expect(errors).toEqual([]);
  });

  it('says in /jalons that a milestone was rescheduled by a meeting’s decision', async () => {
    await recordDecision(
      kernelAt(bot.database, NOW, { personId: LR.coordinator, channel: 'cli' }),
      {
        meetingId: 'mtg_lrcopil01',
        text: 'Avancer le bilan annuel des conseillers au 10 décembre.',
        effect: { kind: 'reporter_jalon', milestoneId: 'mil_lr0101', to: '2026-12-10' },
      },
    );
    const milestones = await fake.respondedTo(
      fake.slashCommand({ user: fake.users.alice, name: 'jalons' }).id,
    );
    expect(contentOf(milestones)).toMatch(
      /\*\*Bilan annuel d’activité des huit conseillers numériques\*\*.* — pour le <t:\d+:D> · reporté par décision de la séance du <t:\d+:D>/,
    );
    expect(errors).toEqual([]);
  });

  it('gives a linked member a sign-in link to the web workspace that only they see', async () => {
    // Alice was linked to the demo coordinator by the test above.
    const answer = await fake.respondedTo(
      fake.slashCommand({ user: fake.users.alice, name: 'connexion' }).id,
    );
    const data = answer.data as { flags?: number };
    expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const secret = /http:\/\/maille\.test\/connexion\/([0-9A-Za-z]{43})/.exec(
      contentOf(answer),
    )?.[1];
    expect(secret).toBeDefined();
    expect(await signIn(kernelAt(bot.database, NOW), { link: secret })).toMatchObject({
      personId: LR.coordinator,
    });
    // Someone not linked is told how to link, and gets no link.
    const stranger = fake.addUser('inconnu');
    const refused = await fake.respondedTo(
      fake.slashCommand({ user: stranger, name: 'connexion' }).id,
    );
    expect(contentOf(refused)).not.toContain('/connexion/');
    expect(contentOf(refused)).toContain('/lier');
    expect(errors).toEqual([]);
  });

  it('gives a linked member their own agenda link privately; « renouveler » changes it', async () => {
    const alice = fake.users.alice;
    const ask = async (options?: Record<string, string>) => {
      const answer = await fake.respondedTo(
        fake.slashCommand({ user: alice, name: 'agenda', ...(options ? { options } : {}) }).id,
      );
      const data = answer.data as { flags?: number };
      expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      return /http:\/\/maille\.test\/calendars\/([A-Za-z0-9_-]{43})\.ics/.exec(
        contentOf(answer),
      )?.[1];
    };
    const opens = async (token: string | undefined) =>
      (await readCalendarFeed(kernelAt(bot.database, NOW), { token }))?.personId;
    const first = await ask();
    expect(await opens(first)).toBe(LR.coordinator);
    // Asked again, the same link: the calendar that subscribed keeps working.
    expect(await ask()).toBe(first);
    const renewed = await ask({ renouveler: 'oui' });
    expect(renewed).not.toBe(first);
    expect(await opens(renewed)).toBe(LR.coordinator);
    expect(await opens(first)).toBeUndefined();
    expect(await ask()).toBe(renewed);
    expect(errors).toEqual([]);
  });

  it('takes a quick update: autocomplete, form, then an Update signed « discord »', async () => {
    const alice = fake.users.alice;
    const suggestions = await fake.respondedTo(
      fake.autocomplete({ user: alice, name: 'point', focused: { name: 'sujet', value: '' } }).id,
    );
    const choices = (suggestions.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    const subject = choices[0]?.value ?? '';

    const opened = await fake.respondedTo(
      fake.slashCommand({ user: alice, name: 'point', options: { sujet: subject } }).id,
    );
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const modal = opened.data as {
      custom_id: string;
      components: { components: { custom_id: string }[] }[];
    };
    const fieldIds = modal.components.flatMap((row) => row.components.map((f) => f.custom_id));
    const fields = Object.fromEntries(fieldIds.map((id) => [id, '']));
    const textField = fieldIds[0] ?? 'texte';
    fields[textField] = 'Deux permanences de plus ouvertes à Mireuil.';
    for (const id of fieldIds.slice(1)) delete fields[id];
    const submit = fake.submitModal({ user: alice, customId: modal.custom_id, fields });
    const submitted = await fake.respondedTo(submit.id);
    expect(contentOf(submitted)).toMatch(/point/i);

    // « Partager dans le salon » posts it in the governance's community channel.
    await bindChat(bot.kernel(LR.coordinator), {
      governanceId: LR.governance,
      guildId: fake.guild.id,
      channelId: fake.guild.channels.community,
    });
    const shareId = (submitted.data as { components: { components: { custom_id: string }[] }[] })
      .components[0]?.components[0]?.custom_id;
    const confirmed = await fake.respondedTo(
      fake.pressButton({
        user: alice,
        message: String(fake.interaction(submit.id)?.originalMessageId),
        customId: String(shareId),
      }).id,
    );
    expect(contentOf(confirmed)).toBe('📣 Partagé dans le salon de la communauté.');
    const community = fake.messages(fake.guild.channels.community).map((m) => m.content);
    expect(community.some((text) => text.includes('Deux permanences de plus'))).toBe(true);

    const updates = await listUpdates(bot.kernel(LR.coordinator), {
      subject: subjectOf(subject),
      limit: 10,
    });
    const posted = updates.items.find((u) => u.text.startsWith('Deux permanences'));
    expect(posted?.channel).toBe('discord');
    expect(errors).toEqual([]);
  });
});

/** The subject an autocomplete value names (`mil_…` or `act_…`). */
function subjectOf(value: string) {
  const id = value.replace(/^.*?((?:mil|act)_[A-Za-z0-9]+).*$/, '$1');
  return { type: id.startsWith('mil_') ? ('milestone' as const) : ('action' as const), id };
}
