import { createStore } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import { createApiKey, issueSignInLink, recordUpdate } from '@maille/domain/use-cases';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { type RunningApi, serveApi } from '../src/serve.ts';
import { DIALECT } from './harness.ts';

/*
 * The pages and the API share one cache of read models (2 s by default, 0.5 s here): a page read twice is
 * computed once, yet whoever changes something — through a page's form or through the API — sees
 * it on their next page at once.
 */

const NOW = new Date().toISOString();
const GIRAUD = 'per_lrgiraud';
const SHEET = '/fiches/act_lr0002';
const TTL_MS = 500;
let test: TestDatabase;
let api: RunningApi;

beforeAll(async () => {
  test = await openTestDatabase(DIALECT);
  await seedDemo(createStore(test.database), NOW);
  api = await serveApi({
    database: test.database,
    env: readEnv({ PORT: '0', LOG_LEVEL: 'silent', READ_MODEL_CACHE_MS: String(TTL_MS) }),
  });
});
afterAll(async () => {
  await api?.close();
  await test?.drop();
});

async function signedIn(personId: string): Promise<string> {
  const { secret } = await issueSignInLink(kernelAt(test.database, NOW), { personId });
  const response = await fetch(`${api.url}/connexion/${secret}`, {
    method: 'POST',
    headers: { Origin: api.url },
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const page = async (cookie: string) =>
  (await fetch(`${api.url}${SHEET}`, { headers: { Cookie: cookie } })).text();

it('shows a writer their change at once, by a page’s form or by the API', async () => {
  const cookie = await signedIn(GIRAUD);
  expect(await page(cookie)).not.toContain('Premier point posté de la page');

  const posted = await fetch(`${api.url}${SHEET}/points`, {
    method: 'POST',
    headers: {
      Origin: api.url,
      Cookie: cookie,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ kind: 'information', text: 'Premier point posté de la page.' }),
    redirect: 'manual',
  });
  expect(posted.status).toBe(303);
  expect(await page(cookie)).toContain('Premier point posté de la page.');

  const { token } = await createApiKey(kernelAt(test.database, NOW), {
    personId: GIRAUD,
    label: 'Son tableur',
    instanceAdmin: false,
  });
  const viaApi = await fetch(`${api.url}/updates`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      subject: { type: 'action', id: 'act_lr0002' },
      kind: 'information',
      text: 'Second point, envoyé par l’API.',
    }),
  });
  expect(viaApi.status).toBe(201);
  expect(await page(cookie)).toContain('Second point, envoyé par l’API.');
});

it('serves a page again from the cache, and a change made elsewhere after its time to live', async () => {
  const cookie = await signedIn(DEMO_IDS.laRochelle.coordinator);
  const before = await page(cookie);
  // Sent from the cache in the gzip form it keeps, as the API's read models are.
  const again = await fetch(`${api.url}${SHEET}`, {
    headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' },
  });
  expect(again.headers.get('content-encoding')).toBe('gzip');
  expect(await again.text()).toBe(before);
  // The bot writes to the database itself, not through this server.
  await recordUpdate(kernelAt(test.database, NOW, { personId: GIRAUD, channel: 'discord' }), {
    subject: { type: 'action', id: 'act_lr0002' },
    text: 'Point venu de Discord.',
  });
  expect(await page(cookie)).toBe(before);
  await new Promise((resolve) => setTimeout(resolve, TTL_MS + 100));
  expect(await page(cookie)).toContain('Point venu de Discord.');
});
