import { z } from 'zod';
import { ChatPlatform, Person } from '../../people/person.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';

export const LinkChatAccountInput = z.object({
  personId: idOf('person'),
  platform: ChatPlatform,
  userId: z.string().max(40),
});
export type LinkChatAccountInput = z.input<typeof LinkChatAccountInput>;

/**
 * Links a chat account to a person, once the person proved who they are by redeeming a one-time
 * code (`redeemChatLinkCode`): the bot then acts as that person. One account per
 * platform: a new one replaces the old. An account already linked to someone else is refused
 * (they must `/delier` first), linking the same account again changes nothing.
 */
export async function linkChatAccount(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const { personId, platform, userId } = validate(LinkChatAccountInput, input);
  mayManageOwnAccounts(ctx, personId);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.persons, personId, 'Personne');
    if (before.erasedAt) throw new ConflictError('Cette personne a été effacée.');
    const holder = await repos.persons.findByChatAccount(platform, userId);
    if (holder && holder.id !== personId)
      throw new ConflictError('Ce compte est déjà lié à une autre personne.');
    if (holder) return before;
    const chatAccounts = [
      ...before.chatAccounts.filter((a) => a.platform !== platform),
      { platform, userId, linkedAt: ctx.clock() },
    ];
    return saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      { before, changes: { chatAccounts }, action: 'link_chat_account' },
    );
  });
}

/**
 * Only the person themselves (who holds the code or the account) or an administrator links and
 * unlinks accounts: a chat account speaks in the person's name.
 */
export function mayManageOwnAccounts(ctx: UseCaseContext, personId: string): void {
  if (ctx.actor.instanceAdmin || ctx.actor.personId === personId) return;
  throw new NotFoundError('Personne', personId);
}
