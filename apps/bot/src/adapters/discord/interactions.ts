import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  ModalBuilder,
  Routes,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type {
  Button,
  ChatEvent,
  ChatPlace,
  ChatUser,
  Form,
  OptionValue,
  OutgoingMessage,
  Reply,
} from '../../conversation/chat.ts';

/**
 * Discord ⇄ the conversation core: an interaction becomes a `ChatEvent`, a `Reply` becomes the
 * interaction's response. Nothing here decides anything; the core does.
 */

/** The event an interaction stands for, or nothing for one the bot does not handle. */
export function eventOf(interaction: Interaction): ChatEvent | undefined {
  const user: ChatUser = {
    platform: 'discord',
    userId: interaction.user.id,
    displayName: interaction.user.globalName ?? interaction.user.username,
  };
  const place: ChatPlace = {
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
  };
  if (interaction.isChatInputCommand()) {
    const options: Record<string, OptionValue> = {};
    for (const option of interaction.options.data) {
      if (option.value !== undefined) options[option.name] = option.value;
    }
    return {
      type: 'command',
      user,
      place,
      name: interaction.commandName,
      options,
      interactionId: interaction.id,
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      type: 'autocomplete',
      user,
      place,
      command: interaction.commandName,
      option: focused.name,
      query: String(focused.value),
    };
  }
  if (interaction.isButton()) {
    return {
      type: 'button',
      user,
      place,
      customId: interaction.customId,
      interactionId: interaction.id,
    };
  }
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, field] of interaction.fields.fields) {
      if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
    }
    return {
      type: 'form',
      user,
      place,
      customId: interaction.customId,
      fields,
      interactionId: interaction.id,
    };
  }
  return undefined;
}

/** Answers the interaction as the core replied. */
export async function respond(interaction: Interaction, reply: Reply): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond(reply.type === 'choices' ? reply.choices.slice(0, 25) : []);
    return;
  }
  if (!interaction.isRepliable()) return;
  switch (reply.type) {
    case 'form':
      if (interaction.isModalSubmit()) {
        throw new Error('A form cannot answer a form: the core must reply with a message.');
      }
      await interaction.showModal(modalOf(reply.form));
      return;
    case 'update':
      if (interaction.isButton()) {
        await interaction.update(messagePayload(reply.message));
        return;
      }
      await interaction.reply(messagePayload(reply.message));
      return;
    case 'message': {
      const payload: InteractionReplyOptions = {
        ...messagePayload(reply.message),
        ...(reply.private ? { flags: MessageFlags.Ephemeral } : {}),
      };
      await interaction.reply(payload);
      return;
    }
    case 'post':
      await interaction.client.rest.post(Routes.channelMessages(reply.channelId), {
        body: messagePayload(reply.message),
      });
      await interaction.reply({
        ...messagePayload(reply.confirmation),
        flags: MessageFlags.Ephemeral,
      });
      return;
    case 'choices':
      // Suggestions only answer autocomplete (handled above); anything else is a core bug.
      throw new Error('Suggestions answer only an autocomplete interaction.');
  }
}

const BUTTON_STYLES: Record<Button['style'], ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** A message as Discord's API takes it: content and rows of buttons (JSON, for REST too). */
export function messagePayload(message: OutgoingMessage) {
  return {
    content: message.text,
    components: (message.buttons ?? []).map((row) =>
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          row.map((button) =>
            new ButtonBuilder()
              .setCustomId(button.customId)
              .setLabel(button.label)
              .setStyle(BUTTON_STYLES[button.style]),
          ),
        )
        .toJSON(),
    ),
    // Mentions only ping who the text names on purpose: never @everyone or roles.
    allowedMentions: { parse: ['users' as const] },
  };
}

function modalOf(form: Form): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(form.customId)
    .setTitle(form.title)
    .addComponents(
      form.fields.map((field) => {
        const input = new TextInputBuilder()
          .setCustomId(field.id)
          .setLabel(field.label)
          .setStyle(field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short)
          .setRequired(field.required);
        if (field.value !== undefined) input.setValue(field.value);
        if (field.maxLength !== undefined) input.setMaxLength(field.maxLength);
        return new ActionRowBuilder<TextInputBuilder>().addComponents(input);
      }),
    );
}
