import {
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import {
  alreadyAcknowledged,
  invalidFormBody,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from '../errors.ts';
import { type InteractionRecord, LOADING, type StoredMessage, type World } from '../world.ts';
import { type Answer, type Context, noContent, ok, type Route, route } from './route.ts';
import { validateMessage, validateModal } from './validate.ts';

/** Which callback types each interaction type accepts (Discord answers 400 otherwise). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

/** Types 6 and 7 act on the message of a component: a modal opened by a command has none. */
const needsMessage = (type: number) =>
  type === InteractionResponseType.DeferredMessageUpdate ||
  type === InteractionResponseType.UpdateMessage;

const MAX_CHOICES = 25;

/**
 * The routes of interactions, authenticated by the interaction's token: the one callback, then
 * follow-ups and edits through the application's webhook.
 */
export function interactionRoutes(world: World, ackTimeoutMs: number): Route[] {
  const interactionOf = (ctx: Context): InteractionRecord => {
    const record = world.interactions.get(ctx.params.interactionId ?? '');
    if (record === undefined || record.token !== ctx.params.token) throw unknownInteraction();
    // Discord forgets an interaction that was not acknowledged in time.
    if (world.now() - record.injectedAt > ackTimeoutMs) throw unknownInteraction();
    if (record.callback) throw alreadyAcknowledged();
    return record;
  };

  // The webhook of an interaction exists once the interaction is acknowledged.
  const webhookOf = (ctx: Context): InteractionRecord => {
    if (ctx.params.applicationId !== world.applicationId) throw unknownWebhook();
    const record = world.interactionsByToken.get(ctx.params.token ?? '');
    if (!record?.callback) throw unknownWebhook();
    return record;
  };

  const webhookMessage = (ctx: Context, record: InteractionRecord): StoredMessage => {
    const messageId = ctx.params.messageId ?? '';
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const stored = id ? world.findMessage(id) : undefined;
    if (!stored) throw unknownMessage();
    return stored;
  };

  const channelIdOf = (record: InteractionRecord) => record.payload.channel?.id ?? '';

  function callback(
    record: InteractionRecord,
    type: number,
    data: unknown,
  ): APIMessage | undefined {
    const flags = (data as { flags?: number } | undefined)?.flags ?? 0;
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    const reply = { ephemeral, interaction: record };
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const message = world.postMessage(channelIdOf(record), validateMessage(data, true), reply);
        record.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        // The user sees "is thinking…" until the bot edits or follows up.
        const placeholder = { content: '', flags: flags | LOADING };
        const message = world.postMessage(channelIdOf(record), placeholder, reply);
        record.originalMessageId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const target = 'message' in record.payload ? record.payload.message?.id : undefined;
        const stored = target ? world.findMessage(target) : undefined;
        if (!stored) throw unknownMessage();
        if (type === InteractionResponseType.UpdateMessage) {
          world.editMessage(stored, validateMessage(data, false));
        }
        record.originalMessageId = stored.message.id;
        return stored.message;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const choices = (data as { choices?: unknown[] } | undefined)?.choices ?? [];
        if (choices.length > MAX_CHOICES) {
          throw invalidFormBody(
            'data.choices',
            'BASE_TYPE_MAX_LENGTH',
            'Must be 25 or fewer in length.',
          );
        }
        return undefined;
      }
      default: {
        record.modal = validateModal(data);
        return undefined;
      }
    }
  }

  return [
    route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (ctx) => {
        const record = interactionOf(ctx);
        const { type, data } = (ctx.body ?? {}) as { type?: number; data?: unknown };
        const allowed = ALLOWED_CALLBACKS[record.payload.type] ?? [];
        const hasMessage = 'message' in record.payload && record.payload.message !== undefined;
        if (type === undefined || !allowed.includes(type) || (needsMessage(type) && !hasMessage)) {
          throw invalidFormBody(
            'type',
            'INTERACTION_CALLBACK_TYPE_INVALID',
            'Interaction callback type is invalid for this interaction.',
          );
        }
        const message = callback(record, type, data);
        record.callback = { type, data, at: world.now() };
        record.answers.push({ kind: 'callback', type, data, at: world.now() });
        world.touch();
        return ctx.query.get('with_response') === 'true'
          ? callbackResponse(record, type, message)
          : noContent;
      },
      false,
    ),
    route(
      'POST',
      '/webhooks/:applicationId/:token',
      (ctx) => {
        const record = webhookOf(ctx);
        const body = validateMessage(ctx.body, true);
        const original = record.originalMessageId
          ? world.findMessage(record.originalMessageId)
          : undefined;
        const thinking =
          record.callback?.type === InteractionResponseType.DeferredChannelMessageWithSource &&
          original !== undefined &&
          ((original.message.flags ?? 0) & LOADING) !== 0;
        // Discord turns the first follow-up of a deferred reply into that reply.
        const message = thinking
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
      (ctx) => ok(webhookMessage(ctx, webhookOf(ctx)).message),
      false,
    ),
    route(
      'PATCH',
      '/webhooks/:applicationId/:token/messages/:messageId',
      (ctx) => {
        const record = webhookOf(ctx);
        const message = world.editMessage(
          webhookMessage(ctx, record),
          validateMessage(ctx.body, false),
        );
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
        webhookMessage(ctx, webhookOf(ctx)).deleted = true;
        world.touch();
        return noContent;
      },
      false,
    ),
  ];
}

/** The body of `?with_response=true`: what discord.js turns into an InteractionCallbackResponse. */
function callbackResponse(
  record: InteractionRecord,
  type: number,
  message: APIMessage | undefined,
): Answer {
  const flags = message?.flags ?? 0;
  return ok({
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (flags & LOADING) !== 0,
            response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: message ? { type, message } : { type },
  });
}
