import { timeOrderedIds } from '@maille/db';
import { testDialect } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import type { ReminderPreferences } from '@maille/domain';
import { unsubscribeReminder } from '@maille/domain/use-cases';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import { messageIdOf } from '../src/mail/mail-sender.ts';
import {
  type DispatcherWorld,
  DRONNE,
  openDispatcherWorld,
  queueReminder,
} from './dispatcher-world.ts';
import { type Received, type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';

// Friday 27 November 2026, 09:30 in Paris: the digest of ISO week 48 is due (09:00).
const NOW = '2026-11-27T08:30:00.000Z';
const WEEK = '2026-W48';
const FROM = 'Maille <maille@exemple.fr>';
const WEB = 'https://maille.exemple.fr';
const dialect = testDialect();

// Dronne et Belle has no chat binding: its digest only goes by e-mail.
const DUFOUR = DEMO_IDS.dronneEtBelle.coordinator; // coordinates, e-mail only
const BOUCHET = 'per_dbbouchet'; // member and seated on the comité for the CAF, chat and e-mail
const MAZEAU = 'per_dbmazeau'; // observer for the Département, e-mail, turned the digest off
// Everyone else keeps the chat only (the world links every demo person to Discord).

const keyOf = (personId: string) => `digest:${DRONNE}:${WEEK}:${personId}:email`;

describe(`the weekly digest by e-mail through a real SMTP server (${dialect})`, () => {
  let world: DispatcherWorld;
  let peer: SmtpPeer;
  const senders: { close(): Promise<void> }[] = [];
  const addresses = new Map<string, string>();

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
    const choices: Record<string, Partial<ReminderPreferences>> = {
      [DUFOUR]: { medium: 'courriel' },
      [BOUCHET]: { medium: 'les_deux' },
      [MAZEAU]: { medium: 'courriel', pausedKinds: ['community_digest'] },
    };
    await world.store.transaction(async (repos) => {
      for (const [personId, choice] of Object.entries(choices)) {
        const person = await repos.persons.get(personId);
        if (!person?.email) throw new Error(`demo person ${personId} without an address`);
        addresses.set(personId, person.email);
        await repos.persons.update({
          ...person,
          reminders: { ...person.reminders, ...choice },
          version: person.version + 1,
        });
      }
    });
  });
  afterEach(async () => {
    for (const sender of senders.splice(0)) await sender.close();
    await world.drop();
  });

  function dispatcher(claimant: string, store = world.store) {
    const mail = peer.mailSender(FROM);
    senders.push(mail);
    return createDispatcher({
      store,
      sender: world.sender,
      mail,
      mailLinks: { webUrl: WEB, from: FROM },
      clock: world.clock,
      claimant,
      settings: { planning: true, planIntervalMs: 0 },
      log: () => undefined,
    });
  }

  const digestsIn = (received: readonly Received[]) =>
    received.filter((r) => r.mail.subject?.includes('Résumé hebdomadaire'));

  const storedDigests = async () =>
    (await world.store.transaction((repos) => repos.deliveries.listByGovernance(DRONNE))).filter(
      (d) => d.kind === 'community_digest',
    );

  it('reaches once each person of the governance who takes e-mail, without a chat binding', async () => {
    // A reminder the mail server refused this week: the coordination's business.
    const hourAgo = new Date(Date.parse(NOW) - 3_600_000).toISOString();
    await queueReminder(world.store, hourAgo, {
      governanceId: DRONNE,
      recipient: { type: 'person', personId: 'per_dbsalles', medium: 'email' },
      status: 'undeliverable',
      attempts: 1,
      lastError: 'Boîte inconnue.',
    });
    const storeOfItsOwn = () => (dialect === 'postgres' ? world.otherStore() : world.store);
    // Two dispatchers side by side, then each once more: planning and sending stay exactly once.
    await Promise.all(['bot-a', 'bot-b'].map((c) => dispatcher(c, storeOfItsOwn()).runOnce()));
    await dispatcher('bot-a').runOnce();
    await dispatcher('bot-b').runOnce();

    const stored = await storedDigests();
    expect(stored.map((d) => d.dedupeKey).sort()).toEqual([keyOf(BOUCHET), keyOf(DUFOUR)].sort());
    for (const delivery of stored) expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });

    const mails = digestsIn(peer.received);
    expect(mails.map((r) => r.recipients).sort()).toEqual(
      [[addresses.get(BOUCHET)], [addresses.get(DUFOUR)]].sort(),
    );
    expect(mails.map((r) => r.mail.messageId).sort()).toEqual(
      [messageIdOf(keyOf(BOUCHET), FROM), messageIdOf(keyOf(DUFOUR), FROM)].sort(),
    );
    // The refused reminder is listed to the coordinator only, not to the CAF's member.
    const textTo = (personId: string) =>
      mails.find((r) => r.recipients.includes(addresses.get(personId) as string))?.mail.text ?? '';
    expect(textTo(DUFOUR)).toContain('Pour les coordinateur·rices');
    expect(textTo(DUFOUR)).toContain('Boîte inconnue.');
    expect(textTo(BOUCHET)).toContain('La semaine de');
    expect(textTo(BOUCHET)).not.toContain('Pour les coordinateur·rices');
    expect(textTo(BOUCHET)).not.toContain('Boîte inconnue.');
    // Nothing of Dronne et Belle went to a chat channel: it has none (La Rochelle's digest did).
    const posted = world.sender.posted().map((s) => s.message.text);
    expect(posted.filter((text) => text.includes('La semaine de'))).toHaveLength(1);
    expect(posted.filter((text) => text.includes('Dronne et Belle'))).toEqual([]);
  });

  it('does not reach someone who left the governance after their digest was planned', async () => {
    const planned = await queueReminder(world.store, NOW, {
      dedupeKey: keyOf(BOUCHET),
      governanceId: DRONNE,
      kind: 'community_digest',
      recipient: { type: 'person', personId: BOUCHET, medium: 'email' },
      subject: { type: 'governance', id: DRONNE },
    });
    // Bouchet leaves: no role any more, and their seat on the comité ended yesterday.
    await world.store.transaction(async (repos) => {
      const governance = await repos.governances.get(DRONNE);
      if (!governance) throw new Error('demo changed');
      await repos.governances.update({
        ...governance,
        roles: governance.roles.filter((r) => r.personId !== BOUCHET),
        version: governance.version + 1,
      });
      for (const body of await repos.bodies.listByGovernance(DRONNE)) {
        if (!body.members.some((m) => m.personId === BOUCHET)) continue;
        await repos.bodies.update({
          ...body,
          members: body.members.map((m) =>
            m.personId === BOUCHET ? { ...m, until: '2026-11-26' } : m,
          ),
          version: body.version + 1,
        });
      }
    });
    await dispatcher('bot-a').runOnce();

    expect(digestsIn(peer.received).map((r) => r.recipients)).toEqual([[addresses.get(DUFOUR)]]);
    const [bouchet] = (await storedDigests()).filter((d) => d.id === planned.id);
    expect(bouchet).toMatchObject({
      status: 'skipped',
      lastError: 'Cette personne ne fait plus partie de la gouvernance.',
    });
  });

  it('is French, in plain text and HTML, links to the governance and unsubscribes from the digest', async () => {
    await dispatcher('bot-a').runOnce();
    const [delivery] = (await storedDigests()).filter((d) => d.dedupeKey === keyOf(DUFOUR));
    const [received] = digestsIn(peer.received).filter(
      (r) => r.mail.messageId === messageIdOf(keyOf(DUFOUR), FROM),
    );
    if (!delivery || !received) throw new Error('no digest for the coordinator');
    const { mail, rawHeaders } = received;
    expect(mail.subject).toBe(
      '[Maille] Résumé hebdomadaire de la communauté : 📰 La semaine de Gouvernance de l’inclusion numérique de Dronne et Belle',
    );
    expect(mail.text).toContain('Bonjour ');
    expect(mail.text).toContain('La semaine de Gouvernance de l’inclusion numérique de Dronne');
    expect(mail.text).not.toContain('**');
    // Milestones with their dates as a French reader says them.
    expect(mail.text).toMatch(/- « [^»]+ », \d{1,2} (novembre|décembre)/);
    expect(mail.text).toContain(`${WEB}/gouvernances/${DRONNE}`);
    expect(mail.html).toContain('lang="fr"');
    expect(mail.html).toContain(`href="${WEB}/gouvernances/${DRONNE}"`);
    expect(mail.text).toContain('Ne plus recevoir ce type de rappel (résumé hebdomadaire');
    const header = (name: string) =>
      rawHeaders
        .replace(/\r\n[ \t]+/g, ' ')
        .split('\r\n')
        .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    expect(header('List-Unsubscribe')).toContain(`<${WEB}/desabonnement/${delivery.id}>`);
    expect(header('List-Unsubscribe-Post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    // The link turns the digest off for the coordinator: next week's goes to Bouchet only.
    await unsubscribeReminder(
      {
        store: world.store,
        clock: world.clock,
        ids: timeOrderedIds(),
        actor: { instanceAdmin: true, channel: 'web' },
      },
      { deliveryId: delivery.id },
    );
    peer.received.length = 0;
    world.clock.advanceDays(7);
    await dispatcher('bot-a').runOnce();
    expect(digestsIn(peer.received).map((r) => r.recipients)).toEqual([[addresses.get(BOUCHET)]]);
  });
});
