import { createHash } from 'node:crypto';

/** One e-mail, ready to go: every text already in French and free of line breaks where needed. */
export interface OutgoingMail {
  /** The recipient's address, and their name as the `To:` header shows it. */
  to: { address: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`, the same at every attempt of one delivery (see `messageIdOf`). */
  messageId: string;
  /**
   * The one-click unsubscribe address (RFC 8058): `List-Unsubscribe` and its `-Post`. Absent on
   * a mail the person asked for (a sign-in link), which no list sends.
   */
  unsubscribeUrl?: string | undefined;
  /** Files joined to the mail: the `.ics` of a meeting. */
  attachments?: MailAttachment[] | undefined;
}

/** A file joined to an e-mail, its content already text. */
export interface MailAttachment {
  filename: string;
  /** With its parameters: `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

/**
 * The port through which the dispatcher sends e-mails: SMTP with settings, the terminal without.
 * Like `ChatSender`, it knows nothing of deliveries.
 */
export interface MailSender {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Closes the pooled connections, at the end of the process. */
  close(): Promise<void>;
}

/**
 * A refused e-mail. `permanent` for a 5xx reply (unknown mailbox, refused sender): sending it
 * again would be refused again. Otherwise (4xx, connection lost, timeout) it may pass later.
 */
export class MailError extends Error {
  override readonly name = 'MailError';

  constructor(
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The `Message-ID` of a delivery's e-mail: a digest of its dedupe key at the sender's domain. A
 * resend after a crash carries the same id, so mail systems and readers see one message.
 *
 * @example
 * messageIdOf('milestone:mil_1:2024-06-14:J-3:per_1:email', 'maille@exemple.fr');
 * // '<maille.3f9a…@exemple.fr>'
 */
export function messageIdOf(dedupeKey: string, from: string): string {
  const domain = /@([^<>\s@]+)>?\s*$/.exec(from)?.[1] ?? 'maille.invalid';
  const digest = createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
  return `<maille.${digest}@${domain}>`;
}

/**
 * A text on one line: what goes into a header (a name, a subject) loses its line breaks and
 * control characters, so that nothing written by a person can start a header of its own.
 */
export function oneLine(text: string, max = 200): string {
  const flat = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
