import { z } from 'zod';
import type { UseCaseContext } from '../context.ts';
import { SESSION_TTL_MS, SignInSecret } from './sign-in-link.ts';

export const SignInInput = z.object({ link: SignInSecret });

/**
 * Spends a sign-in link and opens a new session for its person; returns the session's secret (for
 * the cookie: a new one at each sign-in) and until when it lives. `undefined` for a malformed,
 * unknown, expired or already spent link, or a person erased since: the page says the same for
 * each (no oracle). Anyone may try: the link is the credential. Of two simultaneous uses, one
 * wins.
 *
 * @example
 * const session = await signIn(ctx, { link: secretFromThePath });
 * if (!session) return pageLienInvalide();
 */
export async function signIn(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ session: string; personId: string; expiresAt: string } | undefined> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return undefined;
  return ctx.store.transaction(async (repos) => {
    const now = ctx.clock();
    const redeemed = await repos.signInLinks.redeem(parsed.data.link, now);
    if (!redeemed) return undefined;
    const person = await repos.persons.get(redeemed.personId);
    if (!person || person.erasedAt) return undefined;
    const expiresAt = new Date(Date.parse(now) + SESSION_TTL_MS).toISOString();
    const session = await repos.sessions.open({
      personId: person.id,
      createdAt: now,
      expiresAt,
    });
    return { session, personId: person.id, expiresAt };
  });
}
