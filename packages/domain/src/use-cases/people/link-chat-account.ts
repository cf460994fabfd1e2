import { z } from 'zod';
import { ChatPlatform, Person } from '../../people/person.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { ChatLinkCode } from './chat-link-code.ts';

export const LinkChatAccountInput = z.object({
  personId: idOf('person'),
  platform: ChatPlatform,
  userId: z.string().max(40),
});
export type LinkChatAccountInput = z.input<typeof LinkChatAccountInput>;

/**
 * Links a chat account to a person, acting as that person or an administrator: the bot then acts
 * as that person. One account per platform: a new one replaces the old. An account already
 * linked to someone else is refused (they must `/delier` first), linking the same account again
 * changes nothing. From the chat, where nobody is known yet, see `linkChatAccountWithCode`.
 */
export async function linkChatAccount(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const account = validate(LinkChatAccountInput, input);
  mayManageOwnAccounts(ctx, account.personId);
  return ctx.store.transaction((repos) => linkWithin(ctx, repos, account));
}

export const LinkChatAccountWithCodeInput = LinkChatAccountInput.omit({ personId: true }).extend({
  code: z.string().max(40),
});

/**
 * Links a chat account to the person a one-time code was issued for (`issueChatLinkCode`), in one
 * transaction: the code is spent only if the link is made, so a person whose account is taken by
 * someone else may use the same code from another account. Anyone may try: the code is the
 * credential. `undefined` for a malformed, unknown, expired or spent code (the same answer for
 * each: no oracle).
 *
 * @example
 * const linked = await linkChatAccountWithCode(ctx, { code: 'abcd efgh', platform: 'discord', userId });
 * if (!linked) return 'Code inconnu ou expiré.';
 */
export async function linkChatAccountWithCode(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Person | undefined> {
  const { code, platform, userId } = validate(LinkChatAccountWithCodeInput, input);
  const typed = ChatLinkCode.safeParse(code);
  if (!typed.success) return undefined;
  return ctx.store.transaction(async (repos) => {
    const redeemed = await repos.chatLinkCodes.redeem(typed.data, ctx.clock());
    if (!redeemed) return undefined;
    // From here the code has proved who is speaking: the change is recorded as theirs.
    const asPerson = { ...ctx, actor: { ...ctx.actor, personId: redeemed.personId } };
    return linkWithin(asPerson, repos, { personId: redeemed.personId, platform, userId });
  });
}

async function linkWithin(
  ctx: UseCaseContext,
  repos: Repositories,
  { personId, platform, userId }: z.output<typeof LinkChatAccountInput>,
): Promise<Person> {
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
}

/**
 * Only the person themselves (who holds the code or the account) or an administrator links and
 * unlinks accounts: a chat account speaks in the person's name.
 */
export function mayManageOwnAccounts(ctx: UseCaseContext, personId: string): void {
  if (ctx.actor.instanceAdmin || ctx.actor.personId === personId) return;
  throw new NotFoundError('Personne', personId);
}
