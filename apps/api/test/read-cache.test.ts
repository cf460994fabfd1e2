import { gunzipSync, inflateSync } from 'node:zlib';
import { changeMark } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { updateRoadmap } from '@maille/domain/use-cases';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ReadModelCache } from '../src/read-models/cache.ts';
import { openApiForTest, openTestApi, type TestApi } from './harness.ts';
import { bearer, postJson } from './requests.ts';

/*
 * Read models served from memory (READ_MODEL_CACHE_MS): what a user can notice is a change made
 * elsewhere showing late, never their own change, and never another reader's rights.
 */

const LR = DEMO_IDS.laRochelle;
const HEALTH = `/roadmaps/${LR.roadmap}/health`;
let api: TestApi;
let coordinator: Record<string, string>;

beforeEach(async () => {
  api = await openTestApi({ readModelTtlMs: 60_000 });
  coordinator = bearer(await api.keyFor(LR.coordinator));
});
afterEach(() => api.drop());

async function health(headers: Record<string, string> = {}) {
  const response = await api.app.request(HEALTH, { headers });
  return {
    status: response.status,
    body: (await response.json()) as { roadmap: { title: string } },
  };
}

async function renameBehindTheApi(title: string) {
  // Another process writing to the same database: the bot, another instance, the command.
  const ctx = api.kernel({ personId: LR.coordinator });
  const roadmap = await ctx.store.transaction((repos) => repos.roadmaps.get(LR.roadmap));
  await updateRoadmap(ctx, { id: LR.roadmap, expectedVersion: roadmap?.version, patch: { title } });
}

it('shows a change made elsewhere only once the entry expires, and its own changes at once', async () => {
  const before = (await health(coordinator)).body.roadmap.title;
  await renameBehindTheApi('Feuille de route renommée ailleurs');
  expect((await health(coordinator)).body.roadmap.title).toBe(before);

  // Any change through this API empties the cache: the writer reads what is in the database.
  const posted = await api.app.request(
    '/updates',
    postJson(
      { subject: { type: 'roadmap', id: LR.roadmap }, kind: 'information', text: 'Comité fixé.' },
      coordinator,
    ),
  );
  expect(posted.status).toBe(201);
  expect((await health(coordinator)).body.roadmap.title).toBe('Feuille de route renommée ailleurs');
});

it('keeps each reader’s answer apart: a cached read never lends its rights to another', async () => {
  const ctx = api.kernel({ personId: LR.coordinator });
  const roadmap = await ctx.store.transaction((repos) => repos.roadmaps.get(LR.roadmap));
  await updateRoadmap(ctx, {
    id: LR.roadmap,
    expectedVersion: roadmap?.version,
    patch: { public: false },
  });
  expect((await health(coordinator)).status).toBe(200);
  expect((await health()).status).toBe(404);
  // A refusal is not kept: once the roadmap is public again, the public reads it at once.
  const hidden = await ctx.store.transaction((repos) => repos.roadmaps.get(LR.roadmap));
  await updateRoadmap(ctx, {
    id: LR.roadmap,
    expectedVersion: hidden?.version,
    patch: { public: true },
  });
  expect((await health()).status).toBe(200);
});

it('sends a read model compressed to a client that accepts it, and 304 to one that holds it', async () => {
  const dashboard = `/governances/${LR.governance}/dashboard`;
  for (const path of [HEALTH, dashboard]) {
    const plain = await api.app.request(path, { headers: coordinator });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    const etag = plain.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^W\/"/);

    const expected = await plain.json();
    const browser = await api.app.request(path, {
      headers: { ...coordinator, 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(browser.headers.get('Content-Encoding')).toBe('gzip');
    expect(browser.headers.get('ETag')).toBe(etag);
    const unzipped = gunzipSync(Buffer.from(await browser.arrayBuffer()));
    expect(JSON.parse(String(unzipped))).toEqual(expected);
    const held = await api.app.request(path, {
      headers: { ...coordinator, 'If-None-Match': etag },
    });
    expect(held.status).toBe(304);
    expect(await held.text()).toBe('');

    // A client that refuses gzip gets plain JSON; one that takes only deflate gets deflate.
    const noGzip = await api.app.request(path, {
      headers: { ...coordinator, 'Accept-Encoding': 'gzip;q=0, identity' },
    });
    expect(noGzip.headers.get('Content-Encoding')).toBeNull();
    expect(await noGzip.json()).toEqual(expected);
    const deflate = await api.app.request(path, {
      headers: { ...coordinator, 'Accept-Encoding': 'deflate' },
    });
    expect(deflate.headers.get('Content-Encoding')).toBe('deflate');
    const inflated = inflateSync(Buffer.from(await deflate.arrayBuffer()));
    expect(JSON.parse(String(inflated))).toEqual(expected);
  }
});

it('on the server’s settings, shows a change written by another part of the process once the entry expires', async () => {
  // As `serveApi` builds it: the database's change mark keeps an entry while nothing is written.
  let now = 1000;
  const readModels = new ReadModelCache(2000, {
    now: () => now,
    changeMark: () => mark(),
  });
  const own = await openApiForTest({ readModels });
  const mark = changeMark(own.database);
  const key = bearer(await own.keyFor(LR.coordinator));
  const read = async () => {
    const response = await own.app.request(HEALTH, { headers: key });
    return ((await response.json()) as { roadmap: { title: string } }).roadmap.title;
  };
  const before = await read();
  now = 60_000;
  expect(await read()).toBe(before);
  // The bot, in the same process as the API under `maille start`, writes on the same connection.
  const ctx = own.kernel({ personId: LR.coordinator });
  const roadmap = await ctx.store.transaction((repos) => repos.roadmaps.get(LR.roadmap));
  await updateRoadmap(ctx, {
    id: LR.roadmap,
    expectedVersion: roadmap?.version,
    patch: { title: 'Renommée par le bot' },
  });
  now = 120_000;
  expect(await read()).toBe('Renommée par le bot');
});
