import { EventEmitter } from 'node:events';
import {
  type APIApplicationCommand,
  type APIDMChannel,
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextChannel,
  type APIUser,
  ApplicationCommandType,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { opaqueToken, snowflakes } from './snowflake.ts';

/** A member of the fake guild, as tests name them. */
export interface FakeUser {
  id: string;
  username: string;
  displayName: string;
  /** The member's permissions in the guild, as the interaction's `member.permissions` says. */
  permissions: bigint;
}

/** One answer of the bot to an interaction: the callback, a follow-up or an edit. */
export type InteractionAnswer =
  | { kind: 'callback'; type: number; data: unknown; at: number }
  | { kind: 'followUp'; message: APIMessage; at: number }
  | { kind: 'edit'; messageId: string; message: APIMessage; at: number };

/** An interaction the fake injected, and everything the bot answered to it. */
export interface InteractionRecord {
  id: string;
  token: string;
  payload: APIInteraction;
  injectedAt: number;
  /** The first callback (`POST /interactions/{id}/{token}/callback`), once it arrived. */
  callback?: { type: number; data: unknown; at: number };
  answers: InteractionAnswer[];
  /** The message `@original` designates: the reply, or the message whose component was used. */
  originalMessageId?: string;
  /** The modal the bot opened (callback type 9), to echo its layout on submit. */
  modal?: APIModalInteractionResponseCallbackData;
}

/** A registration of commands (bulk overwrite), global or for one guild. */
export interface CommandRegistration {
  guildId: string | null;
  commands: APIApplicationCommand[];
  at: number;
}

/** One request the fake received, as tests and the README's "what did the bot ask" need it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The route pattern that answered (`POST /channels/:channelId/messages`), absent if none. */
  route?: string;
  query: string;
  status: number;
  body: unknown;
  at: number;
}

export interface StoredMessage {
  message: APIMessage;
  /** Ephemeral messages are seen by one user: they are not part of the channel's history. */
  ephemeral: boolean;
  deleted: boolean;
}

type Channel =
  | { kind: 'text'; api: APITextChannel; deleted: boolean }
  | { kind: 'dm'; api: APIDMChannel; recipientId: string; deleted: boolean };

export interface WorldOptions {
  now: () => number;
  nonceWindowMs: number;
}

/** What a plain member may do in the fake guild's channels (the @everyone role). */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/**
 * The fake's state: one application with its bot user, one guild with two text channels and a
 * few members, direct-message channels opened on demand, every message, every interaction and
 * every command registration. It emits `change` whenever something is recorded, so that tests
 * can await a condition without polling.
 */
export class World extends EventEmitter {
  readonly nextId: () => string;
  readonly now: () => number;
  readonly nonceWindowMs: number;
  readonly token = `fake.${opaqueToken()}`;
  readonly applicationId: string;
  readonly bot: APIUser;
  readonly guildId: string;
  readonly botRoleId: string;
  /** The guild's owner: set when the first member is added (the coordinator). */
  ownerId = '';
  readonly guildName = 'Territoire de test';
  readonly createdAt: string;
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, Channel>();
  readonly messages = new Map<string, StoredMessage[]>();
  // By id as well: a benchmark sends thousands of messages and each send looks up its nonce.
  private readonly messagesById = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly registrations: CommandRegistration[] = [];
  readonly requests: RecordedRequest[] = [];
  private readonly dmChannelOf = new Map<string, string>();
  private readonly nonces = new Map<string, { messageId: string; channelId: string; at: number }>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();
  private commandVersion = 0;

  constructor(options: WorldOptions) {
    super();
    this.now = options.now;
    this.nonceWindowMs = options.nonceWindowMs;
    this.nextId = snowflakes(options.now);
    this.createdAt = new Date(options.now()).toISOString();
    this.applicationId = this.nextId();
    this.bot = {
      id: this.applicationId,
      username: 'Maille',
      discriminator: '0000',
      global_name: null,
      avatar: null,
      bot: true,
    };
    this.guildId = this.nextId();
    this.botRoleId = this.nextId();
  }

  touch(): void {
    this.emit('change');
  }

  addUser(username: string, displayName: string, permissions = MEMBER_PERMISSIONS): FakeUser {
    const user: FakeUser = { id: this.nextId(), username, displayName, permissions };
    this.users.set(user.id, user);
    if (!this.ownerId) this.ownerId = user.id;
    return user;
  }

  apiUser(user: FakeUser): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.displayName,
      avatar: null,
    };
  }

  apiMember(user: FakeUser): APIGuildMember {
    return {
      user: this.apiUser(user),
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: this.createdAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
    };
  }

  addTextChannel(name: string, position: number): string {
    const id = this.nextId();
    this.channels.set(id, {
      kind: 'text',
      deleted: false,
      api: {
        id,
        type: ChannelType.GuildText,
        guild_id: this.guildId,
        name,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    });
    return id;
  }

  textChannels(): APITextChannel[] {
    const found: APITextChannel[] = [];
    for (const channel of this.channels.values()) {
      if (channel.kind === 'text' && !channel.deleted) found.push(channel.api);
    }
    return found;
  }

  channel(id: string): Channel | undefined {
    const channel = this.channels.get(id);
    return channel && !channel.deleted ? channel : undefined;
  }

  /** The direct-message channel with a user, opened once (as Discord keeps one per pair). */
  dmChannel(user: FakeUser): APIDMChannel {
    const existing = this.dmChannelOf.get(user.id);
    const channel = existing ? this.channels.get(existing) : undefined;
    if (channel?.kind === 'dm') return channel.api;
    const id = this.nextId();
    const api: APIDMChannel = {
      id,
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      recipients: [this.apiUser(user)],
      flags: 0 as ChannelFlags,
    };
    this.channels.set(id, { kind: 'dm', api, recipientId: user.id, deleted: false });
    this.dmChannelOf.set(user.id, id);
    return api;
  }

  dmChannelIdOf(userId: string): string | undefined {
    return this.dmChannelOf.get(userId);
  }

  /** Builds a message of the bot, stores it in its channel's history and returns it. */
  postMessage(
    channelId: string,
    body: MessageBody,
    extra: { ephemeral?: boolean; nonce?: string | number; interaction?: InteractionRecord } = {},
  ): APIMessage {
    const message: APIMessage = {
      id: this.nextId(),
      channel_id: channelId,
      author: this.bot,
      content: body.content ?? '',
      timestamp: new Date(this.now()).toISOString(),
      edited_timestamp: null,
      tts: Boolean(body.tts),
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds as APIMessage['embeds'] | undefined) ?? [],
      pinned: false,
      type: extra.interaction ? MessageType.ChatInputCommand : MessageType.Default,
      flags: body.flags ?? 0,
      components: (body.components as APIMessageTopLevelComponent[] | undefined) ?? [],
    };
    if (extra.nonce !== undefined) message.nonce = extra.nonce;
    if (extra.interaction) {
      message.application_id = this.applicationId;
      message.webhook_id = this.applicationId;
    }
    const stored = { message, ephemeral: Boolean(extra.ephemeral), deleted: false };
    const history = this.messages.get(channelId) ?? [];
    history.push(stored);
    this.messages.set(channelId, history);
    this.messagesById.set(message.id, stored);
    this.touch();
    return message;
  }

  /** What everyone sees in a channel, oldest first: no ephemeral, no deleted message. */
  visibleMessages(channelId: string | undefined): APIMessage[] {
    return (channelId ? (this.messages.get(channelId) ?? []) : [])
      .filter((stored) => !stored.deleted && !stored.ephemeral)
      .map((stored) => stored.message);
  }

  findMessage(messageId: string): StoredMessage | undefined {
    const stored = this.messagesById.get(messageId);
    return stored?.deleted ? undefined : stored;
  }

  /** Applies an edit (content, components, embeds, flags) as Discord does: absent fields stay. */
  editMessage(stored: StoredMessage, body: MessageBody): APIMessage {
    const message = stored.message;
    if (body.content !== undefined) message.content = body.content ?? '';
    if (body.components !== undefined) {
      message.components = (body.components as APIMessageTopLevelComponent[] | null) ?? [];
    }
    if (body.embeds !== undefined) {
      message.embeds = (body.embeds as APIMessage['embeds'] | null) ?? [];
    }
    // Editing a deferred reply ends its "is thinking…" state.
    if (message.flags !== undefined) message.flags &= ~LOADING;
    message.edited_timestamp = new Date(this.now()).toISOString();
    this.touch();
    return message;
  }

  /** The message an earlier send with this nonce created, while the window is open. */
  messageForNonce(nonce: string | number): APIMessage | undefined {
    const seen = this.nonces.get(String(nonce));
    if (!seen || this.now() - seen.at > this.nonceWindowMs) return undefined;
    return this.findMessage(seen.messageId)?.message;
  }

  rememberNonce(nonce: string | number, message: APIMessage): void {
    this.nonces.set(String(nonce), {
      messageId: message.id,
      channelId: message.channel_id,
      at: this.now(),
    });
  }

  /** Replaces the command list (bulk overwrite), keeping the ids of commands kept by name. */
  overwriteCommands(guildId: string | null, bodies: CommandBody[]): APIApplicationCommand[] {
    const key = guildId ?? 'global';
    const previous = this.commands.get(key) ?? [];
    this.commandVersion += 1;
    const commands = bodies.map((body): APIApplicationCommand => {
      const kept = previous.find((command) => command.name === body.name);
      const command: APIApplicationCommand = {
        ...(body as Partial<APIApplicationCommand>),
        id: kept?.id ?? this.nextId(),
        application_id: this.applicationId,
        type: body.type ?? ApplicationCommandType.ChatInput,
        name: body.name,
        description: body.description ?? '',
        default_member_permissions: body.default_member_permissions ?? null,
        version: String(this.commandVersion),
      };
      if (guildId) command.guild_id = guildId;
      return command;
    });
    this.commands.set(key, commands);
    this.registrations.push({ guildId, commands, at: this.now() });
    this.touch();
    return commands;
  }

  commandsOf(guildId: string | null): APIApplicationCommand[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  /** The command a user would pick by name: the guild's own first, then the global one. */
  commandNamed(name: string): APIApplicationCommand | undefined {
    return (
      this.commandsOf(this.guildId).find((command) => command.name === name) ??
      this.commandsOf(null).find((command) => command.name === name)
    );
  }

  registerInteraction(payload: APIInteraction): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      injectedAt: this.now(),
      answers: [],
    };
    this.interactions.set(record.id, record);
    this.interactionsByToken.set(record.token, record);
    return record;
  }
}

/** Discord's message flag 128: a deferred reply shows "is thinking…" until edited. */
export const LOADING = 1 << 7;

/** The parts of a message body (create or edit) the fake understands. */
export interface MessageBody {
  content?: string | null;
  components?: unknown[] | null;
  embeds?: unknown[] | null;
  flags?: number;
  tts?: boolean;
  nonce?: string | number;
  enforce_nonce?: boolean;
}

export interface CommandBody {
  name: string;
  description?: string;
  type?: ApplicationCommandType;
  default_member_permissions?: string | null;
  [key: string]: unknown;
}
