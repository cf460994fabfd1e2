import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { DEMO_IDS } from '@maille/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningApi, listen, openTestApi, type TestApi } from './harness.ts';

/*
 * The API over a real connection, as clients reach it: what only HTTP on a socket shows —
 * compression, conditional reads, and requests written as curl writes them (no Content-Length,
 * no Content-Type when there is no body).
 */

const LR = DEMO_IDS.laRochelle;
const HEALTH = `/roadmaps/${LR.roadmap}/health`;
const BODY_LIMIT = 4096;

let api: TestApi;
let server: ListeningApi;
let token: string;

beforeAll(async () => {
  api = await openTestApi({ readModelTtlMs: 60_000, bodyLimitBytes: BODY_LIMIT });
  server = await listen(api);
  token = await api.keyFor(LR.coordinator);
});
afterAll(async () => {
  await server?.close();
  await api?.drop();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Sends a request exactly as written — `lines` are its request line and headers, then `body`
 * as is — and reads the answer until the server closes the connection. The socket stays open
 * for writing, as a client's does while it waits: a half-closed one would abort the request.
 */
async function raw(lines: string[], body = ''): Promise<RawAnswer> {
  const socket = connect(server.port, '127.0.0.1');
  socket.write(`${[...lines, 'Host: 127.0.0.1', 'Connection: close'].join('\r\n')}\r\n\r\n${body}`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const all = Buffer.concat(chunks);
  const end = all.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = all.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let rest: Buffer = all.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') rest = unchunked(rest);
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest };
}

function unchunked(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

const json = (answer: RawAnswer) => JSON.parse(answer.body.toString('utf8'));

describe('a read model over HTTP', () => {
  it('is gzipped for a browser, tagged, protected, and counted like any answer', async () => {
    const browser = ['Accept-Encoding: gzip, deflate, br, zstd', `Authorization: Bearer ${token}`];
    const first = await raw([`GET ${HEALTH} HTTP/1.1`, ...browser]);
    const again = await raw([`GET ${HEALTH} HTTP/1.1`, ...browser]);
    for (const answer of [first, again]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers.etag).toMatch(/^W\/"/);
      expect(answer.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(JSON.parse(String(gunzipSync(again.body))).roadmap.id).toBe(LR.roadmap);
    expect(gunzipSync(again.body)).toEqual(gunzipSync(first.body));
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    // Each read is counted, the cached one too.
    const left = (answer: RawAnswer) => Number(/r=(\d+)/.exec(answer.headers.ratelimit ?? '')?.[1]);
    expect(left(again)).toBe(left(first) - 1);
  });

  it('answers 304 without a body to a client holding it, and plain JSON to one without gzip', async () => {
    const key = `Authorization: Bearer ${token}`;
    const plain = await raw([`GET ${HEALTH} HTTP/1.1`, key]);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(json(plain).roadmap.id).toBe(LR.roadmap);
    const held = await raw([
      `GET ${HEALTH} HTTP/1.1`,
      key,
      'Accept-Encoding: gzip',
      `If-None-Match: ${plain.headers.etag}`,
    ]);
    expect(held.status).toBe(304);
    expect(held.body.length).toBe(0);
    expect(held.headers.etag).toBe(plain.headers.etag);
    expect(held.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(held.headers.ratelimit).toMatch(/^"par-cle";r=\d+;t=\d+$/);
  });
});

describe('a request without a body, as curl sends it (no Content-Length, no Content-Type)', () => {
  it('goes through to an operation that takes no body: a POST creates, a DELETE revokes', async () => {
    const key = `Authorization: Bearer ${token}`;
    const created = await raw([`POST /governances/${LR.governance}/calendar-feeds HTTP/1.1`, key]);
    expect(created.status).toBe(201);
    const feed = json(created) as { id: string };
    const revoked = await raw([`DELETE /calendar-feeds/${feed.id} HTTP/1.1`, key]);
    expect(revoked.status).toBe(204);
  });

  it('is told in French that the operation expects a JSON body, when it does', async () => {
    const answer = await raw(['POST /updates HTTP/1.1', `Authorization: Bearer ${token}`]);
    expect(answer.status).toBe(415);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers['accept-post']).toBe('application/json');
    expect(json(answer).detail).toContain('attend un corps JSON');
  });

  it('gets 404 on an unknown path and 405 with Allow on a known one, key or not', async () => {
    for (const key of [[], [`Authorization: Bearer ${token}`]]) {
      const unknown = await raw(['DELETE /nope HTTP/1.1', ...key]);
      expect(unknown.status).toBe(404);
      expect(json(unknown).type).toBe('https://maille.example/problemes/introuvable');
      const wrongMethod = await raw([`DELETE /governances/${LR.governance} HTTP/1.1`, ...key]);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('GET, HEAD, PATCH');
    }
  });
});

describe('a body that is not JSON', () => {
  it('is refused with 415 and the type the API reads', async () => {
    const body = '{"subject":{"type":"roadmap","id":"rdm_larochelle"},"text":"Bonjour."}';
    const answer = await raw(
      [
        'POST /updates HTTP/1.1',
        `Authorization: Bearer ${token}`,
        'Content-Type: application/x-www-form-urlencoded',
        `Content-Length: ${body.length}`,
      ],
      body,
    );
    expect(answer.status).toBe(415);
    expect(answer.headers['accept-post']).toBe('application/json');
    expect(json(answer).detail).toContain('doit être du JSON');
  });
});

describe('an anonymous write', () => {
  it('is refused with 401 before its body is read, whatever the body', async () => {
    const announced = [
      'POST /updates HTTP/1.1',
      'Content-Type: application/json',
      // Announced far over the limit, and never sent: only a refusal before reading can answer.
      `Content-Length: ${BODY_LIMIT * 100}`,
    ];
    const oversized = await raw(announced, '{"subject":');
    expect(oversized.status).toBe(401);
    expect(oversized.headers['www-authenticate']).toBe('Bearer realm="maille"');
    expect(json(oversized).detail).toContain('Une clé d’API est nécessaire');

    const notJson = await raw(
      ['POST /updates HTTP/1.1', 'Content-Type: text/plain', 'Content-Length: 7'],
      'Bonjour',
    );
    expect(notJson.status).toBe(401);
    const malformed = await raw(
      ['POST /updates HTTP/1.1', 'Content-Type: application/json', 'Content-Length: 11'],
      '{"subject":',
    );
    expect(malformed.status).toBe(401);
  });
});
