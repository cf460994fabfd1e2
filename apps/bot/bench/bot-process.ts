import { openDatabase } from '@maille/db';
import { discordSender } from '../src/adapters/discord/sender.ts';
import { startChat } from '../src/chat-runner.ts';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import { readEnv } from '../src/env.ts';

/*
 * The bot as the benchmark runs it: the chat (the real discord.js client) and the dispatcher in
 * one process, as `maille start` runs them, over the database the benchmark prepared (migrated
 * and seeded) and against the fake Discord given by DISCORD_API_URL. The dispatcher's REST client
 * may send more than Discord's 50 requests/s (rate limiting off, the fake has none), plans
 * nothing (the benchmark queues its own deliveries) and looks for due deliveries every 200 ms.
 */

const env = readEnv();
if (!env.DISCORD_TOKEN) throw new Error('bot-process: DISCORD_TOKEN is required');
const database = openDatabase({ url: env.DATABASE_URL });
const chat = await startChat({
  database,
  env,
  input: process.stdin,
  output: process.stdout,
  logError: (error) => console.error(error),
});
const dispatcher = createDispatcher({
  database,
  sender: discordSender({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    globalRequestsPerSecond: 100_000,
  }),
  settings: { planning: false, intervalMs: 200, batchSize: 100, maxPerCycle: 100_000 },
});
dispatcher.start();
console.log('bot-process ready');

process.once('SIGTERM', () => {
  void dispatcher
    .stop()
    .then(() => chat.stop())
    .then(() => database.close())
    .then(() => process.exit(0));
});
