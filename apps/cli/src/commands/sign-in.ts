import { renderSignInMail } from '@maille/bot';
import { ValidationError } from '@maille/domain';
import { getPerson, issueSignInLink, type UseCaseContext } from '@maille/domain/use-cases';
import { type Command, flag, noMoreArguments, stringOption } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { MailNotSentError, UsageError } from '../errors.ts';
import { cliMailSender, mailFrom } from '../mail.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/**
 * `maille connexion --personne per_… [--courriel]`: a one-time link signing the person in to the
 * web workspace, printed for the coordinator to pass on, or sent to the person's address (through
 * SMTP_HOST, printed here without it) for someone who is not on the chat.
 */
export const signIn: Command = {
  name: 'connexion',
  aliases: ['sign-in'],
  help: HELP.signIn,
  options: {
    personne: { type: 'string' },
    courriel: { type: 'boolean' },
  },
  async run(invocation, cli) {
    noMoreArguments('connexion', invocation, 0);
    const personId = stringOption(invocation, 'personne');
    if (!personId) throw new UsageError(fr.signIn.needsPerson, 'connexion');
    const byMail = flag(invocation, 'courriel');
    const { issued, to } = await withDatabase(cli, { migrated: true }, async (database) => {
      const kernel = kernelContext(cli, database);
      // The address first: no link is issued for a mail that cannot be sent.
      const to = byMail ? await addressOf(kernel, personId) : undefined;
      return { issued: await issueSignInLink(kernel, { personId, byEmail: to !== undefined }), to };
    });
    const url = signInUrl(cli.env.WEB_URL ?? `http://localhost:${cli.env.PORT}`, issued.secret);
    if (to) {
      const mail = cliMailSender(cli);
      try {
        await mail.send(
          renderSignInMail({
            to,
            url,
            expiresAt: issued.expiresAt,
            from: mailFrom(cli),
          }),
        );
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new MailNotSentError(fr.signIn.notMailed(issued.personId, detail));
      } finally {
        await mail.close();
      }
      cli.print(fr.signIn.mailed(issued.personId, to.address, issued.expiresAt));
      return;
    }
    cli.print(fr.signIn.created(issued.personId, issued.expiresAt));
    cli.print(url);
  },
};

/** Where a sign-in link opens the web workspace served at `origin` (`maille start`'s address). */
export function signInUrl(origin: string, secret: string): string {
  return `${origin}/connexion/${secret}`;
}

/** Where to mail a person, refused in French when they have no address (never given, erased). */
async function addressOf(kernel: UseCaseContext, personId: string) {
  const person = await getPerson(kernel, { personId });
  const address = 'email' in person ? person.email : undefined;
  if (!address) {
    const message = fr.signIn.noAddress(personId);
    throw new ValidationError([{ path: ['email'], message }], message);
  }
  return { address, name: person.displayName };
}
