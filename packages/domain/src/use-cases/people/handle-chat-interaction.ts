import { z } from 'zod';
import { singleLine } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { sameTransaction } from '../helpers.ts';
import type { Store } from '../ports.ts';

export const HandleChatInteractionInput = z.object({
  /** The platform's id of the interaction (a Discord snowflake). */
  interactionId: singleLine(100),
});

export type ChatInteractionOutcome<T> =
  | { replayed: false; reply: T }
  /** The reply given the first time, as it was stored (JSON). */
  | { replayed: true; reply: unknown };

/**
 * Handles a chat interaction (a command, a button, a form) once, whatever the platform delivers
 * twice (a replayed gateway event, a retrying proxy): `handle` runs against a store whose every
 * transaction is this one, so the interaction's id, everything it wrote and the reply it gave
 * commit together or not at all. A replay writes nothing and gets the first reply back; of two
 * copies handled at the same moment, the second waits for the first. A handling that fails
 * leaves no trace, so a copy of it is handled afresh.
 *
 * @example
 * const outcome = await handleChatInteraction(ctx, { interactionId }, (store) => converse(store));
 * const reply = outcome.replayed ? (outcome.reply as Reply) : outcome.reply;
 */
export async function handleChatInteraction<T>(
  ctx: Pick<UseCaseContext, 'store' | 'clock'>,
  input: unknown,
  handle: (store: Store) => Promise<T>,
): Promise<ChatInteractionOutcome<T>> {
  const { interactionId } = validate(HandleChatInteractionInput, input);
  return ctx.store.transaction(async (repos) => {
    const first = await repos.chatInteractions.claim(interactionId, ctx.clock());
    if (!first) {
      const stored = await repos.chatInteractions.replyTo(interactionId);
      return { replayed: true, reply: stored === undefined ? undefined : JSON.parse(stored) };
    }
    const reply = await handle(sameTransaction(repos));
    await repos.chatInteractions.saveReply(interactionId, JSON.stringify(reply));
    return { replayed: false, reply };
  });
}
