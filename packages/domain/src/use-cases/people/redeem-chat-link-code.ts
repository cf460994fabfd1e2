import { z } from 'zod';
import type { UseCaseContext } from '../context.ts';
import { ChatLinkCode } from './chat-link-code.ts';

export const RedeemChatLinkCodeInput = z.object({ code: ChatLinkCode });

/**
 * Spends a code and returns the person it was issued for, or `undefined` for a malformed, unknown,
 * expired or already spent code (the chat says the same for each: no oracle). Anyone may try: the
 * code is the credential. Of two simultaneous redemptions, one wins. For a chat that keeps who is
 * who in memory (the console); a stored chat account is linked by `linkChatAccountWithCode`.
 *
 * @example
 * const redeemed = await redeemChatLinkCode(ctx, { code: 'abcd efgh' });
 * if (!redeemed) return 'Code inconnu ou expiré.';
 */
export async function redeemChatLinkCode(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ personId: string } | undefined> {
  const parsed = RedeemChatLinkCodeInput.safeParse(input);
  if (!parsed.success) return undefined;
  return ctx.store.transaction((repos) =>
    repos.chatLinkCodes.redeem(parsed.data.code, ctx.clock()),
  );
}
