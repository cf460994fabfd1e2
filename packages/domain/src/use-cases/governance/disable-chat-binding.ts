import { z } from 'zod';
import { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { saveChange } from '../helpers.ts';

export const DisableChatBindingInput = z.object({
  governanceId: idOf('governance'),
  /** The channel found unknown: a binding moved to another channel meanwhile stays as it is. */
  channelId: z.string().regex(/^\d{17,20}$/, 'Identifiant de salon Discord invalide.'),
});

/**
 * Disables the chat binding of a governance whose community channel vanished or became
 * unreachable to the bot (`disabledAt`): the planner stops queuing channel messages until a
 * coordinator binds a channel again. Idempotent, and a no-op when the governance is now bound to
 * another channel — a dispatcher reporting an old failure must not undo a fresh `/configurer`.
 *
 * @returns the governance, changed or not.
 */
export async function disableChatBinding(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const { governanceId, channelId } = validate(DisableChatBindingInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', governanceId);
    const chat = before.chat;
    if (!chat || chat.channelId !== channelId || chat.disabledAt !== undefined) return before;
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      { before, changes: { chat: { ...chat, disabledAt: ctx.clock() } }, action: 'disable_chat' },
    );
  });
}
