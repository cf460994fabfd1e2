import { z } from 'zod';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { changeAccess } from '../people/update-person.ts';
import { SignInSecret } from './sign-in-link.ts';

export const SignOutInput = z.object({ session: SignInSecret });

/**
 * Closes one session (signing out of one browser). Anyone holding the secret may: it is the
 * credential. A malformed or unknown secret closes nothing, silently.
 *
 * @example
 * await signOut(ctx, { session: cookieValue });
 */
export async function signOut(ctx: UseCaseContext, input: unknown): Promise<void> {
  const parsed = SignOutInput.safeParse(input);
  if (!parsed.success) return;
  await ctx.store.transaction((repos) => repos.sessions.close(parsed.data.session, ctx.clock()));
}

export const CloseSessionsInput = z.object({ personId: idOf('person') });

/**
 * Closes every open session of a person (a lost phone, a person leaving the coordination) and
 * returns how many were open. Allowed to those who may change the person's record (see
 * `issueSignInLink`).
 *
 * @example
 * const closed = await closeSessions(ctx, { personId: 'per_lrgiraud' }); // 2
 */
export async function closeSessions(ctx: UseCaseContext, input: unknown): Promise<number> {
  const { personId } = validate(CloseSessionsInput, input);
  return ctx.store.transaction(async (repos) => {
    await changeAccess(ctx, repos, personId);
    return repos.sessions.closeAllOf(personId, ctx.clock());
  });
}

/**
 * Deletes the sign-in links used or expired and the sessions closed or expired: they can open
 * nothing, and a table that keeps every sign-in would only grow. The server runs it hourly;
 * nothing needs an actor, since it only removes what no one may use.
 *
 * @example
 * const { links, sessions } = await forgetEndedSignIns(ctx);
 */
export async function forgetEndedSignIns(
  ctx: UseCaseContext,
): Promise<{ links: number; sessions: number }> {
  const at = ctx.clock();
  return ctx.store.transaction(async (repos) => ({
    links: await repos.signInLinks.forgetSpent(at),
    sessions: await repos.sessions.forgetEnded(at),
  }));
}
