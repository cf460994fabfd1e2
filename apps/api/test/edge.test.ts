import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { DEMO_IDS } from '@maille/demo';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { replayReads } from '../src/edge.ts';
import { RateLimiter } from '../src/rate-limit.ts';
import { ReadModelCache } from '../src/read-cache.ts';
import { NOW, openTestApi, type TestApi } from './harness.ts';
import { bearer } from './requests.ts';

/*
 * The server's edge, over real HTTP: a read the app answered from its cache is answered again
 * without the app, and nobody can tell but by the app not being called.
 */

const LR = DEMO_IDS.laRochelle;
const HEALTH = `/roadmaps/${LR.roadmap}/health`;
const PER_ADDRESS = 5;

let api: TestApi;
let server: Server;
let port: number;
/** Requests that reached the app (the edge did not answer them). */
let reachedApp: string[];
let token: string;

beforeEach(async () => {
  const clock = () => NOW;
  const parts = {
    readModels: new ReadModelCache(60_000),
    limiter: new RateLimiter({ perKey: 1000, perAddress: PER_ADDRESS }, clock),
    logger: pino({ enabled: false }),
    trustProxy: 0,
  };
  api = await openTestApi({ clock, readModels: parts.readModels, limiter: parts.limiter });
  token = await api.keyFor(LR.coordinator);
  reachedApp = [];
  const app = getRequestListener(api.app.fetch);
  server = createServer(
    replayReads(parts, (incoming, outgoing) => {
      reachedApp.push(`${incoming.method} ${incoming.url}`);
      return app(incoming, outgoing);
    }),
  ).listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.close();
  await api.drop();
});

function get(path: string, headers: Record<string, string> = {}) {
  return send('GET', path, headers);
}

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const outgoing = request({ host: '127.0.0.1', port, path, method, headers });
  outgoing.end(body);
  const [incoming] = (await once(outgoing, 'response')) as [import('node:http').IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return { status: incoming.statusCode, headers: incoming.headers, body: Buffer.concat(chunks) };
}

it('answers a repeated read from memory as the app did: same body and protections, its own id and count', async () => {
  const headers = { ...bearer(token), 'Accept-Encoding': 'gzip, deflate, br' };
  const first = await get(HEALTH, headers);
  const again = await get(HEALTH, headers);
  expect(reachedApp).toEqual([`GET ${HEALTH}`]);

  expect(first.status).toBe(200);
  expect(again.status).toBe(200);
  expect(again.headers['content-encoding']).toBe('br');
  expect(JSON.parse(String(brotliDecompressSync(again.body)))).toEqual(
    JSON.parse(String(brotliDecompressSync(first.body))),
  );
  expect(JSON.parse(String(brotliDecompressSync(again.body))).roadmap.id).toBe(LR.roadmap);
  for (const name of [
    'content-type',
    'etag',
    'vary',
    'content-security-policy',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
    'cross-origin-resource-policy',
    'ratelimit-policy',
  ]) {
    expect(again.headers[name], name).toBe(first.headers[name]);
  }
  expect(again.headers['content-length']).toBe(String(again.body.length));
  expect(again.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  // Counted as the app counts: one request less left in the window.
  expect(first.headers.ratelimit).toMatch(/^"par-cle";r=999;/);
  expect(again.headers.ratelimit).toMatch(/^"par-cle";r=998;/);

  // The same content to a client that holds it: 304, no body; and as is to one without gzip.
  const unchanged = await get(HEALTH, { ...headers, 'If-None-Match': String(first.headers.etag) });
  expect(unchanged.status).toBe(304);
  expect(unchanged.body.length).toBe(0);
  const plain = await get(HEALTH, bearer(token));
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(String(plain.body))).toEqual(
    JSON.parse(String(brotliDecompressSync(first.body))),
  );
  expect(reachedApp).toHaveLength(1);
});

it('never lends one caller’s read to another: another key, the public or a bad key go to the app', async () => {
  await get(HEALTH, bearer(token));
  const other = await api.keyFor('per_lrlefevre');
  expect((await get(HEALTH, bearer(other))).status).toBe(200);
  expect((await get(HEALTH)).status).toBe(200);
  const wrong = await get(HEALTH, bearer(`${token}x`));
  expect(wrong.status).toBe(401);
  expect(reachedApp).toHaveLength(4);
});

it('ends every replay at the first change made through the app, which then reads afresh', async () => {
  const before = await get(HEALTH, bearer(token));
  const roadmap = await get(`/roadmaps/${LR.roadmap}`, bearer(token));
  const renamed = await send(
    'PATCH',
    `/roadmaps/${LR.roadmap}`,
    {
      ...bearer(token),
      'Content-Type': 'application/json',
      'If-Match': String(roadmap.headers.etag),
    },
    JSON.stringify({ title: 'Feuille de route renommée avant le comité' }),
  );
  expect(renamed.status).toBe(200);
  const after = await get(HEALTH, bearer(token));
  expect(reachedApp).toEqual([
    `GET ${HEALTH}`,
    `GET /roadmaps/${LR.roadmap}`,
    `PATCH /roadmaps/${LR.roadmap}`,
    `GET ${HEALTH}`,
  ]);
  expect(JSON.parse(String(after.body)).roadmap.title).toBe(
    'Feuille de route renommée avant le comité',
  );
  expect(after.headers.etag).not.toBe(before.headers.etag);
});

it('lets the app refuse a request over its limit, and a cross-origin one go through the app', async () => {
  for (let index = 0; index < PER_ADDRESS; index += 1) {
    expect((await get(HEALTH)).status).toBe(200);
  }
  const refused = await get(HEALTH);
  expect(refused.status).toBe(429);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.headers['retry-after']).toBeDefined();
  expect(reachedApp).toEqual([`GET ${HEALTH}`, `GET ${HEALTH}`]);

  await get(HEALTH, { ...bearer(token), Origin: 'https://tableau.example' });
  await get(HEALTH, { ...bearer(token), Origin: 'https://tableau.example' });
  expect(reachedApp).toHaveLength(4);
});
