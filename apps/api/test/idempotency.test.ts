import { createHash } from 'node:crypto';
import { claimIdempotencyKey, IDEMPOTENCY_LEASE_MS, idempotentStore } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOW, openTestApi, type TestApi } from './harness.ts';
import { bearer, expectProblem, postJson } from './requests.ts';

const LR = DEMO_IDS.laRochelle;

let api: TestApi;
let coordinator: string;
let member: string;
// The API's clock, moved by the tests about expiry and abandoned claims.
let now = NOW;

beforeAll(async () => {
  api = await openTestApi({ clock: () => now });
  coordinator = await api.keyFor(LR.coordinator);
  member = await api.keyFor(LR.coordinator);
});

afterAll(async () => {
  await api?.drop();
});

beforeEach(() => {
  now = NOW;
});

const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const keyIdOf = (token: string) => token.slice('mai_'.length, token.indexOf('.'));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let counter = 0;
/** An update body no other test sends. */
function updateBody(): { subject: { type: 'roadmap'; id: string }; text: string } {
  counter += 1;
  return { subject: { type: 'roadmap', id: LR.roadmap }, text: `Point d’étape n° ${counter}.` };
}

function post(body: unknown, key: string | undefined, token = coordinator) {
  return api.app.request(
    '/updates',
    postJson(body, { ...bearer(token), ...(key === undefined ? {} : { 'Idempotency-Key': key }) }),
  );
}

/** The updates whose text is `text`: how many times a request had its effect. */
async function recorded(text: string): Promise<number> {
  const updates = await api
    .kernel({ instanceAdmin: true })
    .store.transaction((repos) => repos.updates.listByGovernance(LR.governance));
  return updates.filter((update) => update.text === text).length;
}

describe('Idempotency-Key on POST', () => {
  it('runs a request once and answers its retry with the first response, saying so', async () => {
    const body = updateBody();
    const first = await post(body, '"cle-1"');
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotency-Replayed')).toBeNull();
    const firstBody = await first.text();

    const retry = await post(body, '"cle-1"');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
    expect(retry.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(retry.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await retry.text()).toBe(firstBody);
    expect(await recorded(body.text)).toBe(1);
  });

  it('accepts a bare key as a quoted one, and runs a request without a key every time', async () => {
    const body = updateBody();
    expect((await post(body, 'cle-nue')).status).toBe(201);
    expect((await post(body, 'cle-nue')).headers.get('Idempotency-Replayed')).toBe('true');
    expect((await post(body, undefined)).status).toBe(201);
    expect(await recorded(body.text)).toBe(2);
  });

  it('gives a retried completion the first success instead of « already reached »', async () => {
    const milestone = 'mil_lr0101';
    const complete = () =>
      api.app.request(`/milestones/${milestone}/complete`, {
        method: 'POST',
        headers: { ...bearer(coordinator), 'Idempotency-Key': '"jalon-1"' },
      });
    const first = await complete();
    expect(first.status).toBe(200);
    const retry = await complete();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await retry.json()).toMatchObject({ id: milestone, status: 'atteint' });
  });

  it('refuses the same key with another body (422), writing nothing', async () => {
    const body = updateBody();
    expect((await post(body, '"cle-2"')).status).toBe(201);
    const other = updateBody();
    const response = await post(other, '"cle-2"');
    await expectProblem(response, 422, 'cle-idempotence-reutilisee');
    expect(await recorded(other.text)).toBe(0);
  });

  it('keeps each API key’s records apart: the same key from another caller runs', async () => {
    const body = updateBody();
    expect((await post(body, '"cle-3"', coordinator)).status).toBe(201);
    const fromOther = await post(body, '"cle-3"', member);
    expect(fromOther.status).toBe(201);
    expect(fromOther.headers.get('Idempotency-Replayed')).toBeNull();
    expect(await recorded(body.text)).toBe(2);
  });

  it('refuses a malformed or too long key (400), and a key without an API key (401)', async () => {
    const body = updateBody();
    for (const key of ['', 'a b', '"ouvert', `"${'k'.repeat(256)}"`, 'é']) {
      await expectProblem(await post(body, key), 400, 'cle-idempotence-invalide');
    }
    expect((await post(body, `"${'k'.repeat(255)}"`)).status).toBe(201);
    const anonymous = await api.app.request(
      '/updates',
      postJson(body, { 'Idempotency-Key': '"cle-publique"' }),
    );
    const problem = await expectProblem(anonymous, 401, 'non-authentifie');
    expect(problem.detail).toMatch(/clé d’API/);
    expect(await recorded(body.text)).toBe(1);
  });

  it('releases the key of a refused request: corrected, it runs under the same key', async () => {
    const refused = await post({ subject: { type: 'roadmap', id: LR.roadmap } }, '"cle-4"');
    await expectProblem(refused, 400, 'validation');
    const body = updateBody();
    const corrected = await post(body, '"cle-4"');
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('Idempotency-Replayed')).toBeNull();
    expect(await recorded(body.text)).toBe(1);
  });

  it('answers 409 while another attempt holds the key, then lets a retry take an abandoned one', async () => {
    const body = updateBody();
    // Another instance claimed the key and is still running (or died before its effect).
    const scope = { owner: keyIdOf(coordinator), method: 'POST', path: '/updates', key: 'cle-5' };
    const held = await claimIdempotencyKey(api.database, scope, sha256(JSON.stringify(body)), NOW);
    expect(held.kind).toBe('claimed');

    const meanwhile = await post(body, '"cle-5"');
    await expectProblem(meanwhile, 409, 'requete-en-cours');
    expect(meanwhile.headers.get('Retry-After')).toBe('1');
    expect(await recorded(body.text)).toBe(0);

    // Its lease is over and it left no effect: the retry runs, once.
    now = later(IDEMPOTENCY_LEASE_MS + 1000);
    expect((await post(body, '"cle-5"')).status).toBe(201);
    expect((await post(body, '"cle-5"')).headers.get('Idempotency-Replayed')).toBe('true');
    expect(await recorded(body.text)).toBe(1);
  });

  it('never runs again a request whose effect committed but whose answer was lost', async () => {
    const body = updateBody();
    const scope = { owner: keyIdOf(coordinator), method: 'POST', path: '/updates', key: 'cle-6' };
    const held = await claimIdempotencyKey(api.database, scope, sha256(JSON.stringify(body)), NOW);
    if (held.kind !== 'claimed') throw new Error(held.kind);
    // The effect's transaction committed (with its mark), then the process died.
    await idempotentStore(api.database, held.claim).transaction(async () => undefined);

    now = later(IDEMPOTENCY_LEASE_MS + 1000);
    const retry = await post(body, '"cle-6"');
    const problem = await expectProblem(retry, 409, 'conflit');
    expect(problem.detail).toMatch(/réponse a été perdue/);
    expect(await recorded(body.text)).toBe(0);
  });

  it('gives concurrent identical requests one effect', async () => {
    const body = updateBody();
    const responses = await Promise.all([1, 2, 3].map(() => post(body, '"cle-7"')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(await recorded(body.text)).toBe(1);
  });

  it('forgets a key after 24 hours: it may then carry a new request', async () => {
    expect((await post(updateBody(), '"cle-8"')).status).toBe(201);
    now = later(24 * 60 * 60 * 1000 + 1000);
    const body = updateBody();
    const fresh = await post(body, '"cle-8"');
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('Idempotency-Replayed')).toBeNull();
    expect(await recorded(body.text)).toBe(1);
  });

  it('documents the header and its problems on every POST operation of the OpenAPI document', async () => {
    const document = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }
        >
      >;
    };
    const posts = Object.values(document.paths).flatMap((item) => (item.post ? [item.post] : []));
    expect(posts.length).toBeGreaterThan(0);
    for (const operation of posts) {
      expect(operation.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
      );
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['400', '409', '422']),
      );
    }
    const gets = Object.values(document.paths).flatMap((item) => (item.get ? [item.get] : []));
    for (const operation of gets) {
      expect(operation.parameters ?? []).not.toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key' }),
      );
    }
  });
});
