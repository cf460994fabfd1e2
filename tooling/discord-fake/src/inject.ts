import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmissionComponent,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import { BOT_PERMISSIONS } from './payloads.ts';
import { opaqueToken } from './snowflake.ts';
import type { FakeUser, World } from './world.ts';

/** Where the user acts: a channel of the guild (the community channel by default) or their DMs. */
export interface Place {
  user: FakeUser;
  /** `dm`: in the user's direct messages with the bot. Default: the guild. */
  in?: 'guild' | 'dm';
  /** A text channel of the guild; default: the community channel. */
  channelId?: string;
}

export type OptionValues = Record<string, string | number | boolean>;

export interface SlashCommandInput extends Place {
  name: string;
  options?: OptionValues;
}

export interface AutocompleteInput extends Place {
  name: string;
  /** The options already filled in. */
  options?: OptionValues;
  /** The option the user is typing in, and what they typed so far. */
  focused: { name: string; value: string };
}

export interface ButtonInput {
  user: FakeUser;
  /** The message carrying the button (one the bot sent), or its id. */
  message: APIMessage | string;
  customId: string;
}

export interface ModalInput extends Place {
  customId: string;
  /** The text inputs' values by `custom_id`. */
  fields: Record<string, string>;
}

/** An injected interaction: its id (for `respondedTo`) and the exact payload dispatched. */
export interface Injected {
  id: string;
  token: string;
  payload: APIInteraction;
}

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * Builds interaction payloads as Discord sends them (the `discord-api-types` shapes, guild or DM
 * variant), checked against what the bot registered and showed: a button must exist on the
 * message, a modal field must exist in the modal the bot opened.
 */
export class Injector {
  constructor(
    private readonly world: World,
    private readonly communityChannelId: string,
  ) {}

  slashCommand(input: SlashCommandInput): APIInteraction {
    const command = this.world.commandNamed(input.name);
    return this.base(input, InteractionType.ApplicationCommand, {
      id: command?.id ?? this.world.nextId(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options: this.options(input.name, input.options ?? {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    });
  }

  autocomplete(input: AutocompleteInput): APIInteraction {
    const command = this.world.commandNamed(input.name);
    const focusedType = this.optionType(input.name, input.focused.name, input.focused.value);
    return this.base(input, InteractionType.ApplicationCommandAutocomplete, {
      id: command?.id ?? this.world.nextId(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options: [
        ...this.options(input.name, input.options ?? {}),
        // Discord sends what the user typed so far as a string, whatever the option's type.
        { name: input.focused.name, type: focusedType, value: input.focused.value, focused: true },
      ],
    });
  }

  pressButton(input: ButtonInput): APIInteraction {
    const id = typeof input.message === 'string' ? input.message : input.message.id;
    const stored = this.world.findMessage(id);
    if (!stored)
      throw new Error(`No message ${id} in the fake: press a button of a message the bot sent.`);
    const button = findComponent(stored.message.components ?? [], input.customId);
    if (!button)
      throw new Error(`Message ${id} has no component with custom_id ${input.customId}.`);
    // Discord's client does not let anyone press a disabled button.
    if (button.disabled) throw new Error(`The button ${input.customId} is disabled.`);
    const place = this.placeOfChannel(input.user, stored.message.channel_id);
    return this.base(
      place,
      InteractionType.MessageComponent,
      { custom_id: input.customId, component_type: ComponentType.Button },
      structuredClone(stored.message),
    );
  }

  submitModal(input: ModalInput): APIInteraction {
    const opener = [...this.world.interactions.values()]
      .reverse()
      .find(
        (record) =>
          record.modal?.custom_id === input.customId && userOf(record.payload) === input.user.id,
      );
    const components = opener?.modal
      ? echoModal(opener.modal, input.fields)
      : Object.entries(input.fields).map(([customId, value]) => ({
          type: ComponentType.ActionRow as const,
          components: [{ type: ComponentType.TextInput as const, custom_id: customId, value }],
        }));
    const openedOn = opener && 'message' in opener.payload ? opener.payload.message : undefined;
    const place = opener
      ? this.placeOfChannel(input.user, opener.payload.channel?.id ?? '')
      : input;
    return this.base(
      place,
      InteractionType.ModalSubmit,
      { custom_id: input.customId, components },
      openedOn,
    );
  }

  private placeOfChannel(user: FakeUser, channelId: string): Place {
    return this.world.dmChannelIdOf(user.id) === channelId
      ? { user, in: 'dm' }
      : { user, channelId };
  }

  private optionType(command: string, name: string, value: string | number | boolean) {
    const declared = this.world
      .commandNamed(command)
      ?.options?.find((option) => option.name === name);
    if (declared) return declared.type;
    if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
    if (typeof value === 'number') {
      return Number.isInteger(value)
        ? ApplicationCommandOptionType.Integer
        : ApplicationCommandOptionType.Number;
    }
    return ApplicationCommandOptionType.String;
  }

  private options(
    command: string,
    values: OptionValues,
  ): APIApplicationCommandInteractionDataBasicOption[] {
    return Object.entries(values).map(
      ([name, value]) =>
        ({
          name,
          type: this.optionType(command, name, value),
          value,
        }) as APIApplicationCommandInteractionDataBasicOption,
    );
  }

  private base(
    place: Place,
    type: InteractionType,
    data: unknown,
    message?: APIMessage,
  ): APIInteraction {
    const { world } = this;
    const user = place.user;
    const inDm = place.in === 'dm';
    const common = {
      id: world.nextId(),
      application_id: world.applicationId,
      token: opaqueToken(),
      version: 1,
      type,
      data,
      app_permissions: String(BOT_PERMISSIONS),
      locale: Locale.French,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: world.guildId },
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      ...(message ? { message } : {}),
    };
    if (inDm) {
      const channel = world.dmChannel(user);
      return {
        ...common,
        context: InteractionContextType.BotDM,
        channel,
        channel_id: channel.id,
        user: world.apiUser(user),
      } as unknown as APIInteraction;
    }
    const channelId = place.channelId ?? this.communityChannelId;
    const channel = world.channel(channelId);
    if (channel?.kind !== 'text')
      throw new Error(`No text channel ${channelId} in the fake guild.`);
    return {
      ...common,
      context: InteractionContextType.Guild,
      channel: channel.api,
      channel_id: channel.api.id,
      guild_id: world.guildId,
      guild: { id: world.guildId, locale: Locale.French, features: [] },
      guild_locale: Locale.French,
      member: { ...world.apiMember(user), permissions: String(user.permissions) },
    } as unknown as APIInteraction;
  }
}

interface AnyComponent {
  custom_id?: string;
  disabled?: boolean;
  components?: AnyComponent[];
  accessory?: AnyComponent;
}

/** A component by custom id, in action rows or in the containers and sections of components v2. */
function findComponent(components: unknown[], customId: string): AnyComponent | undefined {
  for (const component of components as AnyComponent[]) {
    if (component.custom_id === customId) return component;
    const nested = [
      ...(component.components ?? []),
      ...(component.accessory ? [component.accessory] : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}

function userOf(payload: APIInteraction): string | undefined {
  return payload.member?.user.id ?? payload.user?.id;
}

/**
 * What Discord sends back on submit: the modal's own layout (action rows or labels) with the
 * value of each text input. A field the modal does not have, or a required one left empty, is a
 * mistake in the test: Discord's client would not let the user do it.
 */
function echoModal(
  modal: APIModalInteractionResponseCallbackData,
  fields: Record<string, string>,
): APIModalSubmissionComponent[] {
  const known = new Set<string>();
  const input = (component: { custom_id: string; required?: boolean; id?: number }) => {
    known.add(component.custom_id);
    const value = fields[component.custom_id] ?? '';
    if (component.required !== false && value === '') {
      throw new Error(`The modal's field ${component.custom_id} is required.`);
    }
    return {
      type: ComponentType.TextInput as const,
      ...(component.id === undefined ? {} : { id: component.id }),
      custom_id: component.custom_id,
      value,
    };
  };
  const echoed = modal.components.flatMap((raw): APIModalSubmissionComponent[] => {
    const component = raw as unknown as {
      type: number;
      id?: number;
      components?: { type: number; custom_id: string; required?: boolean; id?: number }[];
      component?: { type: number; custom_id: string; required?: boolean; id?: number };
    };
    if (component.type === ComponentType.ActionRow && component.components) {
      const inputs = component.components
        .filter((c) => c.type === ComponentType.TextInput)
        .map(input);
      return [
        {
          type: ComponentType.ActionRow,
          components: inputs,
        } as unknown as APIModalSubmissionComponent,
      ];
    }
    if (
      component.type === ComponentType.Label &&
      component.component?.type === ComponentType.TextInput
    ) {
      return [
        {
          type: ComponentType.Label,
          ...(component.id === undefined ? {} : { id: component.id }),
          component: input(component.component),
        } as unknown as APIModalSubmissionComponent,
      ];
    }
    return [];
  });
  const unknown = Object.keys(fields).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new Error(`The modal ${modal.custom_id} has no field ${unknown.join(', ')}.`);
  return echoed;
}
