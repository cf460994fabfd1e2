import type { UseCaseContext } from '@maille/domain/use-cases';
import type { Context } from 'hono';

/** The person signed in, as the pages name them. */
export interface Me {
  id: string;
  name: string;
}

/** What every page handler finds on its context: who is signed in, and the kernel acting as them. */
export type WebEnv = { Variables: { me: Me | undefined; kernel: UseCaseContext } };

/** The person signed in: routes under `requireSignIn` always have one. */
export function me(c: Context<WebEnv>): Me {
  const person = c.get('me');
  if (!person) throw new Error('Page réservée aux personnes connectées servie sans session');
  return person;
}
