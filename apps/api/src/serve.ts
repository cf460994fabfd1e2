import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  changeMark,
  createStore,
  type Database,
  purgeExpiredIdempotencyKeys,
  timeOrderedIds,
} from '@maille/db';
import { type Clock, forgetEndedSignIns } from '@maille/domain/use-cases';
import { createWeb, isPagePath } from '@maille/web';
import { pino } from 'pino';
import { createApp } from './app.ts';
import type { ServerSettings } from './env.ts';
import { traceRequests } from './middleware/access-log.ts';
import { ReadModelCache } from './read-models/cache.ts';

const PURGE_EVERY_MS = 60 * 60 * 1000;
/** How long a stop waits for the log to be written, should its output have stopped reading. */
const LOG_FLUSH_LIMIT_MS = 2000;

/** The API and the web workspace listening on one port. */
export interface RunningApi {
  /** Where it answers, e.g. `http://localhost:3000`. */
  url: string;
  /**
   * Stops accepting connections, lets the requests in flight finish, then resolves. The database
   * stays open: whoever opened it closes it, once nothing uses it any more.
   */
  close(): Promise<void>;
}

/**
 * Serves the API and the web workspace (`@maille/web`) over `database` on `env.PORT` (0: a free
 * port) with the settings of `env`.
 * Used by the API's own server and by `maille start`, which runs everything in one process.
 * The request log goes to `logFd`: by default, JSON lines on the standard output.
 *
 * @example
 * const api = await serveApi({ database, env: readEnv() });
 * console.log(api.url);
 * await api.close();
 */
export async function serveApi({
  database,
  env,
  clock = () => new Date().toISOString(),
  logFd = 1,
}: {
  database: Database;
  env: ServerSettings;
  clock?: Clock;
  /** Where the request log is written: a file descriptor (stdout by default). */
  logFd?: number;
}): Promise<RunningApi> {
  // Asynchronous, written out on the way out; past 8 MiB waiting (a stalled collector), lines drop.
  const logOutput = pino.destination({ dest: logFd, sync: false, maxLength: 8 * 1024 * 1024 });
  const logger = pino({ level: env.LOG_LEVEL }, logOutput);
  // One cache of read models for the API and the pages: a change made through either is seen at
  // once by its writer in both.
  const readModels = new ReadModelCache(env.READ_MODEL_CACHE_MS, {
    changeMark: changeMark(database),
  });
  const app = createApp({
    store: createStore(database),
    database,
    clock,
    ids: timeOrderedIds(),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimits: {
      perKey: env.RATE_LIMIT_PER_MINUTE,
      perAddress: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    trustProxy: env.TRUST_PROXY,
    corsOrigins: env.CORS_ORIGINS,
    logger,
    readModels,
    keyCacheTtlMs: env.API_KEY_CACHE_MS,
  });
  // The web workspace on the same port: its French paths go to the pages, the rest to the API.
  const web = createWeb({
    store: createStore(database),
    clock,
    ids: timeOrderedIds(),
    chromiumPath: env.CHROMIUM_PATH,
    readModels,
    // In the request log, not on the terminal `maille start` gives to the chat.
    logError: (error) => logger.error({ err: error }, 'erreur inattendue d’une page'),
    requestLog: traceRequests(logger),
  });
  const server = serve({
    fetch: (request, ...rest) =>
      isPagePath(new URL(request.url).pathname)
        ? web.fetch(request, ...rest)
        : app.fetch(request, ...rest),
    port: env.PORT,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // Hourly: expired Idempotency-Key records (a reused key replaces its own expired record anyway),
  // and the sign-in links and sessions that can open nothing any more.
  const housekeeping = { store: createStore(database), clock, ids: timeOrderedIds() };
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(database, clock()).catch((error: unknown) => console.error(error));
    forgetEndedSignIns({ ...housekeeping, actor: { channel: 'web' } }).catch((error: unknown) =>
      console.error(error),
    );
  }, PURGE_EVERY_MS);
  purge.unref();
  return {
    url: `http://localhost:${port}`,
    close: async () => {
      clearInterval(purge);
      try {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // `close` waits for open connections: idle keep-alive ones would hold it forever, so
          // they are closed now, and busy ones as soon as they have answered.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
      } finally {
        // Not `logger.flush(cb)`: with sonic-boom's default `minLength` of 0 it calls back at
        // once, before the lines queued are written, and whoever closes `logFd` next loses them.
        // 'drain' comes once everything queued is written; the empty write asks for one even
        // when nothing is queued.
        await new Promise<void>((resolve) => {
          logOutput.once('drain', resolve);
          logOutput.write('');
          setTimeout(resolve, LOG_FLUSH_LIMIT_MS).unref();
        });
      }
    },
  };
}
