import { DiscordAPIError, REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { OutgoingMessage } from '../../conversation/chat.ts';
import { type ChatSender, SendError } from '../../dispatcher/sender.ts';
import { messagePayload } from './interactions.ts';

/**
 * The dispatcher's `ChatSender` over Discord's REST API. A message carries the delivery id as its
 * `nonce` with `enforce_nonce`: if a dispatcher crashed after Discord created the message but
 * before recording it, the resend within Discord's nonce window returns the same message instead
 * of posting a second one. Rate limits are waited out by the REST client (it reads
 * `retry_after`); server errors are retried by it a few times, then reported.
 */
export function discordSender({
  token,
  apiUrl,
  globalRequestsPerSecond,
}: {
  token: string;
  apiUrl?: string | undefined;
  /**
   * For tests and benchmarks only (against the fake Discord): Discord's real global limit is
   * 50 requests/s, discord.js's default, which a real bot must keep.
   */
  globalRequestsPerSecond?: number | undefined;
}): ChatSender {
  const rest = new REST({
    ...(apiUrl ? { api: apiUrl } : {}),
    ...(globalRequestsPerSecond ? { globalRequestsPerSecond } : {}),
  }).setToken(token);
  const dmChannels = new Map<string, string>();

  async function post(channelId: string, message: OutgoingMessage, nonce: string) {
    const created = (await rest.post(Routes.channelMessages(channelId), {
      body: { ...messagePayload(message), nonce, enforce_nonce: true },
    })) as { id: string };
    return { messageId: created.id };
  }

  return {
    async sendDirect(userId, message, nonce) {
      return classified(async () => {
        let channelId = dmChannels.get(userId);
        if (!channelId) {
          const channel = (await rest.post(Routes.userChannels(), {
            body: { recipient_id: userId },
          })) as { id: string };
          channelId = channel.id;
          dmChannels.set(userId, channelId);
        }
        return post(channelId, message, nonce);
      });
    },
    async sendToChannel(channelId, message, nonce) {
      return classified(() => post(channelId, message, nonce));
    },
  };
}

/** Discord's refusals, as the dispatcher's reasons. */
async function classified<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      if (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
        throw new SendError('dm_refused', error.message);
      }
      if (
        error.code === RESTJSONErrorCodes.UnknownChannel ||
        error.code === RESTJSONErrorCodes.MissingAccess ||
        error.code === RESTJSONErrorCodes.MissingPermissions
      ) {
        throw new SendError('unknown_channel', error.message);
      }
      if (error.status === 429) throw new SendError('rate_limited', error.message);
      if (error.status >= 500) throw new SendError('server_error', error.message);
      throw new SendError('invalid', error.message);
    }
    // No answer at all (network, timeout): worth another try later.
    throw new SendError('server_error', error instanceof Error ? error.message : String(error));
  }
}
