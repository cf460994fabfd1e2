import type { Env } from '../env.ts';
import { consoleMailSender } from './console-mail-sender.ts';
import type { MailSender } from './mail-sender.ts';
import { smtpSender } from './smtp-sender.ts';

/** The SMTP settings, as the bot's `dispatchSettings` read them (the command line reads the same). */
type MailEnv = Pick<
  Env,
  | 'SMTP_HOST'
  | 'SMTP_PORT'
  | 'SMTP_SECURE'
  | 'SMTP_STARTTLS'
  | 'SMTP_USER'
  | 'SMTP_PASSWORD'
  | 'SMTP_FROM'
>;

/**
 * The e-mails' way out: SMTP with `SMTP_HOST`, else printed through `print` (nothing leaves the
 * machine without settings). Shared by the dispatcher's process and `maille`.
 */
export function mailSenderOf(env: MailEnv, print?: (text: string) => void): MailSender {
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
    : consoleMailSender(print);
}

/** The sender of e-mails that are only printed (no `SMTP_FROM`). */
export const LOCAL_MAIL_FROM = 'maille@localhost';

/** `SMTP_FROM`, or a local sender when e-mails are only printed. */
export const mailFromOf = (env: Pick<Env, 'SMTP_FROM'>): string => env.SMTP_FROM ?? LOCAL_MAIL_FROM;
