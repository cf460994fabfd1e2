import { type MailSender, mailFromOf, mailSenderOf } from '@maille/bot';
import type { Cli } from './context.ts';
import { fr } from './messages/fr.ts';

/**
 * The e-mails of the command line: through SMTP_HOST, or printed in this terminal without it
 * (nothing leaves the machine), for `maille start`'s dispatcher and `maille connexion --courriel`.
 */
export const cliMailSender = (cli: Cli): MailSender =>
  mailSenderOf(cli.env, (text) => cli.print(fr.start.wouldMail(text)));

/** `SMTP_FROM`, or a local sender when e-mails are only printed. */
export const mailFrom = (cli: Cli) => mailFromOf(cli.env);
