import { type BenchRow, timeOnce } from '@maille/bench';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import { smtpSender } from '../src/mail/smtp-sender.ts';
import { dueReminders, openDispatcherWorld } from '../test/dispatcher-world.ts';
import { startSmtpPeer } from '../test/smtp-peer.ts';

/**
 * E-mail throughput: 1 000 e-mail reminders due at once in the demo's La Rochelle, each loaded,
 * checked again, rendered, sent over SMTP (nodemailer's pool) to the test SMTP server on loopback
 * (smtp-server, each message parsed) and settled, on SQLite.
 */

const COUNT = 1_000;
const NOW = '2026-11-23T12:00:00.000Z';
const FROM = 'Maille <maille@exemple.fr>';

export async function benchEmail(): Promise<BenchRow> {
  const world = await openDispatcherWorld('sqlite', NOW);
  const peer = await startSmtpPeer();
  const mail = smtpSender({
    host: '127.0.0.1',
    port: peer.port,
    secure: false,
    requireStartTls: false,
    from: FROM,
  });
  try {
    await world.store.transaction(async (repos) => {
      for (const person of await repos.persons.getMany(world.persons.map((p) => p.id))) {
        await repos.persons.update({
          ...person,
          reminders: { ...person.reminders, medium: 'les_deux' },
          version: person.version + 1,
        });
      }
      await repos.deliveries.insertIfAbsent(
        dueReminders(COUNT, NOW, 'mail').map((d) => ({
          ...d,
          dedupeKey: `${d.dedupeKey}:email`,
          recipient:
            d.recipient.type === 'person'
              ? { ...d.recipient, medium: 'email' as const }
              : d.recipient,
        })),
      );
    });
    const dispatcher = createDispatcher({
      store: world.store,
      sender: world.sender,
      mail,
      mailLinks: { webUrl: 'https://maille.exemple.fr', from: FROM },
      clock: world.clock,
      claimant: 'bot-bench-mail',
      settings: { planning: false, batchSize: 100, concurrency: 8, maxPerCycle: COUNT },
      log: () => undefined,
    });
    const run = await timeOnce(() => dispatcher.runOnce());
    const sent = run.value.outcomes.sent;
    if (sent !== COUNT || peer.received.length !== COUNT) {
      throw new Error(`e-mail benchmark: ${sent} settled sent, ${peer.received.length} received`);
    }
    const perSecond = COUNT / (run.ms / 1000);
    console.log(`Courriel (SQLite) : ${COUNT} envois en ${Math.round(run.ms)} ms`);
    return {
      what: `Débit du répartiteur en courriel, ${COUNT} rappels dus, serveur SMTP de test en local (SQLite)`,
      result: `${Math.round(perSecond)} courriels/s`,
      target: '≥ 100 courriels/s',
      met: perSecond >= 100,
    };
  } finally {
    await mail.close();
    await peer.close();
    await world.drop();
  }
}
