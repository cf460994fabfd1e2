import { testDialect } from '@maille/db/testing';
import type { Delivery } from '@maille/domain';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import { consoleMailSender } from '../src/mail/console-mail-sender.ts';
import { messageIdOf } from '../src/mail/mail-sender.ts';
import { renderMail } from '../src/mail/render-mail.ts';
import { loadReminderContext } from '../src/reminders/render.ts';
import {
  type DispatcherWorld,
  LA_ROCHELLE,
  openDispatcherWorld,
  queueReminder,
  reminderMilestone,
} from './dispatcher-world.ts';
import { type Received, type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';

// Monday 23 November 2026, 13:00 in Paris.
const NOW = '2026-11-23T12:00:00.000Z';
const BELKACEM = 'per_lrbelkacem';
const ADDRESS = 'yanis.belkacem@exemple.fr';
const FROM = 'Maille <maille@exemple.fr>';
const WEB = 'https://maille.exemple.fr';
const dialect = testDialect();

describe(`reminders by e-mail through a real SMTP server (${dialect})`, () => {
  let world: DispatcherWorld;
  let peer: SmtpPeer;
  const senders: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    peer = await startSmtpPeer();
  });
  afterAll(async () => {
    await peer.close();
  });
  beforeEach(async () => {
    world = await openDispatcherWorld(dialect, NOW);
    peer.received.length = 0;
    peer.refuse(() => undefined);
    // Yanis Belkacem has a Discord account (the world links everyone) and asks for both.
    await world.store.transaction(async (repos) => {
      const person = await repos.persons.get(BELKACEM);
      if (!person) throw new Error('demo not seeded');
      await repos.persons.update({
        ...person,
        email: ADDRESS,
        reminders: { ...person.reminders, medium: 'les_deux' },
        version: person.version + 1,
      });
    });
  });
  afterEach(async () => {
    for (const sender of senders.splice(0)) await sender.close();
    await world.drop();
  });

  function dispatcher(claimant = 'bot-mail', settings = {}, store = world.store) {
    const mail = peer.mailSender(FROM);
    senders.push(mail);
    return createDispatcher({
      store,
      sender: world.sender,
      mail,
      mailLinks: { webUrl: WEB, from: FROM },
      clock: world.clock,
      claimant,
      settings: { planning: false, ...settings },
      log: () => undefined,
    });
  }

  /** A J-3 reminder of `mil_test01` (due Thursday 26 November) for Yanis Belkacem, by e-mail. */
  const queueMail = (suffix = '') =>
    queueReminder(world.store, NOW, {
      dedupeKey: `milestone:mil_test01:2026-11-26:J-3:${BELKACEM}${suffix}:email`,
      recipient: { type: 'person', personId: BELKACEM, medium: 'email' },
    });

  it('plans a chat message and an e-mail for a person choosing both, and sends each once', async () => {
    await world.store.transaction((repos) =>
      repos.milestones.insert(reminderMilestone('mil_test03', '2026-11-26', NOW)),
    );
    const first = dispatcher('bot-plan', { planning: true });
    await first.runOnce();
    await first.runOnce();
    await dispatcher('bot-other', { planning: true }).runOnce();

    const key = `milestone:mil_test03:2026-11-26:J-3:${BELKACEM}`;
    const stored = await world.store.transaction((repos) =>
      repos.deliveries.listByGovernance(LA_ROCHELLE),
    );
    const chat = stored.find((d) => d.dedupeKey === key);
    const email = stored.find((d) => d.dedupeKey === `${key}:email`);
    expect(chat).toMatchObject({ status: 'sent', attempts: 1 });
    expect(email).toMatchObject({ status: 'sent', attempts: 1 });
    expect(world.sender.countsByNonce().get(chat?.id as string)).toBe(1);

    const mails = peer.received.filter(
      (r) => r.mail.messageId === messageIdOf(`${key}:email`, FROM),
    );
    expect(mails).toHaveLength(1);
    const { mail, recipients, rawHeaders } = mails[0] as (typeof mails)[number];
    expect(recipients).toEqual([ADDRESS]);
    expect(mail.subject).toContain('Rappel de jalon');
    expect(mail.subject).toContain('Permanences ouvertes dans les trois centres sociaux');
    expect(mail.from?.text).toContain('maille@exemple.fr');
    // French, the due date as a reader says it, the link to the action in the workspace.
    expect(mail.text).toContain('Bonjour Yanis Belkacem,');
    expect(mail.text).toContain('26 novembre 2026');
    expect(mail.text).toContain(`${WEB}/fiches/act_lr0002#jalon-mil_test03`);
    expect(mail.text).not.toContain('**');
    expect(mail.html).toContain(`href="${WEB}/fiches/act_lr0002#jalon-mil_test03"`);
    expect(mail.html).toContain('lang="fr"');
    // One-click unsubscribe (RFC 8058), to the page that pauses this kind of reminder.
    const header = (name: string) =>
      rawHeaders
        .replace(/\r\n[ \t]+/g, ' ')
        .split('\r\n')
        .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    expect(header('List-Unsubscribe-Post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(header('List-Unsubscribe')).toContain(`<${WEB}/desabonnement/${email?.id}>`);
  });

  it('sends each e-mail once when two dispatchers run side by side', async () => {
    const queued: Delivery[] = [];
    for (let i = 0; i < 30; i++) queued.push(await queueMail(`:n${i}`));
    const storeOfItsOwn = () => (dialect === 'postgres' ? world.otherStore() : world.store);
    const reports = await Promise.all(
      ['bot-a', 'bot-b'].map((claimant) =>
        dispatcher(claimant, { batchSize: 5, concurrency: 3 }, storeOfItsOwn()).runOnce(),
      ),
    );
    expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(30);
    const ids = peer.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(new Set(ids)).toEqual(new Set(queued.map((d) => messageIdOf(d.dedupeKey, FROM))));
    for (const d of queued) {
      expect(await world.delivery(d.id)).toMatchObject({ status: 'sent', attempts: 1 });
    }
  });

  it('retries later, with the same Message-ID, after a temporary refusal (4xx)', async () => {
    const queued = await queueMail();
    peer.refuse(() => 451);
    const mailer = dispatcher();
    const report = await mailer.runOnce();
    expect(report.outcomes.pending).toBe(1);
    const waiting = await world.delivery(queued.id);
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toContain('refusé ce message pour l’instant');
    expect(waiting.leaseUntil && waiting.leaseUntil > NOW).toBe(true);
    expect(peer.received).toHaveLength(0);

    // Not before its backoff…
    peer.refuse(() => undefined);
    expect((await mailer.runOnce()).claimed).toBe(0);
    // …then sent once.
    world.clock.set(waiting.leaseUntil as string);
    await mailer.runOnce();
    await mailer.runOnce();
    expect(await world.delivery(queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(peer.received.map((r) => r.mail.messageId)).toEqual([
      messageIdOf(queued.dedupeKey, FROM),
    ]);
  });

  it('stops after a permanent refusal (5xx) and never tries again', async () => {
    const queued = await queueMail();
    peer.refuse(() => 550);
    const mailer = dispatcher();
    expect((await mailer.runOnce()).outcomes.undeliverable).toBe(1);
    const given = await world.delivery(queued.id);
    expect(given.status).toBe('undeliverable');
    expect(given.lastError).toContain('refusé définitivement');
    peer.refuse(() => undefined);
    world.clock.advanceDays(0.5);
    expect((await mailer.runOnce()).claimed).toBe(0);
    expect(peer.received).toHaveLength(0);
  });

  it('resends with the same Message-ID when the sender died after sending, before recording it', async () => {
    const queued = await queueMail();
    // A dispatcher that loses its lease while sending (a process killed after the SMTP reply):
    // its outcome is refused, the next claimant sends again under the same Message-ID.
    const mail = peer.mailSender(FROM);
    senders.push(mail);
    const dying = createDispatcher({
      store: world.store,
      sender: world.sender,
      mail: {
        async send(outgoing) {
          const sent = await mail.send(outgoing);
          world.clock.set('2026-11-23T12:05:00.000Z');
          return sent;
        },
        close: () => Promise.resolve(),
      },
      mailLinks: { webUrl: WEB, from: FROM },
      clock: world.clock,
      claimant: 'bot-dying',
      settings: { planning: false, leaseMs: 60_000 },
      log: () => undefined,
    });
    expect((await dying.runOnce()).lostLeases).toBe(1);
    await dispatcher('bot-next').runOnce();
    expect(await world.delivery(queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
    const ids = peer.received.map((r) => r.mail.messageId);
    expect(ids).toEqual([messageIdOf(queued.dedupeKey, FROM), messageIdOf(queued.dedupeKey, FROM)]);
  });

  it('joins the meeting as an .ics to an agenda sent by e-mail', async () => {
    const meetingId = 'mtg_lrcopil02';
    // The agenda goes to the members of the meeting's body: Belkacem takes a seat on it.
    await world.store.transaction(async (repos) => {
      const bodyId = (await repos.meetings.get(meetingId))?.bodyId;
      const body = bodyId ? await repos.bodies.get(bodyId) : undefined;
      if (!body) throw new Error('demo changed');
      await repos.bodies.update({
        ...body,
        members: [...body.members, { personId: BELKACEM, position: 'membre', since: '2026-01-01' }],
        version: body.version + 1,
      });
    });
    await queueReminder(world.store, NOW, {
      dedupeKey: `meeting:${meetingId}:J-7:${BELKACEM}:email`,
      kind: 'meeting_agenda',
      subject: { type: 'meeting', id: meetingId },
      recipient: { type: 'person', personId: BELKACEM, medium: 'email' },
    });
    expect((await dispatcher().runOnce()).outcomes.sent).toBe(1);
    const meeting = await world.store.transaction((repos) => repos.meetings.get(meetingId));
    if (!meeting) throw new Error('demo changed');

    expect(peer.received).toHaveLength(1);
    const { mail } = peer.received[0] as Received;
    expect(mail.text).toContain(`${WEB}/reunions/${meetingId}`);
    const invitations = mail.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(invitations).toHaveLength(1);
    const ics = invitations[0] as (typeof invitations)[number];
    expect(ics.filename).toBe('seance.ics');
    const text = ics.content.toString('utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // The governance calendar's own event: same UID and SEQUENCE as a subscribed feed shows.
    expect(text).toContain(`UID:${meetingId}@`);
    expect(text).toContain(`SEQUENCE:${meeting.version}`);
    const start = meeting.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(text).toContain(`DTSTART:${start}`);
    expect(text.replace(/\r\n /g, '')).toContain(`Dans Maille : ${WEB}/reunions/${meetingId}`);
  });

  it('joins no .ics to a milestone reminder', async () => {
    await queueMail();
    await dispatcher().runOnce();
    expect(peer.received).toHaveLength(1);
    expect((peer.received[0] as Received).mail.attachments).toEqual([]);
  });

  it('lets no line break of a name or a title start a header of its own', async () => {
    const queued = await queueMail();
    const context = await loadReminderContext(world.store, queued, NOW);
    // The kernel refuses line breaks in names and titles; a record that got them anyway (an old
    // import, a hand-edited database) must still not inject anything.
    if (!context.person || !context.milestone) throw new Error('context not loaded');
    context.person = { ...context.person, displayName: 'Yanis\r\nBcc: intrus@exemple.fr' };
    context.milestone = { ...context.milestone, title: 'Bilan\r\nX-Injecte: oui\n\nCorps' };
    const mail = peer.mailSender(FROM);
    senders.push(mail);
    await mail.send(renderMail(context, { webUrl: WEB, from: FROM }));
    const [received] = peer.received;
    if (!received) throw new Error('nothing received');
    expect(received.recipients).toEqual([ADDRESS]);
    const names = received.rawHeaders
      .replace(/\r\n[ \t]+/g, ' ')
      .split('\r\n')
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injecte');
    expect(received.mail.to && 'text' in received.mail.to ? received.mail.to.text : '').toContain(
      'Yanis Bcc: intrus@exemple.fr',
    );
    expect(received.mail.subject).toContain('« Bilan');
    expect(received.mail.subject).not.toMatch(/[\r\n]/);
  });

  it('prints the e-mail in the terminal when no SMTP server is set', async () => {
    const queued = await queueMail();
    const lines: string[] = [];
    const printing = createDispatcher({
      store: world.store,
      sender: world.sender,
      mail: consoleMailSender((text) => lines.push(text)),
      clock: world.clock,
      claimant: 'bot-console',
      settings: { planning: false },
      log: () => undefined,
    });
    expect((await printing.runOnce()).outcomes.sent).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Courriel pour Yanis Belkacem <${ADDRESS}>`);
    expect(lines[0]).toContain('Objet : [Maille] Rappel de jalon');
    expect(lines[0]).toContain('26 novembre 2026');
    expect(peer.received).toHaveLength(0);
    expect(await world.delivery(queued.id)).toMatchObject({ status: 'sent' });
  });
});
