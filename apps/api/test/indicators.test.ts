import { DEMO_IDS } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem, faultyFields, read, send, walk } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
/** La Rochelle's quarterly indicator, entered by hand, and a computed one. */
const ACTIONS = 'ind_lractions';
const COMPUTED = 'ind_lracteurs';
const CDA = { level: 'epci', code: '241700434' } as const;

const api = suiteApi();

const post = (path: string, body: unknown, token?: string, ifMatch?: string | null) =>
  api.app.request(path, send('POST', { body, token, ifMatch }));
const patch = (path: string, body: unknown, token?: string, ifMatch?: string | null) =>
  api.app.request(path, send('PATCH', { body, token, ifMatch }));

const workshops = (code: string) => ({
  code,
  label: 'Ateliers collectifs',
  unit: 'nombre',
  method: { type: 'saisie' },
  timeAggregation: 'somme',
  territoryRollup: 'somme',
  periodicity: 'trimestrielle',
});

describe('indicators', () => {
  it('lists a governance’s indicators to its members only, page by page', async () => {
    const { ids, pages } = await walk(
      api,
      `/governances/${LR.governance}/indicators?limit=2`,
      api.keys.member,
    );
    expect(ids).toEqual(expect.arrayContaining([ACTIONS, COMPUTED]));
    expect(pages).toBe(Math.ceil(ids.length / 2));
    // The roadmap is public, its governance's indicators are not.
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/indicators`),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/indicators/${ACTIONS}`, { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/indicators/${ACTIONS}`, { headers: bearer('mai_x.y') }),
      401,
      'non-authentifie',
    );
  });

  it('creates an indicator with Location and ETag, and refuses a taken code or a bad unit', async () => {
    const path = `/governances/${LR.governance}/indicators`;
    const created = await post(path, workshops('ateliers'), api.keys.coordinator);
    expect(created.status).toBe(201);
    const indicator = (await created.json()) as { id: string };
    expect(created.headers.get('Location')).toBe(`/indicators/${indicator.id}`);
    expect(created.headers.get('ETag')).toBe(`"${indicator.id}.1"`);
    const taken = await expectProblem(
      await post(path, workshops('ateliers'), api.keys.coordinator),
      409,
      'conflit',
    );
    expect(taken.detail).toMatch(/ateliers/);
    expect(
      await faultyFields(
        await post(path, { ...workshops('b'), unit: 'litres' }, api.keys.coordinator),
      ),
    ).toEqual(['/unit']);
    await expectProblem(await post(path, workshops('c'), api.keys.member), 403, 'interdit');
    await expectProblem(await post(path, workshops('c'), api.keys.outsider), 404, 'introuvable');
  });

  it('changes an indicator under If-Match; a taken code is a 409, a stale tag a 412', async () => {
    const path = `/indicators/${ACTIONS}`;
    const { etag } = await read(api, path, api.keys.member);
    await expectProblem(
      await patch(path, { label: 'X' }, api.keys.coordinator),
      428,
      'precondition-requise',
    );
    await expectProblem(await patch(path, { label: 'X' }, api.keys.member, etag), 403, 'interdit');
    const conflict = await patch(
      path,
      { code: 'participants_coconstruction' },
      api.keys.coordinator,
      etag,
    );
    await expectProblem(conflict, 409, 'conflit');
    const renamed = await patch(
      path,
      { label: 'Accompagnements et formations' },
      api.keys.coordinator,
      etag,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('ETag')).not.toBe(etag);
    await expectProblem(
      await patch(path, { label: 'Y' }, api.keys.coordinator, etag),
      412,
      'precondition-echouee',
    );
  });

  it('installs the default referential once: the second time creates nothing', async () => {
    const path = `/governances/${LR.governance}/indicators/defaults`;
    await expectProblem(await post(path, {}, api.keys.member), 403, 'interdit');
    const first = await post(path, {}, api.keys.coordinator);
    expect(first.status).toBe(200);
    const created = ((await first.json()) as { items: { code: string }[] }).items;
    expect(created.length).toBeGreaterThan(0);
    const second = await post(path, {}, api.keys.coordinator);
    expect(((await second.json()) as { items: unknown[] }).items).toEqual([]);
    const all = await walk(api, `/governances/${LR.governance}/indicators`, api.keys.member);
    expect(all.ids.length).toBeGreaterThanOrEqual(created.length);
  });
});

describe('measurements', () => {
  it('lists every revision by period, the correction after the value it corrects', async () => {
    const { ids } = await walk(api, `/indicators/${ACTIONS}/measurements?limit=2`, api.keys.member);
    const q3 = ids.indexOf('mes_lrq3actions');
    expect(q3).toBeGreaterThan(ids.indexOf('mes_lrq2actions'));
    expect(ids.indexOf('mes_lrq3actionsr2')).toBe(q3 + 1);
    expect(ids.at(-1)).toBe('mes_lrq4actions');
    const one = await read<{ revision: number }>(
      api,
      '/measurements/mes_lrq3actionsr2',
      api.keys.member,
    );
    expect(one.body.revision).toBe(2);
    expect(one.etag).toBeNull();
    await expectProblem(
      await api.app.request('/measurements/mes_lrq3actionsr2'),
      404,
      'introuvable',
    );
  });

  it('records a value as a api.keys.member (201, Location, no ETag), and refuses what does not fit', async () => {
    const path = `/indicators/${ACTIONS}/measurements`;
    const value = { territory: CDA, period: '2022-T1', value: 250 };
    const recorded = await post(path, value, api.keys.member);
    expect(recorded.status).toBe(201);
    const measurement = (await recorded.json()) as { id: string; status: string; revision: number };
    expect(recorded.headers.get('Location')).toBe(`/measurements/${measurement.id}`);
    expect(recorded.headers.get('ETag')).toBeNull();
    expect(measurement).toMatchObject({ status: 'provisoire', revision: 1 });
    expect(
      await faultyFields(await post(path, { ...value, period: '2022' }, api.keys.member)),
    ).toEqual(['/period']);
    expect(await faultyFields(await post(path, { ...value, value: 2.5 }, api.keys.member))).toEqual(
      ['/value'],
    );
    await expectProblem(
      await post(
        `/indicators/${COMPUTED}/measurements`,
        { ...value, period: '2022' },
        api.keys.coordinator,
      ),
      422,
      'transition-invalide',
    );
    await expectProblem(
      await post(path, { ...value, status: 'valide' }, api.keys.member),
      403,
      'interdit',
    );
    await expectProblem(await post(path, value, api.keys.outsider), 404, 'introuvable');
  });

  it('validates the current value as a new revision; an outdated or validated one is a 409', async () => {
    const path = '/measurements/mes_lrq4actions/validation';
    await expectProblem(await post(path, {}, api.keys.member), 403, 'interdit');
    const validated = await post(path, {}, api.keys.coordinator);
    expect(validated.status).toBe(201);
    const revision = (await validated.json()) as { id: string; status: string; value: number };
    expect(revision).toMatchObject({ status: 'valide', value: 341 });
    expect(validated.headers.get('Location')).toBe(`/measurements/${revision.id}`);
    await expectProblem(await post(path, {}, api.keys.coordinator), 409, 'conflit');
    await expectProblem(
      await post(`/measurements/${revision.id}/validation`, {}, api.keys.coordinator),
      409,
      'conflit',
    );
    await expectProblem(
      await post('/measurements/mes_lrq3actions/validation', {}, api.keys.coordinator),
      409,
      'conflit',
    );
    await expectProblem(await post(path, {}, api.keys.outsider), 404, 'introuvable');
  });
});
