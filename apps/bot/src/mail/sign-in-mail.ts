import { DEFAULT_TIME_ZONE, escapeHtml } from '@maille/domain';
import { fr } from '../messages/fr.ts';
import { messageIdOf, type OutgoingMail, oneLine } from './mail-sender.ts';

const texts = fr.mail;

/** What a sign-in link's e-mail says: to whom, the link, until when. */
export interface SignInMail {
  to: { address: string; name: string };
  /** The link itself (`…/connexion/<secret>`). */
  url: string;
  /** When the link stops working (UTC ISO). */
  expiresAt: string;
  /** `SMTP_FROM`: its domain names the `Message-ID`. */
  from: string;
  /** The reader's time zone, for the expiry. */
  timeZone?: string;
}

/**
 * A sign-in link as an e-mail, in French, for a person who is not on the chat. No unsubscribe
 * link: nobody is subscribed, the coordination sent it on purpose. Its `Message-ID` comes from
 * the link, so a resend of the same link is one message.
 *
 * @example
 * renderSignInMail({ to: { address: 'a@exemple.fr', name: 'Ana' }, url, expiresAt, from: 'maille@exemple.fr' });
 */
export function renderSignInMail(mail: SignInMail): OutgoingMail {
  const until = new Intl.DateTimeFormat('fr-FR', {
    timeZone: mail.timeZone ?? DEFAULT_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(mail.expiresAt));
  const name = oneLine(mail.to.name, 100);
  const text = [
    texts.greeting(name),
    '',
    texts.signInLead(until),
    mail.url,
    '',
    '-- ',
    texts.signInWhy,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(texts.greeting(name))}</p>`,
    `<p>${escapeHtml(texts.signInLead(until))}</p>`,
    `<p><a href="${escapeHtml(mail.url)}">${escapeHtml(texts.signInOpen)}</a></p>`,
    '<hr>',
    `<p><small>${escapeHtml(texts.signInWhy)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: { address: mail.to.address, name },
    subject: texts.signInSubject,
    text,
    html,
    messageId: messageIdOf(`sign-in:${mail.url}`, mail.from),
  };
}
