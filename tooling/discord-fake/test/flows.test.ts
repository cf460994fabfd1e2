import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  Events,
  InteractionResponseType,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { connect } from './harness.ts';

const reminderButtons = () =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId('v1:done:mil_1:dlv_1')
      .setLabel('Fait')
      .setStyle(ButtonStyle.Success),
    new ButtonBuilder()
      .setCustomId('v1:checkin:mil_1:dlv_1')
      .setLabel('Point d’étape')
      .setStyle(ButtonStyle.Primary),
  );

describe('the flows the bot relies on', () => {
  it('reminder in DM → « Point d’étape » opens a modal → its submit updates the reminder', async () => {
    const { fake, client } = await connect();
    const alice = await client.users.fetch(fake.users.alice.id);
    await alice.send({
      content: 'Jalon « Ouverture » dans 3 jours',
      components: [reminderButtons()],
    });
    const failures: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      try {
        if (interaction.isButton()) {
          await interaction.showModal(
            new ModalBuilder()
              .setCustomId('v1:form:mil_1:dlv_1')
              .setTitle('Point d’étape')
              .addComponents(
                new ActionRowBuilder<TextInputBuilder>().addComponents(
                  new TextInputBuilder()
                    .setCustomId('texte')
                    .setLabel('Où en êtes-vous ?')
                    .setStyle(TextInputStyle.Paragraph),
                ),
              ),
          );
        } else if (interaction.isModalSubmit() && interaction.isFromMessage()) {
          await interaction.update({
            content: `Point noté : ${interaction.fields.getTextInputValue('texte')}`,
            components: [],
          });
        }
      } catch (error) {
        failures.push(error);
      }
    });

    const [reminder] = fake.dms(fake.users.alice.id);
    if (!reminder) throw new Error('no reminder sent');
    const press = fake.pressButton({
      user: fake.users.alice,
      message: reminder,
      customId: 'v1:checkin:mil_1:dlv_1',
    });
    expect((await fake.respondedTo(press.id)).type).toBe(InteractionResponseType.Modal);
    const submit = fake.submitModal({
      user: fake.users.alice,
      customId: 'v1:form:mil_1:dlv_1',
      fields: { texte: 'Bail signé' },
    });
    const response = await fake.respondedTo(submit.id);

    expect(failures).toEqual([]);
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(fake.dms(fake.users.alice.id).map((m) => [m.content, m.components])).toEqual([
      ['Point noté : Bail signé', []],
    ]);
  });

  it('a deferred update (type 6) then editReply edits the message whose button was pressed', async () => {
    const { fake, client } = await connect();
    const channel = await client.channels.fetch(fake.guild.channels.community);
    if (!channel?.isSendable()) throw new Error('not sendable');
    const sent = await channel.send({ content: 'Rappel', components: [reminderButtons()] });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'Fait, merci !', components: [] });
    });

    const { id } = fake.pressButton({
      user: fake.users.bob,
      message: sent.id,
      customId: 'v1:done:mil_1:dlv_1',
    });
    await fake.until(() => fake.interaction(id)?.answers.some((answer) => answer.kind === 'edit'), {
      what: 'the edit',
    });

    expect(fake.interaction(id)?.callback?.type).toBe(
      InteractionResponseType.DeferredMessageUpdate,
    );
    expect(fake.messages(fake.guild.channels.community).map((m) => [m.id, m.content])).toEqual([
      [sent.id, 'Fait, merci !'],
    ]);
  });

  it('returns the created message when the bot replies withResponse', async () => {
    const { fake, client } = await connect();
    const created = new Promise<string | undefined>((resolve, reject) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction
          .reply({ content: 'Voici vos jalons', withResponse: true })
          .catch(reject);
        resolve(response?.resource?.message?.content);
      });
    });

    fake.slashCommand({ user: fake.users.alice, name: 'jalons' });

    expect(await created).toBe('Voici vos jalons');
    expect(fake.messages(fake.guild.channels.community).map((m) => m.content)).toEqual([
      'Voici vos jalons',
    ]);
  });

  it('forgets an interaction not acknowledged in time: the late reply gets 10062', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const { fake, client } = await connect({ now: () => now });
    const late = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        now += 3_500; // the bot took longer than Discord's 3 s
        resolve(await interaction.reply('Trop tard').catch((error: unknown) => error));
      });
    });

    const { id } = fake.slashCommand({ user: fake.users.alice, name: 'feuille' });
    const error = await late;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062 });
    expect(fake.interaction(id)?.callback).toBeUndefined();
  });

  it('refuses a follow-up before the interaction is acknowledged (10015 Unknown Webhook)', async () => {
    const { fake, client } = await connect();
    const early = new Promise<unknown>((resolve) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        resolve(
          await interaction.webhook
            .send({ content: 'Trop tôt', flags: MessageFlags.Ephemeral })
            .catch((error: unknown) => error),
        );
      });
    });

    fake.slashCommand({ user: fake.users.alice, name: 'aide' });

    expect(await early).toMatchObject({ code: 10015, status: 404 });
  });
});
