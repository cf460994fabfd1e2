import { createApiKey, createStore, type Database, randomIds, seedDemo } from '@maille/db';
import { openTestDatabase, testDialect } from '@maille/db/testing';
import type { Actor, Clock, UseCaseContext } from '@maille/domain/use-cases';
import type { Logger } from 'pino';
import { expect } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { PROBLEM_KINDS, type ProblemKind } from '../src/problems.ts';
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
}: {
  bodyLimitBytes?: number;
  rateLimits?: RateLimits;
  trustProxy?: number;
  corsOrigins?: string[];
  logger?: Logger;
  clock?: Clock;
  readModelTtlMs?: number;
} = {}): Promise<TestApi> {
  const test = await openTestDatabase(DIALECT);
  const { database } = test;
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
    drop: () => test.drop(),
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

/** Checks an error is a French problem document of `kind` carrying the request id; returns it. */
export async function expectProblem(response: Response, status: number, kind: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as { type: string; title: string; detail: string };
  expect(body.type).toBe(`https://maille.example/problemes/${kind}`);
  expect(body.title).toBe(PROBLEM_KINDS[kind as ProblemKind].title);
  expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  return body;
}
