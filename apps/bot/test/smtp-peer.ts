import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { smtpSender } from '../src/mail/smtp-sender.ts';

/*
 * `@maille/bot/testing`: the test mailbox, for this package's suites and the command line's (which
 * must not reach into another package's test folder).
 */

/** What the test mailbox received: the parsed message and the envelope it came with. */
export interface Received {
  mail: ParsedMail;
  /** `RCPT TO` addresses. */
  recipients: string[];
  /** The raw header block, as it came over the wire. */
  rawHeaders: string;
}

/**
 * A real SMTP server on a free port of 127.0.0.1 (smtp-server), keeping every message it accepts
 * (read back with mailparser). `refuse` decides, per recipient, a reply code to refuse it with:
 * a 4xx is temporary, a 5xx permanent, as a real server says.
 */
export interface SmtpPeer {
  port: number;
  received: Received[];
  /** Sets how recipients are refused from now on; `undefined` accepts them. */
  refuse(rule: (address: string) => number | undefined): void;
  /**
   * Holds every message from now on, never answering: at `rcpt` (nothing accepted yet) or
   * `after-data` (kept in the mailbox, the final reply never sent) — those to `address` only, when
   * given. `undefined` answers again.
   */
  hold(phase: 'rcpt' | 'after-data' | undefined, address?: string): void;
  /** Every `RCPT TO` seen, answered or not. */
  attempted: string[];
  /** The project's own SMTP sender, pointed at this mailbox (no TLS on loopback); close it after use. */
  mailSender(from: string): ReturnType<typeof smtpSender>;
  close(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: Received[] = [];
  let rule: (address: string) => number | undefined = () => undefined;
  let held: 'rcpt' | 'after-data' | undefined;
  let heldFor: string | undefined;
  const holds = (phase: 'rcpt' | 'after-data', to: readonly string[]) =>
    held === phase && (heldFor === undefined || to.includes(heldFor));
  const attempted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      attempted.push(address.address);
      if (holds('rcpt', [address.address])) return;
      const code = rule(address.address);
      if (code === undefined) return callback();
      const error = Object.assign(
        new Error(code >= 500 ? 'Boîte inconnue' : 'Réessayez plus tard'),
        { responseCode: code },
      );
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({
              mail,
              recipients: session.envelope.rcptTo.map((r) => r.address),
              rawHeaders: text.slice(0, text.indexOf('\r\n\r\n')),
            });
            if (
              !holds(
                'after-data',
                session.envelope.rcptTo.map((r) => r.address),
              )
            )
              callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A dispatcher killed mid-conversation (the crash tests do it) resets its connection: the
  // mailbox keeps what it had, as a real server would. Anything else is a fault of the test.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse(next) {
      rule = next;
    },
    hold(phase, address) {
      held = phase;
      heldFor = address;
    },
    attempted,
    mailSender: (from) =>
      smtpSender({ host: '127.0.0.1', port, secure: false, requireStartTls: false, from }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
