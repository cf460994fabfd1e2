import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import {
  createStore,
  migrateToLatest,
  openDatabase,
  purgeExpiredIdempotencyKeys,
  randomIds,
} from '@maille/db';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { EnvError, readEnv } from './env.ts';
import { fr } from './messages/fr.ts';

// Starts the API on PORT over the default SQLite file (or DATABASE_URL), migrating first. On
// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then close the database.

const PURGE_EVERY_MS = 60 * 60 * 1000;

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

  const app = createApp({
    store: createStore(database),
    database,
    clock: () => new Date().toISOString(),
    ids: randomIds(),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimits: {
      perKey: env.RATE_LIMIT_PER_MINUTE,
      perAddress: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY,
    corsOrigins: env.CORS_ORIGINS,
    logger: pino({ level: env.LOG_LEVEL }),
  });
  const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
    console.log(fr.server.listening(`http://localhost:${info.port}`));
  }) as Server;

  // Expired Idempotency-Key records go hourly (a reused key replaces its own expired record anyway).
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(database, new Date().toISOString()).catch((purgeError: unknown) =>
      console.error(purgeError),
    );
  }, PURGE_EVERY_MS);
  purge.unref();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearInterval(purge);
    console.log(fr.server.stopping(signal));
    // `close` refuses new connections and waits for the open ones; idle keep-alive connections
    // would hold it forever, so they are closed now and busy ones as soon as they answer.
    server.close(() => {
      database.close().then(
        () => console.log(fr.server.stopped),
        (closeError: unknown) => {
          console.error(closeError);
          process.exitCode = 1;
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(fr.server.failed(error instanceof EnvError ? error.message : String(error)));
  process.exitCode = 1;
});
