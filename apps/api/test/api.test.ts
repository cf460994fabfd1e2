import { DEMO_IDS } from '@maille/demo';
import { getRoadmapHealth, revokeApiKey, updateRoadmap } from '@maille/domain/use-cases';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, openApiForTest, suiteApi } from './harness.ts';
import { bearer, expectProblem, postJson } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;

let lateMilestoneIds: string[];

const api = suiteApi({ bodyLimitBytes: 4096 });

beforeAll(async () => {
  // Both demo roadmaps are public; La Rochelle's is unpublished here so that what another
  // governance may not see can be checked. Dronne et Belle's stays public.
  await updateRoadmap(api.kernel({ personId: LR.coordinator }), {
    id: LR.roadmap,
    patch: { public: false },
  });
  const { health } = await getRoadmapHealth(api.kernel({ personId: LR.coordinator }), {
    roadmapId: LR.roadmap,
  });
  lateMilestoneIds = health.lateMilestones.map((m) => m.id);
});

describe('operations', () => {
  it('says it is alive, with a request id and secure headers', async () => {
    const response = await api.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('is ready while the database answers', async () => {
    const response = await api.app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is not ready once the database is closed', async () => {
    const closed = await openApiForTest();
    await closed.database.close();
    const response = await closed.app.request('/readyz');
    await expectProblem(response, 503, 'indisponible');
  });

  it('publishes an OpenAPI 3.1 document listing its routes in French', async () => {
    const response = await api.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { summary: string; responses: Record<string, { content?: Record<string, unknown> }> }
        >
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    // Which routes exist is the permission matrix's to check (it fails on one it does not know).
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/updates', '/roadmaps/{roadmapId}/health']),
    );
    expect(document.paths['/updates']?.post?.summary).toBe('Publier un point d’étape');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path}`).toMatch(/[a-zé]/);
        for (const [status, answer] of Object.entries(operation.responses)) {
          if (Number(status) >= 400) {
            expect(Object.keys(answer.content ?? {}), `${method} ${path} ${status}`).toEqual([
              'application/problem+json',
            ]);
          }
        }
      }
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await api.app.request('/nulle-part');
    const body = await expectProblem(response, 404, 'introuvable');
    expect(body.instance).toBe('/nulle-part');
  });
});

describe('GET /roadmaps/{roadmapId}/health', () => {
  it('gives the api.keys.coordinator the health of the roadmap, late milestones included', async () => {
    const response = await api.app.request(`/roadmaps/${LR.roadmap}/health`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      roadmap: { id: string };
      health: { today: string; lateMilestones: { id: string; daysLate: number }[] };
    };
    expect(body.roadmap.id).toBe(LR.roadmap);
    expect(body.health.today).toBe(NOW.slice(0, 10));
    expect(lateMilestoneIds.length).toBeGreaterThan(0);
    expect(body.health.lateMilestones.map((m) => m.id)).toEqual(lateMilestoneIds);
    expect(body.health.lateMilestones.every((m) => m.daysLate > 0)).toBe(true);
  });

  it('answers 404, not 403, to the api.keys.coordinator of another governance', async () => {
    const response = await api.app.request(`/roadmaps/${LR.roadmap}/health`, {
      headers: bearer(api.keys.outsider),
    });
    const body = await expectProblem(response, 404, 'introuvable');
    expect(body.detail).not.toMatch(/gov_larochelle/);
  });

  it('answers 404 to the public for a roadmap that is not published', async () => {
    const response = await api.app.request(`/roadmaps/${LR.roadmap}/health`);
    await expectProblem(response, 404, 'introuvable');
  });

  it('lets the public read an adopted roadmap marked public', async () => {
    const response = await api.app.request(`/roadmaps/${DB.roadmap}/health?upcomingDays=60`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { roadmap: { id: string } }).roadmap.id).toBe(DB.roadmap);
  });

  it('refuses a malformed id or query with the path of the faulty parameter', async () => {
    const response = await api.app.request('/roadmaps/nimporte/health', {
      headers: bearer(api.keys.coordinator),
    });
    const body = await expectProblem(response, 400, 'validation');
    expect(body.errors).toEqual([{ path: '/roadmapId', message: expect.stringContaining('rdm_') }]);
    const query = await api.app.request(`/roadmaps/${LR.roadmap}/health?upcomingDays=abc`);
    expect((await expectProblem(query, 400, 'validation')).errors?.[0]?.path).toBe('/upcomingDays');
  });

  it('refuses a bad key with a 401 problem in French', async () => {
    const unknown = await api.app.request(`/roadmaps/${DB.roadmap}/health`, {
      headers: bearer(`mai_AAAAAAAAAAAA.${'A'.repeat(43)}`),
    });
    const body = await expectProblem(unknown, 401, 'non-authentifie');
    expect(body.detail).toBe('Cette clé d’API est inconnue ou révoquée.');
    expect(unknown.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);

    const malformed = await api.app.request(`/roadmaps/${DB.roadmap}/health`, {
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect((await expectProblem(malformed, 401, 'non-authentifie')).detail).toMatch(/Bearer/);
  });

  it('refuses a revoked key', async () => {
    const token = await api.keyFor(LR.coordinator);
    await revokeApiKey(api.kernel({ instanceAdmin: true }), { keyId: token });
    const response = await api.app.request(`/roadmaps/${LR.roadmap}/health`, {
      headers: bearer(token),
    });
    await expectProblem(response, 401, 'non-authentifie');
  });
});

describe('POST /updates', () => {
  it('records an update for the key’s person, visible through the kernel', async () => {
    const response = await api.app.request(
      '/updates',
      postJson(
        { subject: { type: 'roadmap', id: LR.roadmap }, kind: 'information', text: 'Comité fixé.' },
        bearer(api.keys.coordinator),
      ),
    );
    expect(response.status).toBe(201);
    const update = (await response.json()) as { id: string; authorId: string; channel: string };
    expect(update).toMatchObject({ authorId: LR.coordinator, channel: 'api' });
    expect(response.headers.get('Location')).toBe(`/updates/${update.id}`);
    const stored = await api
      .kernel({ personId: LR.coordinator })
      .store.transaction((repos) => repos.updates.listByGovernance(LR.governance));
    expect(stored.map((u) => u.id)).toContain(update.id);
  });

  it('refuses an invalid body with JSON pointers and French messages, writing nothing', async () => {
    const before = await countUpdates();
    const response = await api.app.request(
      '/updates',
      postJson(
        { subject: { type: 'roadmap', id: 'pas-un-id' }, progress: 140 },
        bearer(api.keys.coordinator),
      ),
    );
    const body = await expectProblem(response, 400, 'validation');
    const paths = body.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['/subject/id', '/text', '/progress']));
    // zod's own messages come in French too, not only the kernel's.
    for (const error of body.errors ?? []) expect(error.message).not.toMatch(/expected|received/i);
    expect(body.errors?.find((e) => e.path === '/text')?.message).toBe('Ce champ est obligatoire.');
    expect(body.errors?.find((e) => e.path === '/subject/id')?.message).toMatch(
      /Identifiant invalide/,
    );
    expect(await countUpdates()).toBe(before);
  });

  it('refuses an update without a key before reading it, as the public may not write', async () => {
    const before = await countUpdates();
    const valid = { subject: { type: 'roadmap', id: DB.roadmap }, text: 'Bonjour.' };
    const refused = await api.app.request('/updates', postJson(valid));
    const problem = await expectProblem(refused, 401, 'non-authentifie');
    expect(problem.detail).toContain('Une clé d’API est nécessaire pour modifier');
    expect(refused.headers.get('WWW-Authenticate')).toBe('Bearer realm="maille"');
    // Whatever the body — too large, not JSON, malformed — the answer is the same 401.
    for (const init of [
      postJson({ ...valid, text: 'x'.repeat(5000) }),
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Bonjour.' },
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"subject": ' },
      postJson({ progress: 140 }),
    ]) {
      await expectProblem(await api.app.request('/updates', init), 401, 'non-authentifie');
    }
    expect(await countUpdates()).toBe(before);
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const response = await api.app.request('/updates', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(api.keys.coordinator) },
      body: '{"subject": ',
    });
    const body = await expectProblem(response, 400, 'json-mal-forme');
    expect(body.detail).toMatch(/JSON/);
  });

  it('refuses another content type with a 415 problem', async () => {
    const before = await countUpdates();
    const response = await api.app.request('/updates', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...bearer(api.keys.coordinator) },
      body: JSON.stringify({ subject: { type: 'roadmap', id: LR.roadmap }, text: 'Comité.' }),
    });
    await expectProblem(response, 415, 'type-de-contenu');
    expect(await countUpdates()).toBe(before);
  });

  it('refuses a body over the limit with a 413 problem', async () => {
    const response = await api.app.request(
      '/updates',
      postJson(
        { subject: { type: 'roadmap', id: LR.roadmap }, text: 'x'.repeat(5000) },
        bearer(api.keys.coordinator),
      ),
    );
    await expectProblem(response, 413, 'trop-volumineux');
  });
});

describe('POST /milestones/{milestoneId}/complete', () => {
  it('completes a late milestone once, then answers 409', async () => {
    const milestoneId = lateMilestoneIds[0] as string;
    const first = await api.app.request(`/milestones/${milestoneId}/complete`, {
      method: 'POST',
      headers: bearer(api.keys.coordinator),
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: milestoneId, status: 'atteint' });

    const second = await api.app.request(
      `/milestones/${milestoneId}/complete`,
      postJson({}, bearer(api.keys.coordinator)),
    );
    const body = await expectProblem(second, 409, 'conflit');
    expect(body.detail).toBe('Ce jalon est déjà atteint.');
  });

  it('answers 404 to the api.keys.coordinator of another governance, and changes nothing', async () => {
    const milestoneId = lateMilestoneIds[1] as string;
    const response = await api.app.request(`/milestones/${milestoneId}/complete`, {
      method: 'POST',
      headers: bearer(api.keys.outsider),
    });
    await expectProblem(response, 404, 'introuvable');
    const milestone = await api
      .kernel({ personId: LR.coordinator })
      .store.transaction((repos) => repos.milestones.get(milestoneId));
    expect(milestone?.status).not.toBe('atteint');
  });

  it('validates the body with the kernel’s schema', async () => {
    const response = await api.app.request(
      `/milestones/${lateMilestoneIds[1]}/complete`,
      postJson({ completedOn: '24/11/2026' }, bearer(api.keys.coordinator)),
    );
    const body = await expectProblem(response, 400, 'validation');
    expect(new Set(body.errors?.map((e) => e.path))).toEqual(new Set(['/completedOn']));
    expect(body.errors?.[0]?.message).toBe('Date attendue au format AAAA-MM-JJ.');
  });
});

async function countUpdates(): Promise<number> {
  const updates = await api
    .kernel({ instanceAdmin: true })
    .store.transaction((repos) => repos.updates.listByGovernance(LR.governance));
  return updates.length;
}
