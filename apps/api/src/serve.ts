import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import {
  changeMark,
  createStore,
  type Database,
  purgeExpiredIdempotencyKeys,
  randomIds,
} from '@maille/db';
import type { Clock } from '@maille/domain/use-cases';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { replayReads } from './edge.ts';
import type { ServerSettings } from './env.ts';
import { BatchedLog } from './log-destination.ts';
import { RateLimiter } from './rate-limit.ts';
import { ReadModelCache } from './read-cache.ts';

const PURGE_EVERY_MS = 60 * 60 * 1000;
const LOG_FLUSH_LIMIT_MS = 2000;

/** An API listening on its port. */
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
 * Serves the API over `database` on `env.PORT` (0: a free port) with the settings of `env`.
 * Used by the API's own server and by `maille start`, which runs everything in one process.
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
  const log = new BatchedLog(logFd);
  const logger = pino({ level: env.LOG_LEVEL }, log);
  // Shared by the app and the edge in front of it, so that a replayed read counts and expires
  // like one the app answers.
  const edge = {
    readModels: new ReadModelCache(env.READ_MODEL_CACHE_MS, { changeMark: changeMark(database) }),
    limiter: new RateLimiter(
      { perKey: env.RATE_LIMIT_PER_MINUTE, perAddress: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE },
      clock,
    ),
    logger,
    trustProxy: env.TRUST_PROXY,
  };
  const app = createApp({
    store: createStore(database),
    database,
    clock,
    ids: randomIds(),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    corsOrigins: env.CORS_ORIGINS,
    logger,
    readModels: edge.readModels,
    limiter: edge.limiter,
    keyCacheTtlMs: env.API_KEY_CACHE_MS,
  });
  const server = createServer(replayReads(edge, getRequestListener(app.fetch)));
  server.listen(env.PORT);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // Once it serves (a failed start leaves no handler behind): lines still waiting when the process
  // ends without a graceful stop (process.exit, a crash) are written on the way out.
  const writeLogOnExit = () => log.flushSync();
  process.on('exit', writeLogOnExit);
  // Expired Idempotency-Key records go hourly (a reused key replaces its own expired record anyway).
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(database, clock()).catch((error: unknown) => console.error(error));
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
          server.closeIdleConnections();
        });
      } finally {
        // A log output that stopped reading (a stalled collector) must not hold the stop forever:
        // past the limit, what is left gets one last, bounded, blocking try.
        await new Promise<void>((resolve) => {
          log.flush(() => resolve());
          setTimeout(resolve, LOG_FLUSH_LIMIT_MS).unref();
        });
        process.off('exit', writeLogOnExit);
        log.flushSync();
      }
    },
  };
}
