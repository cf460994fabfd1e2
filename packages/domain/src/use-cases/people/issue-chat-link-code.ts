import { z } from 'zod';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { CHAT_LINK_CODE_TTL_MS } from './chat-link-code.ts';
import { changeAccess } from './update-person.ts';

export const IssueChatLinkCodeInput = z.object({ personId: idOf('person') });

/**
 * Issues a code linking a chat account to a person, who must exist and not be erased, and returns
 * it: the only time it is seen, written `ABCD-EFGH`. Whoever redeems it speaks in the chat as the
 * person, so the same people as may change the person's record may issue one: an administrator,
 * a coordinator of a governance where they take part, or the person themselves. A fellow member is
 * refused; anyone else is told the person does not exist.
 *
 * @example
 * const { code, expiresAt } = await issueChatLinkCode(ctx, { personId: 'per_lrgiraud' });
 */
export async function issueChatLinkCode(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ code: string; personId: string; expiresAt: string }> {
  const { personId } = validate(IssueChatLinkCodeInput, input);
  return ctx.store.transaction(async (repos) => {
    await changeAccess(ctx, repos, personId);
    const person = await repos.persons.get(personId);
    if (!person || person.erasedAt) throw new NotFoundError('Personne', personId);
    const createdAt = ctx.clock();
    const expiresAt = new Date(Date.parse(createdAt) + CHAT_LINK_CODE_TTL_MS).toISOString();
    const raw = await repos.chatLinkCodes.issue({
      personId,
      ...(ctx.actor.personId !== undefined ? { issuedBy: ctx.actor.personId } : {}),
      createdAt,
      expiresAt,
    });
    return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, personId, expiresAt };
  });
}
