import { DEMO_IDS } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem } from './requests.ts';

// A person's rights of access and erasure through the API, for the instance's administrator (and
// the person's coordination): what the command line gives, each request kept in the history.

const LR = DEMO_IDS.laRochelle;
const GIRAUD = 'per_lrgiraud';

const api = suiteApi();

interface History {
  entity: string;
  entityId: string;
  action: string;
  actorId?: string;
  channel: string;
}

/** The history the database keeps about a person. */
const historyOf = (personId: string) =>
  api
    .kernel({ instanceAdmin: true })
    .store.transaction((repos) => repos.auditEvents.listByEntity('person', personId)) as Promise<
    History[]
  >;

describe('personal data through the API', () => {
  it('exports everything stored about a person, and keeps who asked', async () => {
    const response = await api.app.request(`/persons/${GIRAUD}/personal-data`, {
      headers: bearer(api.keys.admin),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const data = (await response.json()) as {
      format: string;
      person: { displayName: string };
      records: Record<string, unknown[]>;
    };
    expect(data.format).toBe('maille.donnees-personnelles');
    expect(data.person.displayName).toMatch(/Giraud/);
    // He sits on a body of La Rochelle: the body names him.
    expect(data.records.bodies?.length).toBeGreaterThan(0);
    const history = await historyOf(GIRAUD);
    expect(history.filter((e) => e.action === 'export').at(-1)).toMatchObject({
      channel: 'api',
    });
  });

  it('erases a person once; the history still reads but names them no more', async () => {
    const response = await api.app.request(`/persons/${GIRAUD}/erasure`, {
      method: 'POST',
      headers: bearer(api.keys.coordinator),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ recordsRewritten: expect.any(Number) });
    const card = await api.app.request(`/persons/${GIRAUD}`, { headers: bearer(api.keys.admin) });
    const person = (await card.json()) as { displayName: string; erasedAt?: string };
    expect(person.erasedAt).toBeDefined();
    expect(person.displayName).not.toMatch(/Giraud/);
    const history = await historyOf(GIRAUD);
    expect(history.filter((e) => e.action === 'erase').at(-1)).toMatchObject({
      actorId: LR.coordinator,
      channel: 'api',
    });
    expect(JSON.stringify(history)).not.toMatch(/Giraud/);

    const again = await api.app.request(`/persons/${GIRAUD}/erasure`, {
      method: 'POST',
      headers: bearer(api.keys.admin),
    });
    await expectProblem(again, 409, 'conflit');
    const exported = await api.app.request(`/persons/${GIRAUD}/personal-data`, {
      headers: bearer(api.keys.admin),
    });
    expect(JSON.stringify(await exported.json())).not.toMatch(/Giraud/);
  });

  it('tells a stranger there is nothing, and an unknown person in French', async () => {
    await expectProblem(
      await api.app.request(`/persons/${LR.coordinator}/personal-data`, {
        headers: bearer(api.keys.outsider),
      }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request('/persons/per_inconnue1/erasure', {
        method: 'POST',
        headers: bearer(api.keys.admin),
      }),
      404,
      'introuvable',
    );
  });
});
