import { Writable } from 'node:stream';
import { DEMO_IDS } from '@maille/demo';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { NOW, openApiForTest } from './harness.ts';
import { bearer, fromAddress } from './requests.ts';

const LR = DEMO_IDS.laRochelle;

/** A clock the test moves forward: no test sleeps. */
function movableClock() {
  let now = Date.parse(NOW);
  return {
    clock: () => new Date(now).toISOString(),
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

const governance = `/governances/${LR.governance}`;

describe('rate limiting', () => {
  it('counts each key, says so on every answer, and answers 429 in French past the limit', async () => {
    const time = movableClock();
    const api = await openApiForTest({
      rateLimits: { perKey: 3, perAddress: 2 },
      clock: time.clock,
    });
    const token = await api.keyFor(LR.coordinator);
    const remaining: (string | null)[] = [];
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      // From three addresses: the key is what counts.
      const response = await api.app.request(
        governance,
        { headers: bearer(token) },
        fromAddress(address),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('RateLimit-Policy')).toBe('"par-cle";q=3;w=60');
      remaining.push(response.headers.get('RateLimit'));
    }
    expect(remaining).toEqual(['"par-cle";r=2;t=60', '"par-cle";r=1;t=60', '"par-cle";r=0;t=60']);

    time.advance(18);
    const refused = await api.app.request(
      governance,
      { headers: bearer(token) },
      fromAddress('192.0.2.9'),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('Retry-After')).toBe('42');
    expect(refused.headers.get('RateLimit')).toBe('"par-cle";r=0;t=42');
    const body = (await refused.json()) as {
      type: string;
      title: string;
      detail: string;
      requestId: string;
    };
    expect(body.type).toBe('https://maille.example/problemes/trop-de-requetes');
    expect(body.title).toBe('Trop de requêtes');
    expect(body.detail).toContain('Retry-After');
    expect(body.requestId).toBe(refused.headers.get('X-Request-Id'));

    // The public from the same address still has its own count.
    const anonymous = await api.app.request('/healthz', {}, fromAddress('192.0.2.1'));
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('RateLimit-Policy')).toBe('"par-adresse";q=2;w=60');

    time.advance(42);
    const again = await api.app.request(governance, { headers: bearer(token) });
    expect(again.status).toBe(200);
    expect(again.headers.get('RateLimit')).toBe('"par-cle";r=2;t=60');
  });

  it('counts the public per address, and invalid keys with it', async () => {
    const api = await openApiForTest({ rateLimits: { perKey: 100, perAddress: 2 } });
    const from = fromAddress('198.51.100.4');
    expect((await api.app.request('/healthz', {}, from)).status).toBe(200);
    const wrongKey = { headers: bearer('mai_000000000000.nope') };
    const refusedKey = await api.app.request('/healthz', wrongKey, from);
    expect(refusedKey.status).toBe(401);
    expect(refusedKey.headers.get('RateLimit')).toBe('"par-adresse";r=0;t=60');
    // Trying keys does not escape the limit: the third request is refused before any check.
    expect((await api.app.request('/healthz', wrongKey, from)).status).toBe(429);
    expect((await api.app.request('/healthz', {}, from)).status).toBe(429);
    // Another address, another count; an unknown route is counted and says so too.
    const other = await api.app.request('/nulle-part', {}, fromAddress('198.51.100.5'));
    expect(other.status).toBe(404);
    expect(other.headers.get('RateLimit')).toBe('"par-adresse";r=1;t=60');
  });

  it('ignores X-Forwarded-For by default: a forged header does not dodge the limit', async () => {
    const api = await openApiForTest({ rateLimits: { perKey: 100, perAddress: 2 } });
    const statuses: number[] = [];
    for (const forged of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const response = await api.app.request(
        '/healthz',
        { headers: { 'X-Forwarded-For': forged } },
        fromAddress('198.51.100.7'),
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('with TRUST_PROXY=1, counts the address the proxy appended to X-Forwarded-For', async () => {
    const api = await openApiForTest({ rateLimits: { perKey: 100, perAddress: 2 }, trustProxy: 1 });
    const proxy = fromAddress('10.0.0.2');
    const via = (forwarded: string) =>
      api.app.request('/healthz', { headers: { 'X-Forwarded-For': forwarded } }, proxy);
    // Two clients behind the same proxy: separate counts.
    expect((await via('203.0.113.1')).status).toBe(200);
    expect((await via('203.0.113.2')).status).toBe(200);
    expect((await via('203.0.113.1')).status).toBe(200);
    // What the client itself wrote before the proxy's entry changes nothing.
    expect((await via('6.6.6.6, 203.0.113.1')).status).toBe(429);
    // Without the header, the proxy itself is the client.
    expect((await api.app.request('/healthz', {}, proxy)).status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'authorization, if-match, content-type',
    },
  });

  it('sends no CORS header when no origin is configured', async () => {
    const api = await openApiForTest({});
    const read = await api.app.request('/healthz', { headers: { Origin: 'https://a.example' } });
    expect(read.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const asked = await api.app.request(governance, preflight('https://a.example'));
    expect(asked.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(asked.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it('answers the preflight of a listed origin with the methods and headers the API uses', async () => {
    const api = await openApiForTest({ corsOrigins: ['https://a.example', 'https://b.example'] });
    const asked = await api.app.request(governance, preflight('https://b.example'));
    expect(asked.status).toBe(204);
    expect(asked.headers.get('Access-Control-Allow-Origin')).toBe('https://b.example');
    const methods = asked.headers.get('Access-Control-Allow-Methods') ?? '';
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
      expect(methods).toContain(method);
    const allowed = asked.headers.get('Access-Control-Allow-Headers') ?? '';
    for (const header of ['Authorization', 'If-Match', 'Idempotency-Key', 'Content-Type']) {
      expect(allowed).toContain(header);
    }
    expect(asked.headers.get('Vary')).toContain('Origin');

    const read = await api.app.request('/healthz', { headers: { Origin: 'https://a.example' } });
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe('https://a.example');
    const exposed = read.headers.get('Access-Control-Expose-Headers') ?? '';
    for (const header of [
      'ETag',
      'Link',
      'RateLimit',
      'RateLimit-Policy',
      'Retry-After',
      'X-Request-Id',
    ]) {
      expect(exposed).toContain(header);
    }
  });

  it('gives nothing to an origin that is not listed', async () => {
    const api = await openApiForTest({ corsOrigins: ['https://a.example'] });
    const asked = await api.app.request(governance, preflight('https://evil.example'));
    expect(asked.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const read = await api.app.request('/healthz', { headers: { Origin: 'https://evil.example' } });
    expect(read.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

/** A logger whose JSON lines the test reads back. */
function capturingLogger() {
  const written: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        written.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );
  return { logger, written };
}

describe('request log', () => {
  it('reports an unexpected error under the request id, as JSON', async () => {
    const { logger, written } = capturingLogger();
    const api = await openApiForTest({ logger });
    const token = await api.keyFor(LR.coordinator);
    await api.database.close();
    const response = await api.app.request(governance, { headers: bearer(token) });
    expect(response.status).toBe(500);
    const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    const id = response.headers.get('X-Request-Id');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'erreur inattendue', requestId: id });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'requête', requestId: id, status: 500 });
    expect(written.join('\n')).not.toContain(token.slice(token.indexOf('.') + 1));
  });

  it('writes one JSON line per request with ids only, never a secret nor an address', async () => {
    const { logger, written } = capturingLogger();
    const api = await openApiForTest({ logger });
    const token = await api.keyFor(LR.coordinator);
    const keyId = token.slice('mai_'.length, token.indexOf('.'));
    const address = fromAddress('192.0.2.77');

    const read = await api.app.request(governance, { headers: bearer(token) }, address);
    expect(read.status).toBe(200);
    await api.app.request('/healthz', { headers: bearer(`${token}x`) }, address);
    await api.app.request('/personnes/jeanne.dupont@example.org?nom=Dupont', {}, address);

    expect(written).toHaveLength(3);
    const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'requête',
      requestId: read.headers.get('X-Request-Id'),
      method: 'GET',
      route: '/governances/:governanceId',
      status: 200,
      keyId,
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(lines[1]).toMatchObject({ route: '/healthz', status: 401, keyId: null });
    expect(lines[2]).toMatchObject({ route: null, status: 404, keyId: null });

    const all = written.join('\n');
    expect(all).not.toContain(token.slice(token.indexOf('.') + 1));
    expect(all).not.toContain('Bearer');
    expect(all).not.toContain('192.0.2.77');
    expect(all).not.toContain('jeanne');
    expect(all).not.toContain('Dupont');
  });
});

describe('OpenAPI', () => {
  it('says every operation may answer 429', async () => {
    const api = await openApiForTest({});
    const document = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(5);
    for (const operation of operations) expect(operation.responses).toHaveProperty('429');
  });
});
