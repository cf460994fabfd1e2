import { DEMO_IDS } from '@maille/demo';
import { assignRole, createPerson } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem, send } from './requests.ts';

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

/** Asks for `personId`'s erasure as `token`, confirming with `confirmation`. */
const erase = (personId: string, token: string, body: object = { confirmation: personId }) =>
  api.app.request(`/persons/${personId}/erasure`, send('POST', { token, body }));

interface Line {
  event: { entity: string; entityId: string; action: string; channel: string };
  line: { author: string; channel: string; summary: string };
}

/** The history of La Rochelle as its observer reads it through the API, as text and lines. */
async function governanceHistory() {
  const response = await api.app.request(`/governances/${LR.governance}/history?limit=100`, {
    headers: bearer(api.keys.observer),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, items: (JSON.parse(text) as { items: Line[] }).items };
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
    // A member thanks him by name, in an update: erasure rewrites that text, and counts it.
    const card0 = await api.app.request(`/persons/${GIRAUD}`, { headers: bearer(api.keys.admin) });
    const name = ((await card0.json()) as { displayName: string }).displayName;
    const posted = await api.app.request(
      '/updates',
      send('POST', {
        token: api.keys.member,
        body: {
          subject: { type: 'roadmap', id: LR.roadmap },
          text: `Merci à ${name} pour l’atelier.`,
        },
      }),
    );
    expect(posted.status, await posted.text()).toBe(201);
    const response = await erase(GIRAUD, api.keys.coordinator);
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      personId: string;
      identityErased: string[];
      recordsRewritten: number;
      rewrittenByTable: Record<string, number>;
      governances: string[];
    };
    expect(report).toMatchObject({ personId: GIRAUD, governances: [LR.governance] });
    expect(report.identityErased).toContain('displayName');
    expect(report.rewrittenByTable.updates).toBe(1);
    expect(report.recordsRewritten).toBe(
      Object.values(report.rewrittenByTable).reduce((a, b) => a + b, 0),
    );
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

    const again = await erase(GIRAUD, api.keys.admin);
    await expectProblem(again, 409, 'conflit');

    // La Rochelle's history still reads, keeps the request, and names him nowhere.
    const { text, items } = await governanceHistory();
    // His id stays (the demo's ids spell names; real ones are random); his name goes.
    expect(text).not.toContain(name);
    expect(text).not.toMatch(/Giraud/);
    expect(
      items.find((e) => e.event.action === 'erase' && e.event.entityId === GIRAUD)?.line,
    ).toEqual(
      expect.objectContaining({
        channel: 'API',
        summary: 'a effacé les données personnelles de la personne « membre supprimé »',
      }),
    );
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
    await expectProblem(await erase('per_inconnue1', api.keys.admin), 404, 'introuvable');
  });

  it('erases nothing without the person’s id as confirmation, and says so in French', async () => {
    const admin = api.kernel({ instanceAdmin: true });
    const { id: GIRAUD } = await createPerson(admin, { displayName: 'Paul Fictif' });
    await assignRole(api.kernel({ personId: LR.coordinator }), {
      governanceId: LR.governance,
      personId: GIRAUD,
      role: 'membre',
    });
    for (const body of [{}, { confirmation: 'oui' }, { confirmation: LR.coordinator }]) {
      const response = await erase(GIRAUD, api.keys.admin, body);
      const problem = await expectProblem(response, 400, 'validation');
      expect(problem.errors?.map((e) => e.path)).toEqual(['/confirmation']);
    }
    const wrong = await expectProblem(
      await erase(GIRAUD, api.keys.admin, { confirmation: 'oui' }),
      400,
      'validation',
    );
    expect(wrong.errors?.[0]?.message).toMatch(/^Confirmation attendue/);
    const noBody = await api.app.request(`/persons/${GIRAUD}/erasure`, {
      method: 'POST',
      headers: bearer(api.keys.admin),
    });
    // No body at all is answered as everywhere in the API: a JSON body is expected (415).
    const missing = await expectProblem(noBody, 415, 'type-de-contenu');
    expect(missing.detail).toMatch(/attend un corps JSON/);
    const card = await api.app.request(`/persons/${GIRAUD}`, { headers: bearer(api.keys.admin) });
    expect(((await card.json()) as { erasedAt?: string }).erasedAt).toBeUndefined();
    expect((await historyOf(GIRAUD)).some((e) => e.action === 'erase')).toBe(false);
  });

  it('does not let a coordinator or an administrator erase themselves', async () => {
    const own = await erase(LR.coordinator, api.keys.coordinator);
    const problem = await expectProblem(own, 403, 'interdit');
    expect(problem.detail).toMatch(/ne peut pas effacer ses propres données/);
    const card = await api.app.request(`/persons/${LR.coordinator}`, {
      headers: bearer(api.keys.admin),
    });
    expect(((await card.json()) as { erasedAt?: string }).erasedAt).toBeUndefined();
  });

  it('shows each export in the history of the person’s governance: who asked, through which channel', async () => {
    const response = await api.app.request(`/persons/${GIRAUD}/personal-data`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(response.status).toBe(200);
    const { items } = await governanceHistory();
    const exported = items.find((e) => e.event.action === 'export' && e.event.entityId === GIRAUD);
    expect(exported?.event.channel).toBe('api');
    expect(exported?.line.summary).toMatch(/^a exporté les données personnelles de la personne/);
    expect(exported?.line.author).not.toBe('Maille');
  });
});
