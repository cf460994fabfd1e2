import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createStore, type Database, timeOrderedIds } from '@maille/db';
import { openTestDatabase, testDialect } from '@maille/db/testing';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import {
  type Actor,
  type Clock,
  createApiKey,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import type { Logger } from 'pino';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import type { RateLimits } from '../src/middleware/rate-limit.ts';
import type { ReadModelCache } from '../src/read-models/cache.ts';

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

/** The dialect this run of the suite uses (`MAILLE_TEST_DIALECT`, SQLite by default). */
export const DIALECT = testDialect();

/**
 * The API over a fresh database of the run's dialect — a SQLite file in its own temporary folder,
 * or a PostgreSQL schema of its own — migrated and seeded with the demo at `NOW`.
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
  readModels,
}: {
  bodyLimitBytes?: number;
  rateLimits?: RateLimits;
  trustProxy?: number;
  corsOrigins?: string[];
  logger?: Logger;
  clock?: Clock;
  readModelTtlMs?: number;
  readModels?: ReadModelCache;
} = {}): Promise<TestApi> {
  const test = await openTestDatabase(DIALECT);
  const { database } = test;
  await seedDemo(createStore(database), NOW);
  const store = createStore(database);
  const ids = timeOrderedIds();
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
    readModels,
  });
  const kernel: TestApi['kernel'] = (actor) => ({
    store,
    clock,
    ids,
    actor: { ...actor, channel: 'cli' },
  });
  return {
    app,
    database,
    kernel,
    keyFor: async (personId) =>
      (
        await createApiKey(kernel({ instanceAdmin: true }), {
          personId,
          label: 'Tests',
          instanceAdmin: false,
        })
      ).token,
    drop: () => test.drop(),
  };
}

/**
 * An API of its own for the running test (`openTestApi`'s options), dropped when the test ends,
 * passed or failed.
 */
export async function openApiForTest(
  options: Parameters<typeof openTestApi>[0] = {},
): Promise<TestApi> {
  const api = await openTestApi(options);
  onTestFinished(() => api.drop());
  return api;
}

/** An app served over real HTTP on a free loopback port, as the server runs it. */
export interface ListeningApi {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `api`'s app with `@hono/node-server`, as `serveApi` does, for tests that need what only a
 * real connection shows (a request without Content-Length, a socket's address, a browser).
 */
export async function listen(api: TestApi): Promise<ListeningApi> {
  const server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The demo's people the tests act as, one per role a permission depends on. */
export const ROLE_PEOPLE = {
  /** La Rochelle's coordinator. */
  coordinator: DEMO_IDS.laRochelle.coordinator,
  /** A member of La Rochelle, whose organization (the CDA) carries A1.1 and A1.2. */
  member: 'per_lrmarchand',
  /** An observer of La Rochelle: reads everything, carries nothing. */
  observer: 'per_lrlefevre',
  /** Dronne et Belle's coordinator: of another governance. */
  outsider: DEMO_IDS.dronneEtBelle.coordinator,
} as const;

/**
 * A key for each of `ROLE_PEOPLE`, and `admin`: an instance administrator's key (held by the
 * outsider, so that only the instance-wide right lets it through).
 *
 * @example
 * const { coordinator, member, outsider } = await keysByRole(api);
 */
export async function keysByRole(
  api: TestApi,
): Promise<Record<keyof typeof ROLE_PEOPLE | 'admin', string>> {
  const { token: admin } = await createApiKey(api.kernel({ instanceAdmin: true }), {
    personId: ROLE_PEOPLE.outsider,
    label: 'Administration',
    instanceAdmin: true,
  });
  return {
    coordinator: await api.keyFor(ROLE_PEOPLE.coordinator),
    member: await api.keyFor(ROLE_PEOPLE.member),
    observer: await api.keyFor(ROLE_PEOPLE.observer),
    outsider: await api.keyFor(ROLE_PEOPLE.outsider),
    admin,
  };
}

/** The suite's API (see `suiteApi`): a `TestApi` with a key per role. */
export interface SuiteApi extends TestApi {
  keys: Awaited<ReturnType<typeof keysByRole>>;
}

/**
 * The API a test file shares between its tests, on the demo: opened before the first (with
 * `openTestApi`'s options), with a key per role (`keys`), dropped after the last. Read it inside
 * hooks and tests only; a file's own `beforeAll` runs after this one.
 *
 * @example
 * const api = suiteApi();
 * it('reads', async () => {
 *   await api.app.request('/roadmaps', { headers: bearer(api.keys.member) });
 * });
 */
export function suiteApi(options: Parameters<typeof openTestApi>[0] = {}): SuiteApi {
  let opened: SuiteApi | undefined;
  beforeAll(async () => {
    const api = await openTestApi(options);
    opened = { ...api, keys: await keysByRole(api) };
  });
  afterAll(async () => {
    await opened?.drop();
  });
  const current = (): SuiteApi => {
    if (!opened) throw new Error('suiteApi : l’API s’ouvre avant le premier test, pas avant.');
    return opened;
  };
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get keys() {
      return current().keys;
    },
    kernel: (actor) => current().kernel(actor),
    keyFor: (personId) => current().keyFor(personId),
    drop: () => current().drop(),
  };
}
