import { migrateToLatest, openDatabase } from '@maille/db';
import { EnvError, readEnv } from './env.ts';
import { fr } from './messages/fr.ts';
import { serveApi } from './serve.ts';

// The API alone (several instances may run side by side on PostgreSQL): migrates, then serves
// on PORT. On SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database.

async function main(): Promise<void> {
  const env = readEnv();
  const database = openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  const { error, applied } = await migrateToLatest(database);
  if (error) {
    await database.close();
    throw error;
  }
  console.log(fr.server.database(database.file ?? 'PostgreSQL'));
  console.log(fr.server.migrated(applied.length));

  const api = await serveApi({ database, env });
  console.log(fr.server.listening(api.url));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(fr.server.stopping(signal));
    api
      .close()
      .then(() => database.close())
      .then(
        () => console.log(fr.server.stopped),
        (closeError: unknown) => {
          console.error(closeError);
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(fr.server.failed(error instanceof EnvError ? error.message : String(error)));
  process.exitCode = 1;
});
