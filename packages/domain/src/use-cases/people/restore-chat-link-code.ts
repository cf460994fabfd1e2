import { z } from 'zod';
import type { UseCaseContext } from '../context.ts';
import { ChatLinkCode } from './chat-link-code.ts';

export const RestoreChatLinkCodeInput = z.object({ code: ChatLinkCode });

/**
 * Gives back a code spent by `redeemChatLinkCode` when the link it was for could not be made (the
 * account belongs to someone else): the person may try again with another account. Only who holds
 * the code can name it, so nothing else is checked; a malformed code does nothing.
 */
export async function restoreChatLinkCode(ctx: UseCaseContext, input: unknown): Promise<void> {
  const parsed = RestoreChatLinkCodeInput.safeParse(input);
  if (!parsed.success) return;
  await ctx.store.transaction((repos) => repos.chatLinkCodes.restore(parsed.data.code));
}
