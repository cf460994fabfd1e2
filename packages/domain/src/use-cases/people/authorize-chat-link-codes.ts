import { z } from 'zod';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { changeAccess } from './update-person.ts';

export const AuthorizeChatLinkCodesInput = z.object({ personId: idOf('person') });

/**
 * Checks that the actor may issue a code linking a chat account to a person: whoever redeems it
 * speaks in the chat as that person. So the same people as may change the person's record: an
 * administrator, a coordinator of a governance where they take part, or the person themselves.
 * A fellow member is refused; anyone else is told the person does not exist.
 */
export async function authorizeChatLinkCodes(ctx: UseCaseContext, input: unknown): Promise<void> {
  const { personId } = validate(AuthorizeChatLinkCodesInput, input);
  await ctx.store.transaction((repos) => changeAccess(ctx, repos, personId));
}
