import { createApp } from '@maille/api';
import { timeOrderedIds } from '@maille/db';
import { kernelAt, testDialect } from '@maille/db/testing';
import { createApiKey, issueChatLinkCode } from '@maille/domain/use-cases';
import type { APIMessage } from 'discord.js';
import { InteractionResponseType } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderMilestone } from './dispatcher-world.ts';
import {
  COORDINATOR,
  type E2eWorld,
  eventually,
  MEMBER,
  openE2eWorld,
  PATIENCE_MS,
  SOON,
  SOON_TITLE,
  withNonce,
} from './processes.ts';

/*
 * A member's journey through the real processes: the chat (`main.ts`) and the dispatcher
 * (`dispatch.ts`) each in a process of its own, as deployed, meeting only in the database; the
 * API over that same database shows what the chat wrote.
 */

const dialect = testDialect();
let world: E2eWorld;

beforeEach(async () => {
  world = await openE2eWorld();
});
afterEach(async () => {
  await world?.close();
});

function contentOf(response: { data?: unknown }): string {
  return String((response.data as { content?: string } | undefined)?.content ?? '');
}

function buttonOf(message: APIMessage, label: string): string {
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if ('label' in component && component.label === label && 'custom_id' in component) {
        return component.custom_id;
      }
    }
  }
  throw new Error(`No « ${label} » button on ${JSON.stringify(message.components)}`);
}

interface ModalData {
  custom_id: string;
  components: { components: { custom_id: string }[] }[];
}

/** The updates of a milestone as the API lists them to the coordinator. */
async function updatesThroughApi(milestoneId: string) {
  const app = createApp({
    store: world.store,
    database: world.database,
    clock: () => new Date().toISOString(),
    ids: timeOrderedIds(),
  });
  const { token } = await createApiKey(kernelAt(world.database, new Date().toISOString()), {
    personId: COORDINATOR,
    label: 'Tests de bout en bout',
    instanceAdmin: false,
  });
  const response = await app.request(`/milestones/${milestoneId}/updates`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    items: { id: string; text: string; channel: string; authorId?: string }[];
  };
  return body.items;
}

/**
 * The J-3 reminder of `SOON` once the dispatcher process has planned it and sent it to Alice,
 * found by its nonce (its J0 may be due too, with the same title).
 */
async function soonReminderSent() {
  const { fake } = world;
  const planned = await eventually(() => world.soonReminder(), 'the J-3 reminder planned');
  const message = await fake.until(() => withNonce(fake, fake.users.alice, planned.id)[0], {
    timeoutMs: PATIENCE_MS,
    what: 'the J-3 reminder in Alice’s direct messages',
  });
  return { planned, message };
}

describe(`the bot's processes, end to end (${dialect})`, () => {
  it('links a member, sends the J-3 reminder, takes a check-in from its button, and the API shows it', async () => {
    const { fake } = world;
    const alice = fake.users.alice;
    await world.startChat();
    const { code } = await issueChatLinkCode(kernelAt(world.database, new Date().toISOString()), {
      personId: MEMBER,
    });
    const linked = await fake.respondedTo(
      fake.slashCommand({ user: alice, in: 'dm', name: 'lier', options: { code } }).id,
      { timeoutMs: PATIENCE_MS },
    );
    expect(contentOf(linked)).toContain('Yanis');

    world.startDispatcher();
    const { planned, message: reminder } = await soonReminderSent();
    expect(withNonce(fake, alice, planned.id)).toHaveLength(1);
    expect(reminder.content).toContain('**Jalon dans');
    expect(reminder.content).toContain(SOON_TITLE);

    const opened = await fake.respondedTo(
      fake.pressButton({
        user: alice,
        message: reminder,
        customId: buttonOf(reminder, 'Point d’étape'),
      }).id,
      { timeoutMs: PATIENCE_MS },
    );
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const modal = opened.data as ModalData;
    const submitted = await fake.respondedTo(
      fake.submitModal({
        user: alice,
        in: 'dm',
        customId: modal.custom_id,
        fields: { texte: 'Trois partenaires ont signé, deux relances envoyées.' },
      }).id,
      { timeoutMs: PATIENCE_MS },
    );
    expect(contentOf(submitted)).toContain(SOON_TITLE);

    const updates = await updatesThroughApi(SOON);
    expect(updates).toEqual([
      expect.objectContaining({
        text: 'Trois partenaires ont signé, deux relances envoyées.',
        channel: 'discord',
      }),
    ]);
    // Settled by the dispatcher once Discord answered, independently of the chat's work.
    await eventually(
      async () => (await world.delivery(planned.id)).status === 'sent',
      'the reminder settled as sent',
    );
  });

  it('takes `/point` on a late milestone, and records a double click on a reminder once', async () => {
    const { fake } = world;
    const alice = fake.users.alice;
    const late = reminderMilestone('mil_e2elate', addDaysTo(world.now, -5), world.now, {
      title: 'Réunion de lancement avec les bailleurs',
    });
    await world.store.transaction((repos) => repos.milestones.insert(late));
    await world.link(MEMBER, alice);
    await world.startChat();

    const suggestions = await fake.respondedTo(
      fake.autocomplete({
        user: alice,
        name: 'point',
        focused: { name: 'sujet', value: 'lancement' },
      }).id,
      { timeoutMs: PATIENCE_MS },
    );
    const choices = (suggestions.data as { choices: { name: string; value: string }[] }).choices;
    const choice = choices.find((c) => c.name.includes('Réunion de lancement'));
    expect(choice).toBeDefined();
    const opened = await fake.respondedTo(
      fake.slashCommand({ user: alice, name: 'point', options: { sujet: choice?.value ?? '' } }).id,
      { timeoutMs: PATIENCE_MS },
    );
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const submitted = await fake.respondedTo(
      fake.submitModal({
        user: alice,
        customId: (opened.data as ModalData).custom_id,
        fields: { texte: 'Date retenue avec les bailleurs : le 8 décembre.' },
      }).id,
      { timeoutMs: PATIENCE_MS },
    );
    expect(contentOf(submitted)).toContain('Réunion de lancement');
    expect(await updatesThroughApi('mil_e2elate')).toEqual([
      expect.objectContaining({
        text: 'Date retenue avec les bailleurs : le 8 décembre.',
        channel: 'discord',
      }),
    ]);

    // The reminder's « Rien de neuf », pressed twice before the first press is answered.
    world.startDispatcher();
    const { message: reminder } = await soonReminderSent();
    const customId = buttonOf(reminder, 'Rien de neuf');
    const first = fake.pressButton({ user: alice, message: reminder, customId });
    const second = fake.pressButton({ user: alice, message: reminder, customId });
    const answers = await Promise.all(
      [first, second].map((press) => fake.respondedTo(press.id, { timeoutMs: PATIENCE_MS })),
    );
    const texts = answers.map(contentOf);
    expect(texts.filter((text) => text.startsWith('Déjà noté'))).toHaveLength(1);
    expect((await updatesThroughApi(SOON)).map((u) => u.text)).toEqual(['Rien de neuf.']);
  });
});

function addDaysTo(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString().slice(0, 10);
}
