import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  APIInteraction,
  APIMessage,
  GatewayDispatchPayload,
} from 'discord-api-types/v10';
import { GatewayDispatchEvents, PermissionFlagsBits } from 'discord-api-types/v10';
import { Faults } from './faults.ts';
import { Gateway, type GatewayStats } from './gateway.ts';
import {
  type AutocompleteInput,
  type ButtonInput,
  type Injected,
  Injector,
  type ModalInput,
  type SlashCommandInput,
} from './inject.ts';
import { guildCreatePayload } from './payloads.ts';
import { API_PREFIX, createRestHandler } from './rest/server.ts';
import {
  type CommandRegistration,
  type FakeUser,
  type InteractionRecord,
  MEMBER_PERMISSIONS,
  type RecordedRequest,
  World,
} from './world.ts';

export interface FakeDiscordOptions {
  /** 0 (the default) picks a free port: each test gets its own. */
  port?: number;
  /** The fake's clock (message timestamps, nonce window, acknowledgement deadline). */
  now?: () => number;
  /** How long an `enforce_nonce` send is deduplicated ("a few minutes" at Discord). Default 5 min. */
  nonceWindowMs?: number;
  /** How long an interaction may wait for its first callback (Discord: 3 s). */
  ackTimeoutMs?: number;
  /** The heartbeat interval announced in HELLO (Discord: about 41 s). */
  heartbeatIntervalMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

/** The handle a test holds: addresses, the guild and its people, records, injection and faults. */
export interface FakeDiscord {
  /** Give it to discord.js as `rest: { api: restUrl }` (discord.js appends `/v10`). */
  restUrl: string;
  /** What `GET /gateway/bot` answers; the client finds it on its own. */
  gatewayUrl: string;
  /** The bot token the fake accepts (REST `Authorization: Bot …` and IDENTIFY). */
  token: string;
  applicationId: string;
  botUserId: string;
  guild: { id: string; name: string; channels: { community: string; other: string } };
  /** Members of the guild: two members and a coordinator (guild owner, Manage Server). */
  users: { alice: FakeUser; bob: FakeUser; coordinator: FakeUser };
  addUser(username: string, options?: { displayName?: string; permissions?: bigint }): FakeUser;
  /** Client options to spread into `new Client({ intents, ...fake.clientOptions() })`. */
  clientOptions(): { rest: { api: string } };

  faults: Faults;
  /** Removes a channel: any later request about it answers 10003 Unknown Channel. */
  deleteChannel(channelId: string): void;

  gateway: {
    readonly stats: GatewayStats;
    readonly connected: boolean;
    /** Closes the socket with a resumable code (default 4000): the client comes back with RESUME. */
    disconnect(code?: number): void;
    /** Op 9: with `resumable` false (default) the client identifies again. */
    invalidateSession(resumable?: boolean): void;
    /** Op 7: Discord asks the client to reconnect. */
    requestReconnect(): void;
    /** Sends (or keeps for replay, while the client is away) any dispatch. */
    dispatch(t: GatewayDispatchPayload['t'], d: unknown): number;
    /** Resolves on the next RESUME accepted (with the number of replayed dispatches). */
    nextResume(options?: WaitOptions): Promise<number>;
    /** Resolves on the next IDENTIFY accepted. */
    nextIdentify(options?: WaitOptions): Promise<string>;
  };

  /** Messages visible in a channel (no ephemeral, no deleted), oldest first, as they are now. */
  messages(channelId: string): APIMessage[];
  /** Messages the bot sent to a user in direct messages, oldest first. */
  dms(userId: string): APIMessage[];
  /** The current command list: global (no argument) or the guild's. */
  commands(guildId?: string): APIApplicationCommand[];
  registrations: CommandRegistration[];
  interaction(id: string): InteractionRecord | undefined;
  requests: RecordedRequest[];
  /** Requests no route of the fake answers (404 `{ code: 0 }`). */
  unknownRoutes(): RecordedRequest[];

  slashCommand(input: SlashCommandInput): Injected;
  autocomplete(input: AutocompleteInput): Injected;
  pressButton(input: ButtonInput): Injected;
  submitModal(input: ModalInput): Injected;
  /** Dispatches any interaction payload as is. */
  inject(payload: APIInteraction): Injected;
  /** Resolves with the first callback of the interaction (type and data). */
  respondedTo(
    interactionId: string,
    options?: WaitOptions,
  ): Promise<{ type: number; data: unknown }>;
  /** Resolves with `check()`'s first truthy value, re-checked on every change of the fake. */
  until<T>(
    check: () => T | undefined | null | false,
    options?: WaitOptions & { what?: string },
  ): Promise<T>;

  close(): Promise<void>;
}

const COORDINATOR_PERMISSIONS =
  MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageChannels;

/**
 * Starts a fake Discord on loopback: REST under `/api/v10` and the gateway on the same port.
 *
 * @example
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], ...fake.clientOptions() });
 * await client.login(fake.token);
 * const { id } = fake.slashCommand({ user: fake.users.alice, name: 'aide' });
 * await fake.respondedTo(id);
 * await fake.close();
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const now = options.now ?? Date.now;
  const world = new World({ now, nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000 });
  const community = world.addTextChannel('communaute', 0);
  const other = world.addTextChannel('general', 1);
  const coordinator = world.addUser('claire', 'Claire Coordination', COORDINATOR_PERMISSIONS);
  const alice = world.addUser('alice', 'Alice Martin');
  const bob = world.addUser('bob', 'Bob Durand');
  const faults = new Faults();
  const injector = new Injector(world, community);

  let origin = '';
  const gateway = new Gateway({
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    resumeUrl: () => `${origin.replace('http', 'ws')}/gateway/resume`,
    guildCreate: () => guildCreatePayload(world),
  });
  const rest = createRestHandler({
    world,
    faults,
    gatewayUrl: () => `${origin.replace('http', 'ws')}/gateway`,
    ackTimeoutMs: options.ackTimeoutMs ?? 3_000,
  });
  const server = createServer(rest);
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/gateway')) gateway.upgrade(req, socket, head);
    else socket.destroy();
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const until = <T>(
    check: () => T | undefined | null | false,
    wait: WaitOptions & { what?: string } = {},
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      const timeoutMs = wait.timeoutMs ?? 5_000;
      const attempt = () => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`Fake Discord: waited ${timeoutMs} ms for ${wait.what ?? 'a condition'}.`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        world.off('change', attempt);
      };
      world.on('change', attempt);
      attempt();
    });

  const nextGatewayEvent = <T>(event: string, wait: WaitOptions = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const timeoutMs = wait.timeoutMs ?? 15_000;
      const timer = setTimeout(() => {
        gateway.off(event, listener);
        reject(new Error(`Fake Discord: no ${event} within ${timeoutMs} ms.`));
      }, timeoutMs);
      const listener = (value: T) => {
        clearTimeout(timer);
        resolve(value);
      };
      gateway.once(event, listener);
    });

  const inject = (payload: APIInteraction): Injected => {
    world.registerInteraction(payload);
    gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: payload.id, token: payload.token, payload };
  };

  return {
    restUrl: `${origin}/api`,
    gatewayUrl: `${origin.replace('http', 'ws')}/gateway`,
    token: world.token,
    applicationId: world.applicationId,
    botUserId: world.bot.id,
    guild: { id: world.guildId, name: world.guildName, channels: { community, other } },
    users: { alice, bob, coordinator },
    addUser: (username, more = {}) =>
      world.addUser(username, more.displayName ?? username, more.permissions ?? MEMBER_PERMISSIONS),
    clientOptions: () => ({ rest: { api: `${origin}${API_PREFIX.replace('/v10', '')}` } }),
    faults,
    deleteChannel: (channelId) => {
      const channel = world.channels.get(channelId);
      if (!channel) throw new Error(`No channel ${channelId} in the fake.`);
      channel.deleted = true;
      world.touch();
    },
    gateway: {
      get stats() {
        return gateway.stats;
      },
      get connected() {
        return gateway.connected;
      },
      disconnect: (code) => gateway.disconnect(code),
      invalidateSession: (resumable) => gateway.invalidateSession(resumable),
      requestReconnect: () => gateway.requestReconnect(),
      dispatch: (t, d) => gateway.dispatch(t, d),
      nextResume: (wait) => nextGatewayEvent<number>('resumed', wait),
      nextIdentify: (wait) => nextGatewayEvent<string>('identified', wait),
    },
    messages: (channelId) => world.visibleMessages(channelId),
    dms: (userId) => world.visibleMessages(world.dmChannelIdOf(userId)),
    commands: (guildId) => world.commandsOf(guildId ?? null),
    registrations: world.registrations,
    interaction: (id) => world.interactions.get(id),
    requests: world.requests,
    unknownRoutes: () => world.requests.filter((request) => request.route === undefined),
    slashCommand: (input) => inject(injector.slashCommand(input)),
    autocomplete: (input) => inject(injector.autocomplete(input)),
    pressButton: (input) => inject(injector.pressButton(input)),
    submitModal: (input) => inject(injector.submitModal(input)),
    inject,
    respondedTo: (interactionId, wait = {}) =>
      until(() => world.interactions.get(interactionId)?.callback, {
        ...wait,
        what: `a response to interaction ${interactionId}`,
      }),
    until,
    close: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
