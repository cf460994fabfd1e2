import { migrateToLatest, openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { startChat } from './chat-runner.ts';
import { EnvError, readEnv } from './env.ts';
import { fr } from './messages/fr.ts';

// The chat side of the bot alone: the Discord gateway with DISCORD_TOKEN, else the console chat
// (as the demo coordinator), until `/quitter` or Ctrl+D. Reminders are sent by the dispatcher
// (`pnpm dispatch`), which may run beside it, several times over on PostgreSQL; `pnpm start` at
// the root runs everything.

const texts = fr.programs;

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
  console.log(chat.where === 'discord' ? texts.botOnDiscord : texts.botInConsole);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= chat
      .stop()
      .then(() => database.close())
      .then(() => console.log(texts.botStopped));
    return stopped;
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // The person left the console chat: nothing else runs here, the process ends with it.
  await chat.ended;
  await stop();
}

main().catch((error: unknown) => {
  console.error(texts.botFailed(error instanceof EnvError ? error.message : String(error)));
  process.exitCode = 1;
});
