import { type BenchRow, timeOnce } from '@maille/bench';
import type { DialectName } from '@maille/db';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import type { ChatSender } from '../src/dispatcher/sender.ts';
import { dueReminders, openDispatcherWorld } from '../test/dispatcher-world.ts';

/**
 * Dispatcher throughput: 5 000 reminders due at once in the demo's La Rochelle, each loaded,
 * checked again, rendered, sent and settled by one dispatcher, to a sender that answers at once.
 * What this measures is the dispatcher and the database; the figure through the fake Discord
 * (HTTP, the adapter) is measured by `discord.ts`, against the bot's own process.
 */

const COUNT = 5_000;
const NOW = '2026-11-23T12:00:00.000Z';
/** Answers at once, like a platform with no latency and no rate limit. */
function instantSender(): ChatSender & { count: number } {
  const sender = {
    count: 0,
    async sendDirect() {
      sender.count++;
      return { messageId: String(sender.count) };
    },
    async sendToChannel() {
      sender.count++;
      return { messageId: String(sender.count) };
    },
  };
  return sender;
}

const label = (dialect: DialectName) => (dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL');

export async function benchDispatcher(dialect: DialectName): Promise<BenchRow> {
  const world = await openDispatcherWorld(dialect, NOW);
  try {
    await world.store.transaction((repos) =>
      repos.deliveries.insertIfAbsent(dueReminders(COUNT, NOW, 'bench')),
    );
    const sender = instantSender();
    const dispatcher = createDispatcher({
      store: world.store,
      sender,
      clock: world.clock,
      claimant: 'bot-bench',
      settings: { planning: false, batchSize: 100, concurrency: 8, maxPerCycle: COUNT },
    });
    const run = await timeOnce(() => dispatcher.runOnce());
    const sent = run.value.outcomes.sent;
    if (sent !== COUNT || sender.count !== COUNT) {
      throw new Error(`dispatcher benchmark: ${sent} settled sent, ${sender.count} sends`);
    }
    const perSecond = COUNT / (run.ms / 1000);
    console.log(`${label(dialect)} : ${COUNT} envois en ${Math.round(run.ms)} ms`);
    return {
      what: `Débit du répartiteur, ${COUNT} rappels dus, envoyeur sans latence (${label(dialect)})`,
      result: `${Math.round(perSecond)} envois/s`,
      target: '≥ 200 envois/s',
      met: perSecond >= 200,
    };
  } finally {
    await world.drop();
  }
}
