import { createHash } from 'node:crypto';
import type { OutgoingMessage } from '../conversation/chat.ts';

/**
 * The port through which the dispatcher posts messages: Discord's REST in production, a console
 * printer without a token, a recorder in tests. The dispatcher knows nothing else of the platform.
 */
export interface ChatSender {
  /** Sends; `nonce` is the delivery id, so a resend after a crash is deduplicated by the platform. */
  sendDirect(
    userId: string,
    message: OutgoingMessage,
    nonce: string,
  ): Promise<{ messageId: string }>;
  sendToChannel(
    channelId: string,
    message: OutgoingMessage,
    nonce: string,
  ): Promise<{ messageId: string }>;
}

/** Why a send failed, as the dispatcher acts on it. */
export type SendErrorReason =
  /** The person does not accept direct messages from the bot (or from server members). */
  | 'dm_refused'
  /** The channel vanished, or the bot lost access to it. */
  | 'unknown_channel'
  /** Too many requests: try again after `retryAfterMs`. */
  | 'rate_limited'
  /** The platform failed (5xx, timeout, network): try again later. */
  | 'server_error'
  /** The platform refused the message itself: sending it again would fail again. */
  | 'invalid';

/** A classified send failure: each adapter maps its platform's errors to one of these reasons. */
export class SendError extends Error {
  override readonly name = 'SendError';

  constructor(
    readonly reason: SendErrorReason,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Discord refuses a message nonce longer than this. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The nonce of a send: the delivery id itself, or — for the other messages a delivery causes (the
 * mention in the channel after a refused direct message, a notice to a coordinator) — a digest of
 * the delivery id and that purpose. Deterministic, so a resend after a crash carries the same
 * nonce; at most 25 characters, as Discord requires (an id longer than that is digested too).
 *
 * @example
 * nonceOf('dlv_3fK9a8b7c6d5e4f3'); // 'dlv_3fK9a8b7c6d5e4f3'
 * nonceOf('dlv_3fK9a8b7c6d5e4f3', 'salon'); // 25 characters of base64url
 */
export function nonceOf(deliveryId: string, purpose?: string): string {
  if (purpose === undefined && deliveryId.length <= MAX_NONCE_LENGTH) return deliveryId;
  const key = purpose === undefined ? deliveryId : `${deliveryId}:${purpose}`;
  return createHash('sha256').update(key).digest('base64url').slice(0, MAX_NONCE_LENGTH);
}
