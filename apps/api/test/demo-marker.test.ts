import { DEMO_IDS } from '@maille/demo';
import { createGovernance } from '@maille/domain/use-cases';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

// A developer reading the API tells demonstration data from real data by one boolean.

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
afterAll(async () => {
  await api?.drop();
});

it('marks the demo governances as such in their payloads, and not a real one', async () => {
  const coordinator = DEMO_IDS.laRochelle.coordinator;
  const real = await createGovernance(api.kernel({ personId: coordinator }), {
    name: 'Réseau réel',
    territory: { level: 'epci', code: '241700434' },
    perimeter: 'epci',
  });
  const token = await api.keyFor(coordinator);
  const read = async (id: string) =>
    (await (
      await api.app.request(`/governances/${id}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { demo?: boolean };
  expect((await read(DEMO_IDS.laRochelle.governance)).demo).toBe(true);
  expect((await read(real.id)).demo).toBeUndefined();
});

it('documents the marker in the OpenAPI schema of a governance', async () => {
  type Schema = { properties?: Record<string, { type?: string }> };
  const document = (await (await api.app.request('/openapi.json')).json()) as {
    paths: Record<
      string,
      { get: { responses: { 200: { content: { 'application/json': { schema: Schema } } } } } }
    >;
  };
  const governance =
    document.paths['/governances/{governanceId}']?.get.responses[200].content['application/json']
      .schema;
  expect(governance?.properties?.demo?.type).toBe('boolean');
});
