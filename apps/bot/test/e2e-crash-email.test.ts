import { testDialect } from '@maille/db/testing';
import type { Delivery } from '@maille/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageIdOf } from '../src/mail/mail-sender.ts';
import { type E2eWorld, eventually, MEMBER, openE2eWorld, PATIENCE_MS, SOON } from './processes.ts';
import { type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';

/*
 * The dispatcher process sending e-mails, killed with SIGKILL mid-flight, then started again. The
 * member has no chat account and an address: their reminders go by e-mail. The lease is short
 * (4 s) so that the second process takes the orphaned claims over within the test.
 */

const dialect = testDialect();
const FROM = 'Maille <maille@exemple.fr>';
let world: E2eWorld;
let peer: SmtpPeer;
let address: string;

beforeEach(async () => {
  world = await openE2eWorld();
  peer = await startSmtpPeer();
  const member = await world.store.transaction((repos) => repos.persons.get(MEMBER));
  if (!member?.email) throw new Error('demo changed: the member has no address');
  address = member.email;
});
afterEach(async () => {
  await world?.close();
  await peer?.close();
});

const startDispatcher = () =>
  world.startDispatcher({
    DISPATCH_LEASE_MS: '4000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(peer.port),
    SMTP_STARTTLS: 'non',
    SMTP_FROM: FROM,
  });

const emailsTo = async () =>
  (await world.deliveriesTo(MEMBER)).filter(
    (d) => d.recipient.type === 'person' && d.recipient.medium === 'email',
  );

/** Once every e-mail delivery to the member due by now is settled, what they became. */
async function allSettled(): Promise<Delivery[]> {
  const now = new Date().toISOString();
  return eventually(
    async () => {
      const due = (await emailsTo()).filter((d) => d.dueAt <= now);
      const open = due.some((d) => d.status === 'pending' || d.status === 'claimed');
      return due.length > 0 && !open && due;
    },
    'every e-mail to the member settled',
    PATIENCE_MS,
  );
}

const receivedIds = () =>
  peer.received.filter((r) => r.recipients.includes(address)).map((r) => r.mail.messageId);

describe(`the dispatcher process killed while e-mailing (${dialect})`, () => {
  it('sends once what it had claimed but not sent when killed', async () => {
    peer.hold('rcpt', address);
    const first = startDispatcher();
    await eventually(
      async () => peer.attempted.includes(address),
      'an e-mail to the member begun',
      PATIENCE_MS,
    );
    const claimed = (await emailsTo()).filter((d) => d.status === 'claimed');
    expect(claimed.length).toBeGreaterThan(0);
    await first.kill();
    expect(receivedIds()).toEqual([]);

    // What was claimed goes out after the restart, except what expired in the meantime: the
    // batch can hold a reminder the look-back planned too late (last week's digest), which the
    // second process rightly settles as expired instead of sending.
    const restartedAt = new Date().toISOString();
    const stillUseful = claimed.filter((d) => d.expiresAt > restartedAt);
    expect(stillUseful.map((d) => d.subject.id)).toContain(SOON);
    peer.hold(undefined);
    startDispatcher();
    const settled = await allSettled();
    const sent = settled.filter((d) => d.status === 'sent');
    expect(sent.map((d) => d.id)).toEqual(expect.arrayContaining(stillUseful.map((d) => d.id)));
    const stale = claimed.filter((d) => d.expiresAt <= restartedAt).map((d) => d.id);
    expect(settled.filter((d) => stale.includes(d.id)).map((d) => d.status)).toEqual(
      stale.map(() => 'expired'),
    );
    // One e-mail per delivery, under the Message-ID of its key: the mailbox read first, then the
    // deliveries, so that one planned and sent in between cannot look like a stray e-mail.
    const ids = receivedIds();
    const sentIds = (await emailsTo())
      .filter((d) => d.status === 'sent')
      .map((d) => messageIdOf(d.dedupeKey, FROM));
    expect(new Set(ids).size).toBe(ids.length);
    expect(sentIds).toEqual(expect.arrayContaining(ids));
    expect(ids).toEqual(expect.arrayContaining(sent.map((d) => messageIdOf(d.dedupeKey, FROM))));
  });

  it('resends under the same Message-ID what it had sent but not settled when killed', async () => {
    peer.hold('after-data', address);
    const first = startDispatcher();
    await eventually(
      async () => receivedIds().length > 0,
      'an e-mail to the member received',
      PATIENCE_MS,
    );
    await first.kill();
    const [firstId] = receivedIds();
    const orphan = (await emailsTo()).find((d) => messageIdOf(d.dedupeKey, FROM) === firstId);
    expect(orphan?.status).toBe('claimed');

    peer.hold(undefined);
    startDispatcher();
    const sent = (await allSettled()).filter((d) => d.status === 'sent');
    expect(sent.map((d) => d.id)).toContain(orphan?.id);
    // The mailbox got the orphan twice, under one Message-ID (mail programs show it once), and
    // nothing under any other id than the sent deliveries' own.
    const ids = receivedIds();
    const sentIds = (await emailsTo())
      .filter((d) => d.status === 'sent')
      .map((d) => messageIdOf(d.dedupeKey, FROM));
    expect(ids.filter((id) => id === firstId)).toHaveLength(2);
    expect(sentIds).toEqual(expect.arrayContaining([...new Set(ids)]));
    expect(ids).toEqual(expect.arrayContaining(sent.map((d) => messageIdOf(d.dedupeKey, FROM))));
  });
});
