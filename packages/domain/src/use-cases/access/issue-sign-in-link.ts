import { z } from 'zod';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { changeAccess } from '../people/update-person.ts';
import { EMAILED_SIGN_IN_LINK_TTL_MS, SIGN_IN_LINK_TTL_MS } from './sign-in-link.ts';

export const IssueSignInLinkInput = z.object({
  personId: idOf('person'),
  /** Sent to the person's address: it lives three days instead of a quarter of an hour. */
  byEmail: z.boolean().default(false),
});

/**
 * Makes a one-time sign-in link for a person, who must exist and not be erased, and returns its
 * secret: the only time it is seen (the web workspace puts it in a path such as
 * `/connexion/<secret>`). Whoever opens it acts as the person, so the same people as may change
 * the person's record may make one: an administrator, a coordinator of a governance where they
 * take part, or the person themselves. A fellow member is refused; anyone else is told the person
 * does not exist. A link lives a quarter of an hour, three days when it goes by e-mail (`byEmail`).
 *
 * @example
 * const { secret, expiresAt } = await issueSignInLink(ctx, { personId: 'per_lrmoreau' });
 */
export async function issueSignInLink(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ secret: string; personId: string; expiresAt: string }> {
  const { personId, byEmail } = validate(IssueSignInLinkInput, input);
  return ctx.store.transaction(async (repos) => {
    await changeAccess(ctx, repos, personId);
    const person = await repos.persons.get(personId);
    if (!person || person.erasedAt) throw new NotFoundError('Personne', personId);
    const createdAt = ctx.clock();
    const ttl = byEmail ? EMAILED_SIGN_IN_LINK_TTL_MS : SIGN_IN_LINK_TTL_MS;
    const expiresAt = new Date(Date.parse(createdAt) + ttl).toISOString();
    const secret = await repos.signInLinks.issue({
      personId,
      ...(ctx.actor.personId !== undefined ? { issuedBy: ctx.actor.personId } : {}),
      createdAt,
      expiresAt,
    });
    return { secret, personId, expiresAt };
  });
}
