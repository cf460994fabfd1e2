import { fr } from '../messages/fr.ts';
import type { MailSender, OutgoingMail } from './mail-sender.ts';

/**
 * A `MailSender` that prints each e-mail instead of sending it: without SMTP settings nothing
 * leaves the machine, as the console chat does for Discord.
 *
 * @example
 * createDispatcher({ database, sender: consoleSender(), mail: consoleMailSender() });
 */
export function consoleMailSender(write: (text: string) => void = console.log): MailSender {
  return {
    send(mail: OutgoingMail) {
      write(
        [
          fr.mail.printed(`${mail.to.name} <${mail.to.address}>`, mail.messageId),
          `Objet : ${mail.subject}`,
          '',
          mail.text,
          '',
        ].join('\n'),
      );
      return Promise.resolve({ messageId: mail.messageId });
    },
    close: () => Promise.resolve(),
  };
}
