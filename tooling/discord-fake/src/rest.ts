import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type APIGatewayBotInfo,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import {
  alreadyAcknowledged,
  cannotSendToUser,
  DiscordError,
  emptyMessage,
  invalidFormBody,
  notFoundRoute,
  unauthorized,
  unknownApplication,
  unknownChannel,
  unknownInteraction,
  unknownMessage,
  unknownUser,
  unknownWebhook,
} from './errors.ts';
import type { Faults } from './faults.ts';
import { applicationPayload, guildPayload } from './payloads.ts';
import {
  type CommandBody,
  type InteractionRecord,
  LOADING,
  type MessageBody,
  type StoredMessage,
  type World,
} from './world.ts';

export const API_PREFIX = '/api/v10';

export interface RestOptions {
  world: World;
  faults: Faults;
  gatewayUrl: () => string;
  /** Discord forgets an interaction not acknowledged within 3 s (then answers 10062). */
  ackTimeoutMs: number;
}

interface Context {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body?: unknown };
type Handler = (ctx: Context) => Answer;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  /** Interaction callbacks and webhooks are authenticated by their token, not the bot's. */
  auth: boolean;
  handler: Handler;
}

function route(method: string, pattern: string, handler: Handler, auth = true): Route {
  const keys: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, pattern, regex: new RegExp(`^${source}$`), keys, auth, handler };
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const noContent: Answer = { status: 204 };

/** Discord's limits on names: lower case letters, digits, `-` and `_`, 1 to 32 characters. */
const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const NONCE_MAX = 25;
const CONTENT_MAX = 2000;

/**
 * The REST half of the fake: Discord's routes the bot uses, under `/api/v10`, with Discord's
 * error bodies, the faults a test armed, and a record of every request.
 */
export function createRestHandler(options: RestOptions) {
  const { world, faults } = options;

  const interactionOf = (ctx: Context): InteractionRecord => {
    const record = world.interactions.get(ctx.params.interactionId ?? '');
    if (!record || record.token !== ctx.params.token) throw unknownInteraction();
    return record;
  };

  const webhookInteraction = (ctx: Context): InteractionRecord => {
    if (ctx.params.applicationId !== world.applicationId) throw unknownWebhook();
    const record = world.interactionsByToken.get(ctx.params.token ?? '');
    if (!record?.callback) throw unknownWebhook();
    return record;
  };

  const webhookMessage = (record: InteractionRecord, messageId: string): StoredMessage => {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const stored = id ? world.findMessage(id) : undefined;
    if (!stored) throw unknownMessage();
    return stored;
  };

  const channelOf = (ctx: Context) => {
    const channel = world.channel(ctx.params.channelId ?? '');
    if (!channel) throw unknownChannel();
    return channel;
  };

  const channelMessage = (ctx: Context): StoredMessage => {
    const channel = channelOf(ctx);
    const stored = world.findMessage(ctx.params.messageId ?? '');
    if (!stored || stored.message.channel_id !== channel.api.id) throw unknownMessage();
    return stored;
  };

  const commandsFor = (scope: 'global' | 'guild'): Route[] => {
    const guildId = scope === 'global' ? null : world.guildId;
    const base =
      guildId === null
        ? '/applications/:applicationId/commands'
        : '/applications/:applicationId/guilds/:guildId/commands';
    const check = (ctx: Context) => {
      if (ctx.params.applicationId !== world.applicationId) throw unknownApplication();
      if (guildId !== null && ctx.params.guildId !== world.guildId) {
        throw new DiscordError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
      }
      return guildId === null ? null : world.guildId;
    };
    return [
      route('GET', base, (ctx) => ok(world.commandsOf(check(ctx)))),
      route('PUT', base, (ctx) => {
        const target = check(ctx);
        if (!Array.isArray(ctx.body))
          throw invalidFormBody('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
        (ctx.body as CommandBody[]).forEach(validateCommand);
        return ok(world.overwriteCommands(target, ctx.body as CommandBody[]));
      }),
    ];
  };

  const routes: Route[] = [
    route('GET', '/gateway', () => ok({ url: options.gatewayUrl() }), false),
    route('GET', '/gateway/bot', () =>
      ok({
        url: options.gatewayUrl(),
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: 1,
        },
      } satisfies APIGatewayBotInfo),
    ),
    route('GET', '/applications/@me', () => ok(applicationPayload(world))),
    route('GET', '/oauth2/applications/@me', () => ok(applicationPayload(world))),
    route('GET', '/users/@me', () => ok(world.bot)),
    route('GET', '/users/:userId', (ctx) => {
      const user = world.users.get(ctx.params.userId ?? '');
      if (ctx.params.userId === world.bot.id) return ok(world.bot);
      if (!user) throw unknownUser();
      return ok(world.apiUser(user));
    }),
    route('POST', '/users/@me/channels', (ctx) => {
      const recipient = (ctx.body as { recipient_id?: unknown } | null)?.recipient_id;
      const user = typeof recipient === 'string' ? world.users.get(recipient) : undefined;
      if (!user) {
        throw new DiscordError(400, RESTJSONErrorCodes.InvalidRecipients, 'Invalid Recipient(s)');
      }
      return ok(world.dmChannel(user));
    }),
    route('GET', '/guilds/:guildId', (ctx) => {
      if (ctx.params.guildId !== world.guildId)
        throw new DiscordError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
      return ok(guildPayload(world));
    }),
    route('GET', '/guilds/:guildId/channels', (ctx) => {
      if (ctx.params.guildId !== world.guildId)
        throw new DiscordError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
      return ok(world.textChannels());
    }),
    route('GET', '/guilds/:guildId/members/:userId', (ctx) => {
      const user = world.users.get(ctx.params.userId ?? '');
      if (ctx.params.guildId !== world.guildId)
        throw new DiscordError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
      if (!user) throw new DiscordError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
      return ok(world.apiMember(user));
    }),
    ...commandsFor('global'),
    ...commandsFor('guild'),
    route('GET', '/channels/:channelId', (ctx) => ok(channelOf(ctx).api)),
    route('GET', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      const limit = Math.min(Number(ctx.query.get('limit') ?? 50) || 50, 100);
      const visible = (world.messages.get(channel.api.id) ?? []).filter(
        (s) => !s.deleted && !s.ephemeral,
      );
      return ok(
        visible
          .map((s) => s.message)
          .reverse()
          .slice(0, limit),
      );
    }),
    route('POST', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      if (channel.kind === 'dm' && faults.refusingDms.has(channel.recipientId))
        throw cannotSendToUser();
      const body = validateMessage(ctx.body, true);
      if (body.nonce !== undefined && body.enforce_nonce) {
        const earlier = world.messageForNonce(body.nonce);
        if (earlier) return ok(earlier);
      }
      const message = world.postMessage(
        channel.api.id,
        body,
        body.nonce === undefined ? {} : { nonce: body.nonce },
      );
      if (body.nonce !== undefined) world.rememberNonce(body.nonce, message);
      return ok(message);
    }),
    route('GET', '/channels/:channelId/messages/:messageId', (ctx) =>
      ok(channelMessage(ctx).message),
    ),
    route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) => {
      const stored = channelMessage(ctx);
      return ok(world.editMessage(stored, validateMessage(ctx.body, false)));
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => {
      channelMessage(ctx).deleted = true;
      world.touch();
      return noContent;
    }),
    route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (ctx) => {
        const record = interactionOf(ctx);
        if (world.now() - record.injectedAt > options.ackTimeoutMs) throw unknownInteraction();
        if (record.callback) throw alreadyAcknowledged();
        const { type, data } = (ctx.body ?? {}) as { type?: number; data?: unknown };
        return answerInteraction(record, type, data, ctx.query.get('with_response') === 'true');
      },
      false,
    ),
    route(
      'POST',
      '/webhooks/:applicationId/:token',
      (ctx) => {
        const record = webhookInteraction(ctx);
        const body = validateMessage(ctx.body, true);
        const deferred =
          record.callback?.type === InteractionResponseType.DeferredChannelMessageWithSource;
        const original = record.originalMessageId
          ? world.findMessage(record.originalMessageId)
          : undefined;
        // Discord turns the first follow-up of a deferred reply into that reply.
        const message =
          deferred && original && ((original.message.flags ?? 0) & LOADING) !== 0
            ? world.editMessage(original, body)
            : world.postMessage(channelIdOf(record), body, {
                ephemeral: ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
                interaction: record,
              });
        record.answers.push({ kind: 'followUp', message, at: world.now() });
        world.touch();
        return ctx.query.get('wait') === 'true' ? ok(message) : noContent;
      },
      false,
    ),
    route(
      'GET',
      '/webhooks/:applicationId/:token/messages/:messageId',
      (ctx) => ok(webhookMessage(webhookInteraction(ctx), ctx.params.messageId ?? '').message),
      false,
    ),
    route(
      'PATCH',
      '/webhooks/:applicationId/:token/messages/:messageId',
      (ctx) => {
        const record = webhookInteraction(ctx);
        const stored = webhookMessage(record, ctx.params.messageId ?? '');
        const message = world.editMessage(stored, validateMessage(ctx.body, false));
        record.answers.push({ kind: 'edit', messageId: message.id, message, at: world.now() });
        world.touch();
        return ok(message);
      },
      false,
    ),
    route(
      'DELETE',
      '/webhooks/:applicationId/:token/messages/:messageId',
      (ctx) => {
        webhookMessage(webhookInteraction(ctx), ctx.params.messageId ?? '').deleted = true;
        world.touch();
        return noContent;
      },
      false,
    ),
  ];

  function channelIdOf(record: InteractionRecord): string {
    return record.payload.channel?.id ?? '';
  }

  function answerInteraction(
    record: InteractionRecord,
    type: number | undefined,
    data: unknown,
    withResponse: boolean,
  ): Answer {
    const allowed = ALLOWED_CALLBACKS[record.payload.type] ?? [];
    const hasMessage = 'message' in record.payload && record.payload.message !== undefined;
    if (type === undefined || !allowed.includes(type) || (isComponentOnly(type) && !hasMessage)) {
      throw invalidFormBody(
        'type',
        'INTERACTION_CALLBACK_TYPE_INVALID',
        'Interaction callback type is invalid for this interaction.',
      );
    }
    const channelId = channelIdOf(record);
    const flags = ((data as { flags?: number } | undefined)?.flags ?? 0) as number;
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        message = world.postMessage(channelId, validateMessage(data, true), {
          ephemeral,
          interaction: record,
        });
        record.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        message = world.postMessage(
          channelId,
          { content: '', flags: flags | LOADING },
          { ephemeral, interaction: record },
        );
        record.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const target = 'message' in record.payload ? record.payload.message?.id : undefined;
        const stored = target ? world.findMessage(target) : undefined;
        if (!stored) throw unknownMessage();
        if (type === InteractionResponseType.UpdateMessage)
          world.editMessage(stored, validateMessage(data, false));
        message = stored.message;
        record.originalMessageId = stored.message.id;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const choices = (data as { choices?: unknown[] } | undefined)?.choices ?? [];
        if (choices.length > 25)
          throw invalidFormBody(
            'data.choices',
            'BASE_TYPE_MAX_LENGTH',
            'Must be 25 or fewer in length.',
          );
        break;
      }
      case InteractionResponseType.Modal: {
        record.modal = validateModal(data);
        break;
      }
    }
    record.callback = { type, data, at: world.now() };
    record.answers.push({ kind: 'callback', type, data, at: world.now() });
    world.touch();
    if (!withResponse) return noContent;
    return ok({
      interaction: {
        id: record.id,
        type: record.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
              response_message_ephemeral: ephemeral,
            }
          : {}),
      },
      resource: message ? { type, message } : { type },
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : null;
    let matched: Route | undefined;
    let answer: Answer;
    let headers: Record<string, string> = {};
    let body: unknown = null;
    try {
      body = await readBody(req);
      if (path === null) throw notFoundRoute();
      let params: Record<string, string> = {};
      for (const candidate of routes) {
        const found = candidate.method === method ? candidate.regex.exec(path) : null;
        if (found) {
          matched = candidate;
          params = Object.fromEntries(
            candidate.keys.map((key, i) => [key, decodeURIComponent(found[i + 1] ?? '')]),
          );
          break;
        }
      }
      const delay = faults.delayFor(method, path);
      if (delay > 0) await sleep(delay);
      const limited = faults.takeRateLimit(method, path);
      const failing = limited ? undefined : faults.takeServerError(method, path);
      if (limited) {
        headers = rateLimitHeaders(
          limited.retryAfter,
          Boolean(limited.global),
          `${method} ${matched?.pattern ?? path}`,
        );
        answer = {
          status: 429,
          body: {
            message: 'You are being rate limited.',
            retry_after: limited.retryAfter,
            global: Boolean(limited.global),
          },
        };
      } else if (failing) {
        const status = failing.status ?? 500;
        answer = { status, body: { message: `${status}: Internal Server Error`, code: 0 } };
      } else if (!matched) {
        throw notFoundRoute();
      } else {
        if (matched.auth && req.headers.authorization !== `Bot ${world.token}`)
          throw unauthorized();
        answer = matched.handler({ method, path, query: url.searchParams, params, body });
      }
    } catch (error) {
      if (!(error instanceof DiscordError)) throw error;
      answer = { status: error.status, body: error.body() };
    }
    world.requests.push({
      method,
      path: path ?? url.pathname,
      ...(matched ? { route: `${matched.method} ${matched.pattern}` } : {}),
      query: url.search,
      status: answer.status,
      body,
      at: world.now(),
    });
    world.touch();
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers).end();
    } else {
      res
        .writeHead(answer.status, { ...headers, 'content-type': 'application/json' })
        .end(JSON.stringify(answer.body));
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: String(error), code: 0 }));
    });
  };
}

/** Which callback types each interaction type accepts (Discord answers 400 otherwise). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

const isComponentOnly = (type: number) =>
  type === InteractionResponseType.DeferredMessageUpdate ||
  type === InteractionResponseType.UpdateMessage;

/**
 * The headers of a 429 as Discord sends them. `Retry-After` is what discord.js waits on; Discord
 * rounds it up to whole seconds, the fake keeps fractions so that tests stay fast.
 */
function rateLimitHeaders(
  retryAfter: number,
  global: boolean,
  bucket: string,
): Record<string, string> {
  if (global) {
    return {
      'retry-after': String(retryAfter),
      'x-ratelimit-global': 'true',
      'x-ratelimit-scope': 'global',
    };
  }
  return {
    'retry-after': String(retryAfter),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
    'x-ratelimit-reset-after': String(retryAfter),
    'x-ratelimit-bucket': Buffer.from(bucket).toString('hex').slice(0, 32),
    'x-ratelimit-scope': 'user',
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return null;
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  try {
    if (type.startsWith('multipart/form-data')) {
      // Attachments are not stored: only the JSON part of the message counts.
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const json = form.get('payload_json');
      return typeof json === 'string' ? JSON.parse(json) : null;
    }
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DiscordError(
      400,
      RESTJSONErrorCodes.RequestBodyContainsInvalidJSON,
      'The request body contains invalid JSON.',
    );
  }
}

function validateMessage(body: unknown, creating: boolean): MessageBody {
  const message = (body ?? {}) as MessageBody & APIInteractionResponseCallbackData;
  if (typeof message.content === 'string' && message.content.length > CONTENT_MAX) {
    throw invalidFormBody(
      'content',
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${CONTENT_MAX} or fewer in length.`,
    );
  }
  if (typeof message.nonce === 'string' && message.nonce.length > NONCE_MAX) {
    throw invalidFormBody(
      'nonce',
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${NONCE_MAX} or fewer in length.`,
    );
  }
  const empty = !message.content && !message.embeds?.length && !message.components?.length;
  if (creating && empty) throw emptyMessage();
  return message;
}

function validateModal(data: unknown): APIModalInteractionResponseCallbackData {
  const modal = (data ?? {}) as Partial<APIModalInteractionResponseCallbackData>;
  if (
    !modal.custom_id ||
    !modal.title ||
    !Array.isArray(modal.components) ||
    modal.components.length === 0
  ) {
    throw invalidFormBody(
      'data',
      'MODAL_INVALID',
      'A modal needs a custom_id, a title and 1 to 5 components.',
    );
  }
  if (modal.components.length > 5)
    throw invalidFormBody(
      'data.components',
      'BASE_TYPE_MAX_LENGTH',
      'Must be 5 or fewer in length.',
    );
  return modal as APIModalInteractionResponseCallbackData;
}

function validateCommand(command: CommandBody, index: number): void {
  if (typeof command.name !== 'string' || !COMMAND_NAME.test(command.name)) {
    throw invalidFormBody(
      `${index}.name`,
      'APPLICATION_COMMAND_INVALID_NAME',
      'Command name is invalid',
    );
  }
  const description = command.description ?? '';
  if (description.length < 1 || description.length > 100) {
    throw invalidFormBody(
      `${index}.description`,
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
    );
  }
  const options = (command.options ?? []) as CommandBody[];
  if (options.length > 25)
    throw invalidFormBody(
      `${index}.options`,
      'BASE_TYPE_MAX_LENGTH',
      'Must be 25 or fewer in length.',
    );
  options.forEach((option, i) => {
    if (!COMMAND_NAME.test(option.name ?? '')) {
      throw invalidFormBody(
        `${index}.options.${i}.name`,
        'APPLICATION_COMMAND_INVALID_NAME',
        'Command name is invalid',
      );
    }
  });
}
