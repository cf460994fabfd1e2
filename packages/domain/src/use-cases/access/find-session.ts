import { z } from 'zod';
import { displayNameOf } from '../../people/person.ts';
import type { UseCaseContext } from '../context.ts';
import { SignInSecret } from './sign-in-link.ts';

export const FindSessionInput = z.object({ session: SignInSecret });

/**
 * The person behind a session's secret (their id and name), or `undefined` for a malformed, unknown, expired or
 * closed session, or a person erased since. Anyone may ask: the secret is the credential.
 *
 * @example
 * const found = await findSession(ctx, { session: cookieValue });
 * const actor = found ? { personId: found.personId, instanceAdmin: false } : ANONYMOUS;
 */
export async function findSession(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ personId: string; name: string } | undefined> {
  const parsed = FindSessionInput.safeParse(input);
  if (!parsed.success) return undefined;
  return ctx.store.transaction(async (repos) => {
    const session = await repos.sessions.find(parsed.data.session, ctx.clock());
    if (!session) return undefined;
    const person = await repos.persons.get(session.personId);
    // With the name pages show: one read for what every page needs of its reader.
    return person && !person.erasedAt
      ? { personId: person.id, name: displayNameOf(person) }
      : undefined;
  });
}
