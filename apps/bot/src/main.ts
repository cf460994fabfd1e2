import { migrateToLatest, openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { startChat } from './chat-runner.ts';
import { EnvError, readEnv } from './env.ts';

// The chat side of the bot alone: the Discord gateway with DISCORD_TOKEN, else the console chat
// (as the demo coordinator). Reminders are sent by the dispatcher (`pnpm dispatch`), which may
// run beside it, several times over on PostgreSQL; `pnpm start` at the root runs everything.

const texts = {
  database: (where: string) => `Base de données : ${where}`,
  discord: 'Bot connecté à Discord : les commandes /jalons, /point… répondent.',
  console:
    'Pas de DISCORD_TOKEN : le bot répond ici, dans le terminal (tapez /aide ; Ctrl+D pour quitter).',
  stopped: 'Bot arrêté.',
  failed: (message: string) => `Le bot n’a pas pu démarrer : ${message}`,
};

async function main(): Promise<void> {
  const env = readEnv();
  const database = openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  const { error } = await migrateToLatest(database);
  if (error) {
    await database.close();
    throw error;
  }
  console.log(texts.database(database.file ?? 'PostgreSQL'));
  const chat = await startChat({
    database,
    env,
    input: process.stdin,
    output: process.stdout,
    consolePersonId: DEMO_IDS.laRochelle.coordinator,
  });
  console.log(chat.where === 'discord' ? texts.discord : texts.console);
  const stop = async () => {
    await chat.stop();
    await database.close();
    console.log(texts.stopped);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await chat.ended;
  if (chat.where === 'console') await stop();
}

main().catch((error: unknown) => {
  console.error(texts.failed(error instanceof EnvError ? error.message : String(error)));
  process.exitCode = 1;
});
