import { issueSignInLink } from '@maille/domain/use-cases';
import { type Command, noMoreArguments, stringOption } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille connexion --personne per_…`: a one-time link signing the person in to the web workspace. */
export const signIn: Command = {
  name: 'connexion',
  aliases: ['sign-in'],
  help: HELP.signIn,
  options: {
    personne: { type: 'string' },
  },
  async run(invocation, cli) {
    noMoreArguments('connexion', invocation, 0);
    const personId = stringOption(invocation, 'personne');
    if (!personId) throw new UsageError(fr.signIn.needsPerson, 'connexion');
    const issued = await withDatabase(cli, { migrated: true }, (database) =>
      issueSignInLink(kernelContext(cli, database), { personId }),
    );
    cli.print(fr.signIn.created(issued.personId, issued.expiresAt));
    cli.print(signInUrl(cli.env.WEB_URL ?? `http://localhost:${cli.env.PORT}`, issued.secret));
  },
};

/** Where a sign-in link opens the web workspace served at `origin` (`maille start`'s address). */
export function signInUrl(origin: string, secret: string): string {
  return `${origin}/connexion/${secret}`;
}
