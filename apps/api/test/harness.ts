import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createApiKey,
  createStore,
  type Database,
  migrateToLatest,
  openDatabase,
  randomIds,
  seedDemo,
} from '@maille/db';
import type { Actor, Clock, UseCaseContext } from '@maille/domain/use-cases';
import type { Logger } from 'pino';
import { type App, createApp } from '../src/app.ts';
import type { RateLimits } from '../src/rate-limit.ts';

/** The instant the demo is seeded at and the API's clock stands still on. */
export const NOW = '2026-11-24T09:00:00.000Z';

export interface TestApi {
  app: App;
  database: Database;
  /** The kernel's context as someone, to set up and check what the API did. */
  kernel(actor: Omit<Actor, 'channel'>): UseCaseContext;
  /** A bearer token acting for `personId`. */
  keyFor(personId: string): Promise<string>;
  drop(): Promise<void>;
}

/**
 * The API over a fresh SQLite file in its own temporary folder, migrated and seeded with the demo
 * at `NOW`, as packages/db's test harness does.
 */
export async function openTestApi({
  bodyLimitBytes,
  // Loose unless a test is about them: the clock stands still, so a window never ends.
  rateLimits = { perKey: 1_000_000, perAddress: 1_000_000 },
  trustProxy,
  corsOrigins,
  logger,
  clock = () => NOW,
  readModelTtlMs,
}: {
  bodyLimitBytes?: number;
  rateLimits?: RateLimits;
  trustProxy?: number;
  corsOrigins?: string[];
  logger?: Logger;
  clock?: Clock;
  readModelTtlMs?: number;
} = {}): Promise<TestApi> {
  const folder = mkdtempSync(join(tmpdir(), 'maille-api-test-'));
  const database = openDatabase({ url: join(folder, 'maille.db') });
  const { error } = await migrateToLatest(database);
  if (error) throw error;
  await seedDemo(database, NOW);
  const store = createStore(database);
  const ids = randomIds();
  const app = createApp({
    store,
    database,
    clock,
    ids,
    bodyLimitBytes,
    rateLimits,
    trustProxy,
    corsOrigins,
    logger,
    readModelTtlMs,
  });
  return {
    app,
    database,
    kernel: (actor) => ({ store, clock, ids, actor: { ...actor, channel: 'cli' } }),
    keyFor: async (personId) =>
      (await createApiKey(database, { personId, label: 'Tests', instanceAdmin: false, now: NOW }))
        .token,
    drop: async () => {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The `Authorization` header of a token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The bindings `@hono/node-server` gives a request from `address`: `app.request(url, init, fromAddress(…))`. */
export const fromAddress = (address: string) => ({
  incoming: { socket: { remoteAddress: address } },
});

/** A JSON POST. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
