import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  type Interaction,
  InteractionResponseType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { connect } from './harness.ts';

/** Routes every interaction to `handle` and records what failed in the handler. */
function onInteraction(
  client: Connected['client'],
  handle: (interaction: Interaction) => Promise<unknown>,
) {
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => errors.push(error));
  });
  return errors;
}

type Connected = Awaited<ReturnType<typeof connect>>;

describe('command registration', () => {
  it('records a bulk overwrite of guild commands and keeps ids of commands kept by name', async () => {
    const { fake, client } = await connect();
    const jalons = new SlashCommandBuilder()
      .setName('jalons')
      .setDescription('Mes prochains jalons');
    const point = new SlashCommandBuilder()
      .setName('point')
      .setDescription('Un point d’étape')
      .addStringOption((option) =>
        option
          .setName('sujet')
          .setDescription('Action ou jalon')
          .setAutocomplete(true)
          .setRequired(true),
      );

    const first = await client.application?.commands.set([jalons, point], fake.guild.id);
    await client.application?.commands.set([point], fake.guild.id);

    expect(fake.registrations.map((r) => r.commands.map((c) => c.name))).toEqual([
      ['jalons', 'point'],
      ['point'],
    ]);
    expect(fake.commands(fake.guild.id).map((c) => c.name)).toEqual(['point']);
    expect(fake.commands(fake.guild.id)[0]?.id).toBe(first?.find((c) => c.name === 'point')?.id);
    expect(fake.commands()).toEqual([]);
  });

  it('rejects a command name Discord would refuse, with the 50035 error discord.js surfaces', async () => {
    const { client } = await connect();

    await expect(
      client.application?.commands.set([{ name: 'Mes Jalons', description: 'x' }]),
    ).rejects.toMatchObject({ code: 50035, status: 400 });
  });
});

describe('injected interactions', () => {
  it('delivers a slash command with its options and records an ephemeral reply', async () => {
    const { fake, client } = await connect();
    await client.application?.commands.set([
      new SlashCommandBuilder()
        .setName('absence')
        .setDescription('Mettre mes rappels en pause')
        .addStringOption((o) => o.setName('jusqu_au').setDescription('Date').setRequired(true))
        .addIntegerOption((o) => o.setName('jours').setDescription('Jours')),
    ]);
    const seen: unknown[] = [];
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push([
        interaction.commandName,
        interaction.options.getString('jusqu_au'),
        interaction.options.getInteger('jours'),
        interaction.user.id,
        interaction.guildId,
      ]);
      await interaction.reply({ content: 'Rappels en pause.', flags: MessageFlags.Ephemeral });
    });

    const { id } = fake.slashCommand({
      user: fake.users.alice,
      name: 'absence',
      options: { jusqu_au: '2026-12-01', jours: 7 },
    });
    const response = await fake.respondedTo(id);

    expect(errors).toEqual([]);
    expect(seen).toEqual([['absence', '2026-12-01', 7, fake.users.alice.id, fake.guild.id]]);
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(response.data).toMatchObject({
      content: 'Rappels en pause.',
      flags: MessageFlags.Ephemeral,
    });
    // Only Alice sees an ephemeral reply: the channel's history does not hold it.
    expect(fake.messages(fake.guild.channels.community)).toEqual([]);
  });

  it('delivers a slash command in direct messages without a guild', async () => {
    const { fake, client } = await connect();
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply(
        `guild: ${interaction.guildId ?? 'aucun'}, salon: ${interaction.channelId}`,
      );
    });

    const { id } = fake.slashCommand({ user: fake.users.bob, name: 'aide', in: 'dm' });
    const response = await fake.respondedTo(id);

    expect(errors).toEqual([]);
    const [reply] = fake.dms(fake.users.bob.id);
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply?.content).toBe(`guild: aucun, salon: ${reply?.channel_id}`);
  });

  it('answers autocomplete with the choices matching the focused option', async () => {
    const { fake, client } = await connect();
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused(true);
      const all = ['Ouvrir la ressourcerie', 'Ouvrir le tiers-lieu', 'Planter la haie'];
      await interaction.respond(
        all
          .filter((name) => name.toLowerCase().includes(typed.value))
          .map((name) => ({ name, value: name })),
      );
    });

    const { id } = fake.autocomplete({
      user: fake.users.alice,
      name: 'point',
      focused: { name: 'sujet', value: 'ouvrir' },
    });
    const response = await fake.respondedTo(id);

    expect(errors).toEqual([]);
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((response.data as { choices: { name: string }[] }).choices.map((c) => c.name)).toEqual([
      'Ouvrir la ressourcerie',
      'Ouvrir le tiers-lieu',
    ]);
  });

  it('presses a button of a message the bot sent and records the update of that message', async () => {
    const { fake, client } = await connect();
    const channel = await client.channels.fetch(fake.guild.channels.community);
    if (!channel?.isSendable()) throw new Error('community channel not sendable');
    const reminder = await channel.send({
      content: 'Jalon « Ouverture » dans 3 jours',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId('v1:done:mil_1:dlv_1')
            .setLabel('Fait')
            .setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const errors = onInteraction(client, async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({ content: `Noté (${interaction.customId})`, components: [] });
    });

    const message = fake.messages(fake.guild.channels.community).find((m) => m.id === reminder.id);
    if (!message) throw new Error('the reminder is not recorded');
    const { id } = fake.pressButton({
      user: fake.users.alice,
      message,
      customId: 'v1:done:mil_1:dlv_1',
    });
    const response = await fake.respondedTo(id);

    expect(errors).toEqual([]);
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    const [updated] = fake.messages(fake.guild.channels.community);
    expect(updated?.content).toBe('Noté (v1:done:mil_1:dlv_1)');
    expect(updated?.components).toEqual([]);
    expect(() => fake.pressButton({ user: fake.users.bob, message, customId: 'v1:other' })).toThrow(
      /no component/,
    );
    await channel.send({
      content: 'Déjà traité',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId('v1:done:mil_2:dlv_2')
            .setLabel('Fait')
            .setStyle(ButtonStyle.Success)
            .setDisabled(true),
        ),
      ],
    });
    const [, done] = fake.messages(fake.guild.channels.community);
    expect(() =>
      fake.pressButton({
        user: fake.users.bob,
        message: done?.id ?? '',
        customId: 'v1:done:mil_2:dlv_2',
      }),
    ).toThrow(/disabled/);
  });

  it('opens a modal, then delivers its submit with the fields typed in', async () => {
    const { fake, client } = await connect();
    const errors = onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('v1:form:act_1')
            .setTitle('Point d’étape')
            .addLabelComponents(
              new LabelBuilder()
                .setLabel('Où en êtes-vous ?')
                .setTextInputComponent(
                  new TextInputBuilder().setCustomId('texte').setStyle(TextInputStyle.Paragraph),
                ),
              new LabelBuilder()
                .setLabel('Avancement (%)')
                .setTextInputComponent(
                  new TextInputBuilder()
                    .setCustomId('avancement')
                    .setStyle(TextInputStyle.Short)
                    .setRequired(false),
                ),
            ),
        );
      } else if (interaction.isModalSubmit()) {
        const text = interaction.fields.getTextInputValue('texte');
        const progress = interaction.fields.getTextInputValue('avancement');
        await interaction.reply({
          content: `Reçu : ${text} (${progress} %)`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });

    const opened = await fake.respondedTo(
      fake.slashCommand({ user: fake.users.alice, name: 'point' }).id,
    );
    expect(opened.type).toBe(InteractionResponseType.Modal);
    expect(() =>
      fake.submitModal({
        user: fake.users.alice,
        customId: 'v1:form:act_1',
        fields: { avancement: '40' },
      }),
    ).toThrow(/required/);
    const submit = fake.submitModal({
      user: fake.users.alice,
      customId: 'v1:form:act_1',
      fields: { texte: 'Local trouvé', avancement: '40' },
    });
    const response = await fake.respondedTo(submit.id);

    expect(errors).toEqual([]);
    expect(response.data).toMatchObject({ content: 'Reçu : Local trouvé (40 %)' });
  });

  it('refuses a second acknowledgement of the same interaction (40060), then takes follow-ups', async () => {
    const { fake, client } = await connect();
    const outcome = new Promise<unknown>((resolve, reject) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        try {
          await interaction.deferReply();
          await interaction.editReply('Feuille de route : 3 jalons en retard');
          await interaction.followUp({ content: 'Détail envoyé', flags: MessageFlags.Ephemeral });
          // discord.js refuses a second reply itself: go through REST, as a buggy bot would.
          await client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
            body: { type: 4, data: { content: 'encore' } },
            auth: false,
          });
          resolve('accepted');
        } catch (error) {
          if ((error as { code?: number }).code === 40060) resolve(40060);
          else reject(error);
        }
      });
    });

    const { id } = fake.slashCommand({ user: fake.users.alice, name: 'feuille' });

    expect(await outcome).toBe(40060);
    expect(fake.interaction(id)?.answers.map((a) => a.kind)).toEqual([
      'callback',
      'edit',
      'followUp',
    ]);
    expect(fake.messages(fake.guild.channels.community).map((m) => m.content)).toEqual([
      'Feuille de route : 3 jalons en retard',
    ]);
  });
});
