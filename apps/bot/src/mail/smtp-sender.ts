import { createTransport } from 'nodemailer';
import { MailError, type MailSender, type OutgoingMail } from './mail-sender.ts';

/** How to reach the SMTP server, from the bot's `env.ts`. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). */
  secure: boolean;
  /** Without `secure`: refuse to send unless the server offers STARTTLS. */
  requireStartTls: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
}

/**
 * A `MailSender` over SMTP with nodemailer's pooled transport: a few connections kept open and
 * reused by the dispatcher's concurrent sends. Replies are classified once, here: a 5xx is a
 * permanent refusal, anything else (4xx, network) a temporary one.
 *
 * @example
 * const mail = smtpSender({ host: 'smtp.exemple.fr', port: 587, secure: false, requireStartTls: true, from: 'maille@exemple.fr' });
 */
export function smtpSender(settings: SmtpSettings): MailSender {
  const transport = createTransport({
    pool: true,
    maxConnections: 4,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure && settings.requireStartTls,
    ignoreTLS: !settings.secure && !settings.requireStartTls,
    ...(settings.user === undefined
      ? {}
      : { auth: { user: settings.user, pass: settings.password ?? '' } }),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail: OutgoingMail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: { name: mail.to.name, address: mail.to.address },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          // RFC 8058: the reader's mail program offers « se désabonner » and posts it itself.
          ...(mail.unsubscribeUrl === undefined
            ? {}
            : {
                list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Se désabonner' } },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
              }),
          ...(mail.attachments ? { attachments: mail.attachments } : {}),
        });
        return { messageId: mail.messageId };
      } catch (error) {
        throw classify(error);
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

function classify(error: unknown): MailError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { responseCode?: unknown } | undefined)?.responseCode;
  return new MailError(typeof code === 'number' && code >= 500 && code < 600, message);
}
