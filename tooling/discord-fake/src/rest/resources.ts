import type { APIGatewayBotInfo } from 'discord-api-types/v10';
import {
  cannotSendToUser,
  invalidFormBody,
  invalidRecipients,
  missingAccess,
  unknownApplication,
  unknownChannel,
  unknownGuild,
  unknownMember,
  unknownMessage,
  unknownUser,
} from '../errors.ts';
import type { Faults } from '../faults.ts';
import { applicationPayload, guildPayload } from '../payloads.ts';
import type { CommandBody, StoredMessage, World } from '../world.ts';
import { type Context, noContent, ok, type Route, route } from './route.ts';
import { validateCommand, validateMessage } from './validate.ts';

/**
 * The routes authenticated by the bot's token: gateway discovery, the application, users and
 * direct-message channels, the guild, command registration and channel messages.
 */
export function resourceRoutes(world: World, faults: Faults, gatewayUrl: () => string): Route[] {
  const guildOf = (ctx: Context) => {
    if (ctx.params.guildId !== world.guildId) throw unknownGuild();
  };

  const channelOf = (ctx: Context) => {
    const channel = world.channel(ctx.params.channelId ?? '');
    if (!channel) throw unknownChannel();
    return channel;
  };

  const channelMessage = (ctx: Context): StoredMessage => {
    const channel = channelOf(ctx);
    const stored = world.findMessage(ctx.params.messageId ?? '');
    if (stored?.message.channel_id !== channel.api.id) throw unknownMessage();
    return stored;
  };

  const commands = (scope: 'global' | 'guild'): Route[] => {
    const path =
      scope === 'global'
        ? '/applications/:applicationId/commands'
        : '/applications/:applicationId/guilds/:guildId/commands';
    const target = (ctx: Context) => {
      if (ctx.params.applicationId !== world.applicationId) throw unknownApplication();
      if (scope === 'global') return null;
      // Discord answers 403 for a guild the bot is not in.
      if (ctx.params.guildId !== world.guildId) throw missingAccess();
      return world.guildId;
    };
    return [
      route('GET', path, (ctx) => ok(world.commandsOf(target(ctx)))),
      route('PUT', path, (ctx) => {
        const guildId = target(ctx);
        if (!Array.isArray(ctx.body)) {
          throw invalidFormBody('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
        }
        (ctx.body as CommandBody[]).forEach(validateCommand);
        return ok(world.overwriteCommands(guildId, ctx.body as CommandBody[]));
      }),
    ];
  };

  return [
    route('GET', '/gateway', () => ok({ url: gatewayUrl() }), false),
    route('GET', '/gateway/bot', () =>
      ok({
        url: gatewayUrl(),
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
      if (ctx.params.userId === world.bot.id) return ok(world.bot);
      const user = world.users.get(ctx.params.userId ?? '');
      if (!user) throw unknownUser();
      return ok(world.apiUser(user));
    }),
    route('POST', '/users/@me/channels', (ctx) => {
      const recipient = (ctx.body as { recipient_id?: unknown } | null)?.recipient_id;
      const user = typeof recipient === 'string' ? world.users.get(recipient) : undefined;
      if (!user) throw invalidRecipients();
      return ok(world.dmChannel(user));
    }),
    route('GET', '/guilds/:guildId', (ctx) => {
      guildOf(ctx);
      return ok(guildPayload(world));
    }),
    route('GET', '/guilds/:guildId/channels', (ctx) => {
      guildOf(ctx);
      return ok(world.textChannels());
    }),
    route('GET', '/guilds/:guildId/members/:userId', (ctx) => {
      guildOf(ctx);
      const user = world.users.get(ctx.params.userId ?? '');
      if (!user) throw unknownMember();
      return ok(world.apiMember(user));
    }),
    ...commands('global'),
    ...commands('guild'),
    route('GET', '/channels/:channelId', (ctx) => ok(channelOf(ctx).api)),
    route('GET', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      const limit = Math.min(Number(ctx.query.get('limit') ?? 50) || 50, 100);
      // Discord lists the newest first.
      return ok(world.visibleMessages(channel.api.id).reverse().slice(0, limit));
    }),
    route('POST', '/channels/:channelId/messages', (ctx) => {
      const channel = channelOf(ctx);
      if (channel.kind === 'dm' && faults.refusingDms.has(channel.recipientId)) {
        throw cannotSendToUser();
      }
      const body = validateMessage(ctx.body, true);
      if (body.nonce !== undefined && body.enforce_nonce) {
        const earlier = world.messageForNonce(body.nonce);
        if (earlier) return ok(earlier);
      }
      const nonce = body.nonce === undefined ? {} : { nonce: body.nonce };
      const message = world.postMessage(channel.api.id, body, nonce);
      if (body.nonce !== undefined) world.rememberNonce(body.nonce, message);
      return ok(message);
    }),
    route('GET', '/channels/:channelId/messages/:messageId', (ctx) =>
      ok(channelMessage(ctx).message),
    ),
    route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) =>
      ok(world.editMessage(channelMessage(ctx), validateMessage(ctx.body, false))),
    ),
    route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => {
      channelMessage(ctx).deleted = true;
      world.touch();
      return noContent;
    }),
  ];
}
