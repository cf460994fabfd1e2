import { DEMO_IDS } from '@maille/demo';
import { erasePersonalData, getPerson } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { expectCreated, expectProblem, faultyFields, read, send, walk } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
/** A api.keys.member of La Rochelle's governance, and an elected api.keys.member of its steering committee. */
const MEMBER = 'per_lrmarchand';
const ELECTED = 'per_lrgiraud';
const CONTACT_FIELDS = ['email', 'phone', 'chatAccounts', 'reminders'];

const api = suiteApi();

describe('territories', () => {
  it('lets the public list them, by level and by a name typed without accents', async () => {
    const { body } = await read<{ items: { name: string; level: string }[] }>(
      api,
      '/territories?level=commune&q=PERIGNY',
    );
    expect(body.items.map((t) => t.name)).toEqual(['Périgny']);
    const communes = await read<{ items: { level: string }[] }>(api, '/territories?level=commune');
    expect(communes.body.items.length).toBeGreaterThan(3);
    expect(new Set(communes.body.items.map((t) => t.level))).toEqual(new Set(['commune']));
  });

  it('pages through every territory without duplicates', async () => {
    const all = await read<{ items: { id: string }[] }>(api, '/territories?limit=100');
    const { ids, pages } = await walk(api, '/territories?limit=4');
    expect(ids).toEqual(all.body.items.map((t) => t.id));
    expect(pages).toBe(Math.ceil(ids.length / 4));
  });

  it('refuses an unknown level or an empty search, pointing at the parameter', async () => {
    expect(await faultyFields(await api.app.request('/territories?level=canton'))).toEqual([
      '/level',
    ]);
    expect(await faultyFields(await api.app.request('/territories?q=%20%20'))).toEqual(['/q']);
  });

  it('reads one with its ETag, and says so of one that does not exist', async () => {
    const { body, etag } = await read<{ name: string }>(api, '/territories/ter_dept17');
    expect(body.name).toBe('Charente-Maritime');
    expect(etag).toBe('"ter_dept17.1"');
    await expectProblem(await api.app.request('/territories/ter_inconnu01'), 404, 'introuvable');
    expect(await faultyFields(await api.app.request('/territories/gov_larochelle'))).toEqual([
      '/territoryId',
    ]);
  });

  it('lets a api.keys.coordinator add one: 201, Location, ETag; 409 the second time', async () => {
    const territory = { level: 'commune', code: '17299', name: 'Commune d’essai' };
    const created = await api.app.request(
      '/territories',
      send('POST', { token: api.keys.coordinator, body: territory }),
    );
    await expectCreated(api, created, '/territories', api.keys.coordinator);
    const again = await api.app.request(
      '/territories',
      send('POST', { token: api.keys.outsider, body: territory }),
    );
    await expectProblem(again, 409, 'conflit');
  });

  it('refuses a malformed code, a api.keys.member, and a bad key', async () => {
    const invalid = await api.app.request(
      '/territories',
      send('POST', {
        token: api.keys.coordinator,
        body: { level: 'commune', code: '1', name: 'X' },
      }),
    );
    expect(await faultyFields(invalid)).toEqual(['/code']);
    const body = { level: 'commune', code: '17298', name: 'Commune de membre' };
    await expectProblem(
      await api.app.request('/territories', send('POST', { token: api.keys.member, body })),
      403,
      'interdit',
    );
    await expectProblem(
      await api.app.request('/territories', send('POST', { token: 'mai_faux.secret', body })),
      401,
      'non-authentifie',
    );
    const { body: page } = await read<{ items: unknown[] }>(api, '/territories?q=membre');
    expect(page.items).toEqual([]);
  });

  it('lets only the administrator correct one, under If-Match', async () => {
    const path = '/territories/ter_region75';
    const { etag } = await read(api, path);
    const rename = (token: string, ifMatch?: string | null) =>
      api.app.request(
        path,
        send('PATCH', { token, body: { name: 'Nouvelle-Aquitaine (75)' }, ifMatch }),
      );
    await expectProblem(await rename(api.keys.coordinator, etag), 403, 'interdit');
    await expectProblem(await rename(api.keys.admin), 428, 'precondition-requise');
    const changed = await rename(api.keys.admin, etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).toBe('"ter_region75.2"');
    await expectProblem(await rename(api.keys.admin, etag), 412, 'precondition-echouee');
    const code = await api.app.request(
      path,
      send('PATCH', { token: api.keys.admin, body: { code: '76' }, ifMatch: '"ter_region75.2"' }),
    );
    expect(await faultyFields(code)).toEqual(['']);
    expect((await read<{ code: string }>(api, path)).body.code).toBe('75');
  });
});

describe('organizations', () => {
  it('finds them by a part of their name for anyone signed in, not for the public', async () => {
    const { body } = await read<{ items: { name: string }[] }>(
      api,
      '/organizations?q=mediatheque',
      api.keys.outsider,
    );
    expect(body.items.map((o) => o.name)).toEqual(['Médiathèque Michel-Crépeau']);
    await expectProblem(await api.app.request('/organizations'), 403, 'interdit');
    await expectProblem(await api.app.request('/organizations/org_lrcdalr'), 403, 'interdit');
  });

  it('pages through the directory in a stable order', async () => {
    const { ids, pages } = await walk(api, '/organizations?limit=5', api.keys.member);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(pages).toBeGreaterThan(2);
  });

  it('lets a api.keys.coordinator add one, and reads it back', async () => {
    const created = await api.app.request(
      '/organizations',
      send('POST', {
        token: api.keys.coordinator,
        body: {
          name: 'Fab lab de Lagord',
          category: 'tiers_lieu',
          territory: { level: 'commune', code: '17200' },
        },
      }),
    );
    const organization = await expectCreated<{ id: string; version: number; name: string }>(
      api,
      created,
      '/organizations',
      api.keys.member,
    );
    expect(organization.name).toBe('Fab lab de Lagord');
    const invalid = await api.app.request(
      '/organizations',
      send('POST', { token: api.keys.coordinator, body: { name: '', category: 'club' } }),
    );
    expect((await faultyFields(invalid)).sort()).toEqual(['/category', '/name']);
  });

  it('lets the api.keys.coordinator of its territory change it, not another governance’s', async () => {
    const path = '/organizations/org_lrcdalr';
    const { etag } = await read(api, path, api.keys.coordinator);
    const body = { summary: 'Porte la coordination depuis 2021.' };
    await expectProblem(
      await api.app.request(path, send('PATCH', { token: api.keys.outsider, body, ifMatch: etag })),
      403,
      'interdit',
    );
    await expectProblem(
      await api.app.request(path, send('PATCH', { token: api.keys.member, body, ifMatch: etag })),
      403,
      'interdit',
    );
    const changed = await api.app.request(
      path,
      send('PATCH', { token: api.keys.coordinator, body, ifMatch: etag }),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject(body);
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.coordinator, body, ifMatch: etag }),
      ),
      412,
      'precondition-echouee',
    );
    const bad = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.coordinator,
        body: { email: 'pas une adresse' },
        ifMatch: changed.headers.get('ETag') ?? '',
      }),
    );
    expect(await faultyFields(bad)).toEqual(['/email']);
  });
});

describe('persons', () => {
  it('shows the whole record to the coordination and a card to fellow members', async () => {
    const whole = await read<Record<string, unknown>>(
      api,
      `/persons/${ELECTED}`,
      api.keys.coordinator,
    );
    expect(whole.body).toMatchObject({ displayName: 'Bernard Giraud', email: expect.any(String) });
    expect(whole.etag).toBe(`"${ELECTED}.1"`);
    const card = await read<Record<string, unknown>>(api, `/persons/${ELECTED}`, api.keys.member);
    expect(card.body).toMatchObject({ id: ELECTED, displayName: 'Bernard Giraud' });
    expect(Object.keys(card.body).filter((key) => CONTACT_FIELDS.includes(key))).toEqual([]);
    const self = await read<Record<string, unknown>>(api, `/persons/${MEMBER}`, api.keys.member);
    expect(self.body).toHaveProperty('reminders');
  });

  it('tells the public and other governances that the person does not exist', async () => {
    await expectProblem(await api.app.request(`/persons/${ELECTED}`), 404, 'introuvable');
    await expectProblem(
      await api.app.request(`/persons/${ELECTED}`, send('GET', { token: api.keys.outsider })),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/persons/${ELECTED}`, send('GET', { token: 'mai_x.y' })),
      401,
      'non-authentifie',
    );
  });

  it('lets a api.keys.coordinator add a person and read them back, hidden from the others', async () => {
    const created = await api.app.request(
      '/persons',
      send('POST', {
        token: api.keys.coordinator,
        body: { displayName: 'Camille Nouvelle', email: 'camille@exemple.fr' },
      }),
    );
    const person = await expectCreated<{ id: string; version: number }>(
      api,
      created,
      '/persons',
      api.keys.coordinator,
    );
    await expectProblem(
      await api.app.request(`/persons/${person.id}`, send('GET', { token: api.keys.member })),
      404,
      'introuvable',
    );
    const invalid = await api.app.request(
      '/persons',
      send('POST', {
        token: api.keys.coordinator,
        body: { displayName: 'Camille', email: 'camille' },
      }),
    );
    expect(await faultyFields(invalid)).toEqual(['/email']);
    await expectProblem(
      await api.app.request(
        '/persons',
        send('POST', { token: api.keys.member, body: { displayName: 'X' } }),
      ),
      403,
      'interdit',
    );
  });

  it('lets a person change their own contact details, not their functions', async () => {
    const path = `/persons/${MEMBER}`;
    const { etag } = await read(api, path, api.keys.member);
    const functions = await api.app.request(
      path,
      send('PATCH', { token: api.keys.member, body: { functions: ['elu'] }, ifMatch: etag }),
    );
    await expectProblem(functions, 403, 'interdit');
    const phone = await api.app.request(
      path,
      send('PATCH', { token: api.keys.member, body: { phone: '05 46 00 00 01' }, ifMatch: etag }),
    );
    expect(phone.status).toBe(200);
    expect(await phone.json()).toMatchObject({ phone: '+33546000001' });
  });

  it('lets a person choose e-mail for their reminders, and refuses a bad address in French', async () => {
    const path = `/persons/${MEMBER}`;
    const { etag } = await read(api, path, api.keys.member);
    const bad = await api.app.request(
      path,
      send('PATCH', { token: api.keys.member, body: { email: 'pas@une@adresse' }, ifMatch: etag }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('Adresse électronique invalide.');
    const person = await read<{ reminders: Record<string, unknown> }>(api, path, api.keys.member);
    const chosen = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.member,
        body: {
          email: 'membre@exemple.fr',
          reminders: { ...person.body.reminders, medium: 'courriel' },
        },
        ifMatch: etag,
      }),
    );
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({
      email: 'membre@exemple.fr',
      reminders: { medium: 'courriel' },
    });
  });

  it('tells a fellow api.keys.member he may not change someone else, and outsiders nothing', async () => {
    const path = `/persons/${ELECTED}`;
    const { etag } = await read(api, path, api.keys.coordinator);
    const body = { displayName: 'B. Giraud' };
    await expectProblem(
      await api.app.request(path, send('PATCH', { token: api.keys.member, body, ifMatch: etag })),
      403,
      'interdit',
    );
    await expectProblem(
      await api.app.request(path, send('PATCH', { token: api.keys.outsider, body, ifMatch: etag })),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(path, send('PATCH', { token: api.keys.coordinator, body })),
      428,
      'precondition-requise',
    );
    const stored = await getPerson(api.kernel({ personId: LR.coordinator }), { personId: ELECTED });
    expect(stored).toMatchObject({ displayName: 'Bernard Giraud', version: 1 });
  });

  it('answers 409, not 412, to a change of an erased person', async () => {
    const path = '/persons/per_lrdiallo';
    await erasePersonalData(api.kernel({ personId: LR.coordinator }), { personId: 'per_lrdiallo' });
    const { etag } = await read(api, path, api.keys.coordinator);
    const response = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.coordinator,
        body: { displayName: 'Aminata' },
        ifMatch: etag,
      }),
    );
    expect((await expectProblem(response, 409, 'conflit')).detail).toMatch(/effacée/);
  });
});
