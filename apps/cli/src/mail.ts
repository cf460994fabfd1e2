import { consoleMailSender, type MailSender, smtpSender } from '@maille/bot';
import type { Cli } from './context.ts';
import { fr } from './messages/fr.ts';

/**
 * The e-mails of the command line: through SMTP_HOST, or printed in this terminal without it
 * (nothing leaves the machine), for `maille start`'s dispatcher and `maille connexion --courriel`.
 */
export function mailSenderOf(cli: Cli): MailSender {
  const env = cli.env;
  return env.SMTP_HOST && env.SMTP_FROM
    ? smtpSender({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        requireStartTls: env.SMTP_STARTTLS,
        user: env.SMTP_USER,
        password: env.SMTP_PASSWORD,
        from: env.SMTP_FROM,
      })
    : consoleMailSender((text) => cli.print(fr.start.wouldMail(text)));
}

/** `SMTP_FROM`, or a local sender when e-mails are only printed. */
export const mailFrom = (cli: Cli) => cli.env.SMTP_FROM ?? 'maille@localhost';
