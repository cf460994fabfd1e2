import { z } from 'zod';
import { ChatBinding, Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { saveChange } from '../helpers.ts';

export const BindChatInput = z.object({
  governanceId: idOf('governance'),
  expectedVersion: z.number().int().min(1).optional(),
  guildId: ChatBinding.shape.guildId,
  channelId: ChatBinding.shape.channelId,
});
export type BindChatInput = z.input<typeof BindChatInput>;

/**
 * Binds a governance to a chat server and its community channel (« /configurer »): the digest and
 * the mentions go there. Binding again moves it, and re-enables a binding disabled after the
 * channel vanished. Coordinators only.
 */
export async function bindChat(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const { governanceId, expectedVersion, guildId, channelId } = validate(BindChatInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await authorize(ctx, repos, 'governance.manage', governanceId);
    const chat: ChatBinding = { platform: 'discord', guildId, channelId, boundAt: ctx.clock() };
    return saveChange(
      ctx,
      repos,
      { schema: Governance, entity: 'governance', repo: repos.governances },
      { before, expectedVersion, changes: { chat }, action: 'bind_chat' },
    );
  });
}
