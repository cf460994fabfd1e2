/**
 * The bot in a terminal: `pnpm --filter @maille/bot console [--personne per_…] [--base url]
 * [--serveur id --salon id]`. Opens the database (the SQLite file of `pnpm start` by default),
 * brings its schema up to date and adds the demo if missing, then chats as the demo coordinator
 * or the person given, until `/quitter` or Ctrl+D.
 */
import { parseArgs } from 'node:util';
import { createStore, migrateToLatest, openDatabase, timeOrderedIds } from '@maille/db';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import { DEFAULT_WEB_URL } from '../../conversation/session.ts';
import { fr } from '../../messages/fr.ts';
import { runConsoleChat } from './console-chat.ts';

function readArguments() {
  try {
    return parseArgs({
      // `pnpm run x -- --personne …` passes the `--` along.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        personne: { type: 'string' },
        base: { type: 'string' },
        serveur: { type: 'string' },
        salon: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${fr.console.usage}`);
    process.exit(2);
  }
}

const { values } = readArguments();

const database = openDatabase({ url: values.base });
const stopping = new AbortController();
process.once('SIGINT', () => stopping.abort());
process.once('SIGTERM', () => stopping.abort());
try {
  const clock = () => new Date().toISOString();
  await migrateToLatest(database);
  await seedDemo(createStore(database), clock());
  await runConsoleChat({
    ctx: {
      store: createStore(database),
      clock,
      ids: timeOrderedIds(),
      webUrl: DEFAULT_WEB_URL,
      onError: (error) => console.error(error),
    },
    input: process.stdin,
    output: process.stdout,
    personId: values.personne ?? DEMO_IDS.laRochelle.coordinator,
    place:
      values.serveur && values.salon ? { guildId: values.serveur, channelId: values.salon } : {},
    terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
    signal: stopping.signal,
  });
} finally {
  await database.close();
}
