import { DEMO_IDS } from '@maille/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';
import { bearer, expectProblem } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await openTestApi();
  token = await api.keyFor(LR.coordinator);
});

afterAll(async () => {
  await api?.drop();
});

describe('405 Method Not Allowed', () => {
  it('answers a known path called with another method with 405, Allow and a French problem', async () => {
    const response = await api.app.request(`/governances/${LR.governance}`, {
      method: 'DELETE',
      headers: bearer(token),
    });
    const problem = await expectProblem(response, 405, 'methode-non-autorisee');
    expect(response.headers.get('Allow')).toBe('GET, HEAD, PATCH');
    expect(problem.detail).toContain('DELETE');
    expect(problem.detail).toContain('GET, HEAD, PATCH');
  });

  it('allows exactly the methods the OpenAPI document lists, on every path', async () => {
    const document = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [template, operations] of Object.entries(document.paths)) {
      const path = template.replace(/\{\w+\}/g, 'x');
      const listed = Object.keys(operations).map((method) => method.toUpperCase());
      const allowed = [...listed, ...(listed.includes('GET') ? ['HEAD'] : [])].sort();
      const other = METHODS.find((method) => !allowed.includes(method));
      if (other === undefined) continue;
      const response = await api.app.request(path, { method: other, headers: bearer(token) });
      expect(response.status, `${other} ${template}`).toBe(405);
      expect(response.headers.get('Allow'), template).toBe(allowed.join(', '));
    }
  });

  it('still answers HEAD on a GET route, and 404 on a path nobody declared', async () => {
    const head = await api.app.request(`/governances/${LR.governance}`, {
      method: 'HEAD',
      headers: bearer(token),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBeTruthy();

    const unknown = await api.app.request('/nulle-part', { method: 'DELETE' });
    await expectProblem(unknown, 404, 'introuvable');
    expect(unknown.headers.get('Allow')).toBeNull();
  });
});
