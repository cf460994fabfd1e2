import { tableContents } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_KINDS } from '../src/errors/problems.ts';
import { openTestApi, type TestApi } from './harness.ts';
import { bearer } from './requests.ts';

/*
 * fast-check over every operation of the OpenAPI document: malformed bodies, queries, path
 * parameters and headers. Whatever comes in, the API never answers a 5xx, every error is a French
 * problem document carrying its request id, and a rejected request writes nothing. Seed-stable:
 * the same runs every time.
 */

const LR = DEMO_IDS.laRochelle;
// FUZZ_SEED explores other runs by hand; the suite itself always runs the same ones.
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const FRENCH_TITLES = new Set<string>(Object.values(PROBLEM_KINDS).map((kind) => kind.title));

/** Real demo ids for each path parameter. */
const PATH_VALUES: Record<string, string> = {
  roadmapId: LR.roadmap,
  governanceId: LR.governance,
  actionId: 'act_lr0001',
  milestoneId: 'mil_lr0101',
  fundingLineId: 'fun_lr0001',
  updateId: 'upd_lr0001',
  indicatorId: 'ind_lractions',
  measurementId: 'mes_lrq4actions',
  number: '1',
};

interface Operation {
  method: string;
  /** The OpenAPI path, with `{name}` placeholders. */
  template: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  ifMatch: boolean;
}

let api: TestApi;
let token: string;
let operations: Operation[] = [];

beforeAll(async () => {
  api = await openTestApi();
  token = await api.keyFor(LR.coordinator);
  const document = (await (await api.app.request('/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>
    >;
  };
  operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      pathParams: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      hasBody: op.requestBody !== undefined,
      ifMatch: (op.parameters ?? []).some((p) => p.in === 'header' && /^if-match$/i.test(p.name)),
    })),
  );
});

afterAll(async () => {
  await api?.drop();
});

/** Every row of every table but the API keys' (their last use is stamped on each request). */
const snapshot = () => tableContents(api.database, ['api_keys']);

function fill(operation: Operation, values: Record<string, string> = {}): string {
  return operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? PATH_VALUES[name] ?? name),
  );
}

/** The current ETag of what a write operation changes, to send a valid If-Match. */
async function currentTag(operation: Operation): Promise<string> {
  const resource = fill(operation).replace(
    /\/(transitions|promotion|adoption|reschedule|cancel)$/,
    '',
  );
  const response = await api.app.request(resource, { headers: bearer(token) });
  return response.headers.get('ETag') ?? '"x.1"';
}

/** Sends a request and checks the invariants; returns the status. */
async function check(path: string, init: RequestInit): Promise<number> {
  const before = await snapshot();
  const response = await api.app.request(path, init);
  const text = await response.text();
  const where = `${init.method ?? 'GET'} ${path.slice(0, 200)} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('Content-Type'), where).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(text) as { title?: string; requestId?: string };
    expect(FRENCH_TITLES.has(body.title ?? ''), where).toBe(true);
    expect(body.requestId, where).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.requestId, where).toBe(response.headers.get('X-Request-Id'));
    expect((await snapshot()) === before, `${where}: a rejected request wrote`).toBe(true);
  }
  return response.status;
}

const operation = () => fc.constantFrom(...operations);

/** Printable ASCII, which a header may carry. */
const headerText = (maxLength = 80) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** JSON nested `depth` deep, built as text (JSON.stringify itself would run out of stack). */
const deep = (depth: number): string => `${'{"a":['.repeat(depth)}"fond"${']}'.repeat(depth)}`;

/** A body as sent on the wire: random JSON, wrong types, huge or NUL-laden strings, deep nests. */
const malformedBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      subject: fc.oneof(fc.jsonValue(), fc.record({ type: fc.string(), id: fc.jsonValue() })),
      text: fc.oneof(fc.jsonValue(), fc.string({ unit: 'grapheme' })),
      kind: fc.jsonValue(),
      to: fc.jsonValue(),
      reason: fc.jsonValue(),
      name: fc.jsonValue(),
      title: fc.jsonValue(),
      completedOn: fc.oneof(fc.string(), fc.integer()),
      progress: fc.oneof(fc.double(), fc.string()),
      version: fc.jsonValue(),
    })
    .map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify({ text: 'x'.repeat(100_000) })),
  fc.constant(JSON.stringify({ text: 'a\u0000b', name: '\u0000', title: '\u0000' })),
  fc.constant('{"text": "a\\u0000"}'),
  fc.integer({ min: 50, max: 20_000 }).map(deep),
  fc.constant('['.repeat(10_000)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'),
  // Over the default body limit (1 Mio).
  fc.constant(JSON.stringify({ text: 'y'.repeat(1_100_000) })),
);

/** Broken percent-encodings, sent as they are. */
const BROKEN_ENCODINGS = ['%', '%E0%A4%A', '%zz', '%ff', '%c0%ae%c0%ae', '%00', '%2F', '%252e'];

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

describe('fuzz over every operation of the OpenAPI document', () => {
  it('knows the operations, and sees a write in its snapshot', async () => {
    expect(operations.length).toBeGreaterThan(5);
    const before = await snapshot();
    const response = await api.app.request('/updates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ subject: { type: 'roadmap', id: LR.roadmap }, text: 'Témoin.' }),
    });
    expect(response.status).toBe(201);
    expect(await snapshot()).not.toBe(before);
  });

  it('survives malformed bodies', async () => {
    await fc.assert(
      fc.asyncProperty(operation(), malformedBody, async (op, body) => {
        const headers: Record<string, string> = {
          'Content-Type': 'application/json',
          ...bearer(token),
        };
        if (op.ifMatch) headers['If-Match'] = await currentTag(op);
        const method = op.method === 'GET' ? 'POST' : op.method;
        await check(fill(op), { method, headers, body });
      }),
      params,
    );
  });

  it('survives malformed query values', async () => {
    const oddValue = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.constantFrom('-1', '0', '1e309', 'NaN', '9'.repeat(400), '%00', '..', '[]', 'null'),
      fc.integer().map(String),
      fc.constant('x'.repeat(20_000)),
      fc.constantFrom(...BROKEN_ENCODINGS),
    );
    await fc.assert(
      fc.asyncProperty(
        operation(),
        fc.array(fc.tuple(fc.constantFrom('limit', 'cursor', 'upcomingDays', 'x'), oddValue), {
          maxLength: 4,
        }),
        fc.boolean(),
        async (op, pairs, signedIn) => {
          const query = pairs
            .map(([k, v]) =>
              BROKEN_ENCODINGS.includes(v) ? `${k}=${v}` : `${k}=${encodeURIComponent(v)}`,
            )
            .join('&');
          const headers: Record<string, string> = signedIn ? bearer(token) : {};
          if (op.method !== 'GET') headers['Content-Type'] = 'application/json';
          if (op.ifMatch) headers['If-Match'] = '"pas.une.etiquette"';
          await check(`${fill(op)}?${query}`, {
            method: op.method,
            headers,
            ...(op.method === 'GET' ? {} : { body: '{}' }),
          });
        },
      ),
      params,
    );
  });

  it('survives malformed path parameters', async () => {
    const oddSegment = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '../../etc/passwd',
        '\u0000',
        'act_',
        'act_lr0001 ',
        'gov_dronnebelle',
        'rdm_dronnebelle',
        'mil_db0101',
        'act_db0001',
      ),
      fc.constantFrom(...BROKEN_ENCODINGS),
      fc.integer({ min: 300, max: 20_000 }).map((n) => 'a'.repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(
        operation().filter((op) => op.pathParams.length > 0),
        oddSegment,
        fc.boolean(),
        async (op, segment, raw) => {
          const values = Object.fromEntries(op.pathParams.map((name) => [name, segment]));
          // Raw: only what a URL may carry unencoded, as a client sending `..` would, or a broken
          // percent-encoding.
          const path =
            raw && (/^[\w.~-]+$/.test(segment) || BROKEN_ENCODINGS.includes(segment))
              ? op.template.replace(/\{(\w+)\}/g, segment)
              : fill(op, values);
          const headers: Record<string, string> = {
            ...bearer(token),
            'Content-Type': 'application/json',
          };
          if (op.ifMatch) headers['If-Match'] = `"${segment.replace(/[^\x20-\x7e]/g, '')}.1"`;
          await check(path, {
            method: op.method,
            headers,
            ...(op.method === 'GET' ? {} : { body: '{}' }),
          });
        },
      ),
      params,
    );
  });

  it('survives odd headers', async () => {
    const authorization = fc.oneof(
      headerText(),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a.b', 'Bearer ..'),
      headerText(40).map((t) => `Bearer ${t}`),
      fc.constant(`Bearer ${'x'.repeat(10_000)}`),
    );
    const ifMatch = fc.oneof(
      headerText(),
      fc.constantFrom('*', '""', 'W/"act_lr0001.1"', '"act_lr0001.-1"', '"act_lr0001.1e9"'),
      fc.constant(`"${'9'.repeat(400)}"`),
    );
    const contentType = fc.oneof(
      headerText(40),
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/problem+json',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        operation(),
        fc.option(authorization, { nil: undefined }),
        fc.option(ifMatch, { nil: undefined }),
        fc.option(contentType, { nil: undefined }),
        fc.option(headerText(300), { nil: undefined }),
        async (op, auth, tag, type, idempotencyKey) => {
          const headers: Record<string, string> = {};
          if (auth !== undefined) headers.Authorization = auth;
          if (tag !== undefined) headers['If-Match'] = tag;
          if (type !== undefined) headers['Content-Type'] = type;
          if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
          const body = JSON.stringify({ text: 'Bonjour.', to: 'suspendue' });
          await check(fill(op), {
            method: op.method,
            headers,
            ...(op.method === 'GET' ? {} : { body }),
          });
        },
      ),
      params,
    );
  });

  it('answers a method no operation has with a problem, writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        operation(),
        fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'PATCH', 'POST', 'GET'),
        fc.oneof(fc.jsonValue(), fc.string()),
        async (op, method, value) => {
          const known = operations.some((o) => o.template === op.template && o.method === method);
          fc.pre(!known);
          await check(fill(op), {
            method,
            headers: { ...bearer(token), 'Content-Type': 'application/json' },
            ...(method === 'GET' ? {} : { body: JSON.stringify(value) }),
          });
        },
      ),
      params,
    );
  });
});
