import { randomBytes } from 'node:crypto';
import { testDialect } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import type { Milestone } from '@maille/domain';
import { getMilestone, listUpdates } from '@maille/domain/use-cases';
import {
  type APIInteraction,
  type APIMessage,
  type Client,
  ComponentType,
  InteractionType,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../src/adapters/discord/client.ts';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { messagePayload } from '../src/adapters/discord/interactions.ts';
import { converse } from '../src/conversation/converse.ts';
import { reminderButtons } from '../src/interactions/button-ids.ts';
import { fr } from '../src/messages/fr.ts';
import { NOW, openTestBot, storeSentReminder, type TestBot } from './harness.ts';

/*
 * The bot trusts nothing a click says (issue 13): the real discord.js client against the fake
 * Discord, with clicks as a forged client or a replaying proxy would send them.
 */

const LR = DEMO_IDS.laRochelle.governance;
// Alice is Yanis Belkacem on the fake server, Bob is Fabrice Gautier: two members of La Rochelle.
const BELKACEM = 'per_lrbelkacem';
const GAUTIER = 'per_lrgautier';
const ALICE_MILESTONE = 'mil_trustalice';
const BOB_MILESTONE = 'mil_trustbob';

let bot: TestBot;
let fake: FakeDiscord;
let client: Client;
let stop: () => Promise<void>;
// The fake's clock runs this far ahead: a late answer, as Discord sees it.
let skewMs = 0;
const errors: unknown[] = [];

beforeAll(async () => {
  bot = await openTestBot();
  fake = await startFakeDiscord({ ackTimeoutMs: 15_000, now: () => Date.now() + skewMs });
  await registerCommands({ token: fake.token, apiUrl: fake.restUrl, guildId: fake.guild.id });
  ({ client, stop } = await startDiscordBot({
    token: fake.token,
    apiUrl: fake.restUrl,
    handle: (event) => converse(bot.ctx, event),
    unexpectedError: fr.unexpected,
    logError: (error) => errors.push(error),
  }));
  await bot.ctx.store.transaction(async (repos) => {
    for (const [personId, userId] of [
      [BELKACEM, fake.users.alice.id],
      [GAUTIER, fake.users.bob.id],
    ] as const) {
      const person = await repos.persons.get(personId);
      if (!person) throw new Error(`demo changed: ${personId}`);
      await repos.persons.update({
        ...person,
        chatAccounts: [{ platform: 'discord', userId, linkedAt: NOW }],
        version: person.version + 1,
      });
    }
    await repos.milestones.insert(milestone(ALICE_MILESTONE, BELKACEM));
    await repos.milestones.insert(milestone(BOB_MILESTONE, GAUTIER));
  });
});
afterAll(async () => {
  await stop?.();
  await fake?.close();
  await bot?.drop();
});

/** A milestone of La Rochelle's roadmap owned by a member, on no action. */
function milestone(id: string, ownerId: string): Milestone {
  return {
    id,
    governanceId: LR,
    roadmapId: 'rdm_larochelle',
    title: `Jalon de ${ownerId.slice(6)}`,
    dueDate: '2026-11-27',
    ownerId,
    status: 'a_venir',
    weight: 1,
    reschedules: [],
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

/** A reminder about one of a person's milestones, sent in their direct messages. */
async function remind(personId: string, milestoneId: string, userId: string) {
  const delivery = await storeSentReminder(bot.ctx.store, {
    id: `dlv_trust${randomBytes(6).toString('hex')}`,
    governanceId: LR,
    personId,
    subject: { type: 'milestone', id: milestoneId },
  });
  const buttons = reminderButtons({ type: 'milestone', id: milestoneId }, delivery.id);
  const sent = await client.users.send(
    userId,
    messagePayload({ text: 'Rappel : jalon dans 3 jours', buttons }),
  );
  const message = fake.dms(userId).find((m) => m.id === sent.id);
  if (!message) throw new Error('the reminder did not reach the fake');
  return { delivery, message };
}

function buttonOf(message: APIMessage, label: string): string {
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if ('label' in component && component.label === label && 'custom_id' in component)
        return component.custom_id;
    }
  }
  throw new Error(`No « ${label} » button`);
}

function contentOf(response: { data?: unknown }): string {
  return String((response.data as { content?: string } | undefined)?.content ?? '');
}

let forged = 0;
/**
 * An interaction as a forged client sends it: `base` (one the fake made for that user) with
 * another id, type and data.
 */
function forge(base: APIInteraction, type: InteractionType, data: unknown, message?: APIMessage) {
  forged += 1;
  const payload = {
    ...structuredClone(base),
    id: String(BigInt(base.id) - 10n ** 15n - BigInt(forged)),
    token: randomBytes(24).toString('hex'),
    type,
    data,
    ...(message ? { message } : {}),
  } as APIInteraction;
  return fake.inject(payload);
}

function forgedButton(base: APIInteraction, customId: string, message: APIMessage) {
  return forge(
    base,
    InteractionType.MessageComponent,
    { custom_id: customId, component_type: ComponentType.Button },
    message,
  );
}

function forgedForm(base: APIInteraction, customId: string, text: string) {
  const components = [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.TextInput, custom_id: 'texte', value: text }],
    },
  ];
  return forge(base, InteractionType.ModalSubmit, { custom_id: customId, components });
}

async function updatesOn(milestoneId: string) {
  const page = await listUpdates(bot.kernel(DEMO_IDS.laRochelle.coordinator), {
    subject: { type: 'milestone', id: milestoneId },
    limit: 50,
  });
  return page.items;
}

/** Bob's own reminder, and an interaction of his, the base of what he forges. */
async function bobsGround() {
  const { message } = await remind(GAUTIER, BOB_MILESTONE, fake.users.bob.id);
  const help = fake.slashCommand({ user: fake.users.bob, in: 'dm', name: 'aide' });
  await fake.respondedTo(help.id);
  return { message, base: help.payload };
}

/** Opens `/point` on a subject of Alice's and submits the form with these fields. */
async function checkInAsAlice(subject: string, fields: Record<string, string>) {
  const opened = await fake.respondedTo(
    fake.slashCommand({ user: fake.users.alice, name: 'point', options: { sujet: subject } }).id,
  );
  const modal = opened.data as { custom_id: string };
  return fake.submitModal({ user: fake.users.alice, customId: modal.custom_id, fields });
}

describe(`a click is checked against who may make it (${testDialect()})`, () => {
  it('refuses a click on someone else’s reminder, which keeps its one answer', async () => {
    const { delivery, message } = await remind(BELKACEM, ALICE_MILESTONE, fake.users.alice.id);
    const bob = await bobsGround();
    const nothingNew = buttonOf(message, 'Rien de neuf');
    expect(nothingNew).toBe(`v1:rien:${ALICE_MILESTONE}:${delivery.id}`);

    const refused = await fake.respondedTo(forgedButton(bob.base, nothingNew, bob.message).id);
    expect(contentOf(refused)).toBe(fr.unknownButton);
    expect(await updatesOn(ALICE_MILESTONE)).toEqual([]);

    const answered = await fake.respondedTo(
      fake.pressButton({ user: fake.users.alice, message, customId: nothingNew }).id,
    );
    expect(contentOf(answered)).toBe(fr.checkIn.nothingNewNoted('Jalon de belkacem'));
    const updates = await updatesOn(ALICE_MILESTONE);
    expect(updates.map((u) => [u.authorId, u.text])).toEqual([[BELKACEM, 'Rien de neuf.']]);
    expect(errors).toEqual([]);
  });

  it('refuses a made-up reminder, and writes nothing', async () => {
    const bob = await bobsGround();
    for (const customId of [
      `v1:rien:${BOB_MILESTONE}:dlv_nexistepas`,
      `v1:fait:${BOB_MILESTONE}:dlv_nexistepas`,
      `v1:rien:mil_nexistepas:-`,
      `v1:fait:${BOB_MILESTONE}:-`,
    ]) {
      const refused = await fake.respondedTo(forgedButton(bob.base, customId, bob.message).id);
      expect(contentOf(refused)).toBe(fr.unknownButton);
    }
    expect(await updatesOn(BOB_MILESTONE)).toEqual([]);
    const kept = await getMilestone(bot.kernel(GAUTIER), { milestoneId: BOB_MILESTONE });
    expect(kept.status).toBe('a_venir');
    expect(errors).toEqual([]);
  });

  it('refuses a hand-made form on a milestone the commands would not offer', async () => {
    const bob = await bobsGround();
    const refused = await fake.respondedTo(
      forgedForm(bob.base, `v1:point:${ALICE_MILESTONE}:-`, 'Écrit à la place d’Alice').id,
    );
    expect(contentOf(refused)).toBe(fr.unknownButton);
    const opened = await fake.respondedTo(
      forgedButton(bob.base, `v1:point:${ALICE_MILESTONE}:-`, bob.message).id,
    );
    expect(contentOf(opened)).toBe(fr.unknownButton);
    const written = (await updatesOn(ALICE_MILESTONE)).map((u) => u.text);
    expect(written).not.toContain('Écrit à la place d’Alice');
    expect(errors).toEqual([]);
  });
});

describe(`an interaction is handled once (${testDialect()})`, () => {
  it('records a replayed form once and repeats the first answer', async () => {
    const before = (await updatesOn(ALICE_MILESTONE)).length;
    const submit = await checkInAsAlice(ALICE_MILESTONE, { texte: 'Rejoué plus tard.' });
    const first = await fake.respondedTo(submit.id);
    expect(contentOf(first)).toBe(fr.checkIn.recorded('Jalon de belkacem'));

    const again = fake.inject(submit.payload);
    expect(contentOf(await fake.respondedTo(again.id))).toBe(contentOf(first));
    expect((await updatesOn(ALICE_MILESTONE)).length).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('records a form delivered twice at the same moment once, without an error', async () => {
    const before = (await updatesOn(ALICE_MILESTONE)).length;
    const opened = await fake.respondedTo(
      fake.slashCommand({
        user: fake.users.alice,
        name: 'point',
        options: { sujet: ALICE_MILESTONE },
      }).id,
    );
    const modal = opened.data as { custom_id: string };
    const submit = fake.submitModal({
      user: fake.users.alice,
      customId: modal.custom_id,
      fields: { texte: 'Envoyé deux fois.' },
    });
    fake.inject(submit.payload);
    const answer = await fake.respondedTo(submit.id);
    expect(contentOf(answer)).toBe(fr.checkIn.recorded('Jalon de belkacem'));
    // Both copies are answered (one refused by Discord) before the count is read.
    await fake.until(() => fake.requests.filter((r) => r.path.includes(submit.id)).length >= 2, {
      what: 'the second answer',
    });
    const texts = (await updatesOn(ALICE_MILESTONE)).map((u) => u.text);
    expect(texts.filter((t) => t === 'Envoyé deux fois.')).toHaveLength(1);
    expect(texts.length).toBe(before + 1);
    expect(errors).toEqual([]);
  });
});

describe(`the owner of a milestone checks in with its progress (${testDialect()})`, () => {
  it('records the progress the form offers', async () => {
    const submit = await checkInAsAlice(ALICE_MILESTONE, {
      texte: 'À mi-chemin.',
      avancement: '60 %',
    });
    expect(contentOf(await fake.respondedTo(submit.id))).toBe(
      fr.checkIn.recorded('Jalon de belkacem'),
    );
    const [last] = (await updatesOn(ALICE_MILESTONE)).filter((u) => u.text === 'À mi-chemin.');
    expect(last?.progress).toBe(60);
    expect(errors).toEqual([]);
  });

  it('gives back the text typed when the check-in is refused', async () => {
    const submit = await checkInAsAlice(ALICE_MILESTONE, {
      texte: 'On arrête tout.',
      statut: 'annulé',
    });
    const refused = contentOf(await fake.respondedTo(submit.id));
    expect(refused).toContain('Vous n’avez pas le droit');
    expect(refused).toContain('> On arrête tout.');
    const texts = (await updatesOn(ALICE_MILESTONE)).map((u) => u.text);
    expect(texts).not.toContain('On arrête tout.');
    expect(errors).toEqual([]);
  });
});

describe(`a write saved is never lost with the answer to Discord (${testDialect()})`, () => {
  it('tells the result in a direct message when the answer came too late', async () => {
    const { message } = await remind(BELKACEM, ALICE_MILESTONE, fake.users.alice.id);
    const done = buttonOf(message, 'Fait');
    const dmsBefore = fake.dms(fake.users.alice.id).length;
    errors.length = 0;
    const late = fake.pressButton({ user: fake.users.alice, message, customId: done });
    // Discord forgets an interaction not answered within its deadline.
    skewMs = 3_600_000;
    try {
      const told = await fake.until(
        () =>
          fake
            .dms(fake.users.alice.id)
            .slice(dmsBefore)
            .find((m) => m.content.includes('atteint')),
        { what: 'the result in direct messages', timeoutMs: 15_000 },
      );
      expect(told.content).toBe(fr.fait.done('Jalon de belkacem'));
    } finally {
      skewMs = 0;
    }
    expect(fake.interaction(late.id)?.callback).toBeUndefined();
    const everything = fake.dms(fake.users.alice.id).map((m) => m.content);
    expect(everything.some((text) => text.includes('Réessayez'))).toBe(false);
    const reached = await getMilestone(bot.kernel(BELKACEM), { milestoneId: ALICE_MILESTONE });
    expect(reached.status).toBe('atteint');

    const again = await fake.respondedTo(
      fake.pressButton({ user: fake.users.alice, message, customId: done }).id,
    );
    expect(contentOf(again)).toBe(fr.alreadyNoted);
    errors.length = 0;
  });
});
