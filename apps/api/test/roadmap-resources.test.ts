import { DEMO_IDS } from '@maille/demo';
import { updateRoadmap } from '@maille/domain/use-cases';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, suiteApi } from './harness.ts';
import { bearer, cursorOf, expectProblem, faultyFields, read, send, walk } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;
const CDA = 'org_lrcdalr';

// A clock that moves one second per reading, so that notes posted in a row have an order.
let tick = 0;
const api = suiteApi({ clock: () => new Date(Date.parse(NOW) + 1000 * tick++).toISOString() });

beforeAll(async () => {
  // La Rochelle's roadmap is unpublished, so that the public and another governance may not see
  // it; Dronne et Belle's stays adopted and public.
  await updateRoadmap(api.kernel({ personId: LR.coordinator }), {
    id: LR.roadmap,
    patch: { public: false },
  });
});

const post = (path: string, body: unknown, token?: string, ifMatch?: string | null) =>
  api.app.request(path, send('POST', { body, token, ifMatch }));
const patch = (path: string, body: unknown, token?: string, ifMatch?: string | null) =>
  api.app.request(path, send('PATCH', { body, token, ifMatch }));

type Axis = { id: string; title: string };

/** A new draft roadmap of La Rochelle with two axes; returns it and its ETag. */
async function draftRoadmap(title = 'Feuille de route 2028-2031') {
  const response = await post(
    `/governances/${LR.governance}/roadmaps`,
    {
      title,
      fromYear: 2028,
      toYear: 2031,
      axes: [{ title: 'Accompagner' }, { title: 'Équiper' }],
    },
    api.keys.coordinator,
  );
  expect(response.status).toBe(201);
  const roadmap = (await response.json()) as {
    id: string;
    version: number;
    status: string;
    axes: Axis[];
  };
  return { roadmap, etag: response.headers.get('ETag') as string, response };
}

describe('roadmaps', () => {
  it('creates a draft with Location and ETag, giving ids to its axes', async () => {
    const { roadmap, etag, response } = await draftRoadmap();
    expect(response.headers.get('Location')).toBe(`/roadmaps/${roadmap.id}`);
    expect(etag).toBe(`"${roadmap.id}.1"`);
    expect(roadmap.status).toBe('brouillon');
    expect(roadmap.axes.map((a) => a.id)).toEqual([
      expect.stringMatching(/^axe_/),
      expect.stringMatching(/^axe_/),
    ]);
    const again = await read(api, `/roadmaps/${roadmap.id}`, api.keys.coordinator);
    expect(again.etag).toBe(etag);
  });

  it('refuses a bad period, a reader and another governance', async () => {
    const path = `/governances/${LR.governance}/roadmaps`;
    const body = { title: 'Mauvaise période', fromYear: 2030, toYear: 2028 };
    expect(await faultyFields(await post(path, body, api.keys.coordinator))).toEqual(['/toYear']);
    expect(await faultyFields(await post(path, { fromYear: 2028 }, api.keys.coordinator))).toEqual(
      expect.arrayContaining(['/title', '/toYear']),
    );
    const valid = { ...body, fromYear: 2028, toYear: 2030 };
    await expectProblem(await post(path, valid, api.keys.observer), 403, 'interdit');
    await expectProblem(await post(path, valid, api.keys.outsider), 404, 'introuvable');
    await expectProblem(await post(path, valid, 'mai_inconnue.secret'), 401, 'non-authentifie');
  });

  it('lists to the public only what is adopted and public, and hides the rest', async () => {
    await draftRoadmap('Brouillon de Dronne et Belle ?');
    const lr = await walk(api, `/governances/${LR.governance}/roadmaps?limit=1`, api.keys.observer);
    expect(lr.ids).toContain(LR.roadmap);
    expect(lr.pages).toBe(lr.ids.length);
    // Nothing of La Rochelle is public any more: its governance does not exist for the public.
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/roadmaps`),
      404,
      'introuvable',
    );
    const db = await read<{ items: { id: string }[] }>(
      api,
      `/governances/${DB.governance}/roadmaps`,
    );
    expect(db.body.items.map((r) => r.id)).toEqual([DB.roadmap]);
    await read(api, `/roadmaps/${DB.roadmap}`);
    await expectProblem(await api.app.request(`/roadmaps/${LR.roadmap}`), 404, 'introuvable');
  });

  it('changes axes by PATCH under If-Match, and refuses to drop one that carries actions', async () => {
    const { roadmap, etag } = await draftRoadmap();
    const [first, second] = roadmap.axes as [Axis, Axis];
    const action = await post(
      `/roadmaps/${roadmap.id}/actions`,
      { code: 'B1', title: 'Bus numérique', axisId: first.id },
      api.keys.coordinator,
    );
    expect(action.status).toBe(201);
    const path = `/roadmaps/${roadmap.id}`;
    const axes = [first, second, { title: 'Former' }];
    await expectProblem(
      await patch(path, { axes }, api.keys.coordinator),
      428,
      'precondition-requise',
    );
    const changed = await patch(path, { axes }, api.keys.coordinator, etag);
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { axes: { id: string; title: string }[] };
    expect(body.axes.map((a) => a.title)).toEqual(['Accompagner', 'Équiper', 'Former']);
    expect(body.axes[2]?.id).toMatch(/^axe_/);
    const current = changed.headers.get('ETag') as string;
    expect(current).toBe(`"${roadmap.id}.2"`);
    await expectProblem(
      await patch(path, { title: 'X' }, api.keys.coordinator, etag),
      412,
      'precondition-echouee',
    );
    // A rule of the field, not a stale version: 409, and the roadmap stays as it was.
    await expectProblem(
      await patch(path, { axes: [second] }, api.keys.coordinator, current),
      409,
      'conflit',
    );
    expect((await read(api, path, api.keys.coordinator)).etag).toBe(current);
    // An unknown field is refused whole (the kernel's strict check names it at the body's root).
    const unknown = await expectProblem(
      await patch(path, { statut: 'x' }, api.keys.coordinator, current),
      400,
      'validation',
    );
    expect(unknown.errors?.map((e) => e.message).join(' ')).toMatch(/statut/);
    await expectProblem(
      await patch(path, { title: 'X' }, api.keys.member, current),
      403,
      'interdit',
    );
  });

  it('moves a roadmap’s status, adopts it into version 1, and refuses what the circuit does not allow', async () => {
    const { roadmap, etag } = await draftRoadmap();
    const path = `/roadmaps/${roadmap.id}`;
    const consulted = await post(
      `${path}/transitions`,
      { status: 'en_concertation' },
      api.keys.coordinator,
      etag,
    );
    expect(consulted.status).toBe(200);
    expect(await consulted.json()).toMatchObject({ status: 'en_concertation' });
    let current = consulted.headers.get('ETag') as string;
    await expectProblem(
      await post(`${path}/transitions`, { status: 'en_revision' }, api.keys.coordinator, current),
      422,
      'transition-invalide',
    );
    expect(
      await faultyFields(
        await post(`${path}/transitions`, { status: 'adoptee' }, api.keys.coordinator, current),
      ),
    ).toEqual(['/status']);
    await expectProblem(
      await post(`${path}/transitions`, { status: 'brouillon' }, api.keys.coordinator, etag),
      412,
      'precondition-echouee',
    );

    const adoption = { adoption: { date: '2026-11-20', assembly: 'Conseil communautaire' } };
    expect(
      await faultyFields(
        await post(
          `${path}/adoption`,
          { adoption: { assembly: 'Conseil' } },
          api.keys.coordinator,
          current,
        ),
      ),
    ).toEqual(['/adoption/date']);
    await expectProblem(
      await post(`${path}/adoption`, adoption, api.keys.coordinator),
      428,
      'precondition-requise',
    );
    await expectProblem(
      await post(`${path}/adoption`, adoption, api.keys.member, current),
      403,
      'interdit',
    );
    const adopted = await post(`${path}/adoption`, adoption, api.keys.coordinator, current);
    expect(adopted.status).toBe(201);
    expect(adopted.headers.get('Location')).toBe(`${path}/versions/1`);
    const result = (await adopted.json()) as {
      roadmap: { status: string; version: number };
      version: { number: number; reason: string };
    };
    expect(result.roadmap.status).toBe('adoptee');
    expect(result.version).toMatchObject({ number: 1, reason: 'adoption' });
    current = `"${roadmap.id}.${result.roadmap.version}"`;
    await expectProblem(
      await post(`${path}/adoption`, adoption, api.keys.coordinator, current),
      422,
      'transition-invalide',
    );

    const versions = await read<{ items: { number: number }[] }>(
      api,
      `${path}/versions`,
      api.keys.observer,
    );
    expect(versions.body.items.map((v) => v.number)).toEqual([1]);
    const first = await read<{ snapshot: { roadmap: { status: string } } }>(
      api,
      `${path}/versions/1`,
      api.keys.observer,
    );
    expect(first.body.snapshot.roadmap.status).toBe('adoptee');
    // Append-only: a version has no ETag.
    expect(first.etag).toBeNull();
    await expectProblem(
      await api.app.request(`${path}/versions/2`, { headers: bearer(api.keys.observer) }),
      404,
      'introuvable',
    );
    expect(
      await faultyFields(
        await api.app.request(`${path}/versions/0`, { headers: bearer(api.keys.observer) }),
      ),
    ).toEqual(['/number']);
    await expectProblem(
      await api.app.request(`${path}/versions`, { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
  });
});

describe('actions: creation and promotion', () => {
  it('creates a fiche-projet, then promotes it once it has an owner, a lead and a dated milestone', async () => {
    const created = await post(
      `/roadmaps/${LR.roadmap}/actions`,
      { code: 'A9.1', title: 'Ateliers en médiathèque' },
      api.keys.coordinator,
    );
    expect(created.status).toBe(201);
    const action = (await created.json()) as { id: string; kind: string };
    expect(created.headers.get('Location')).toBe(`/actions/${action.id}`);
    expect(action.kind).toBe('fiche_projet');
    let etag = created.headers.get('ETag') as string;
    const path = `/actions/${action.id}/promotion`;

    const refused = await expectProblem(
      await post(path, {}, api.keys.coordinator, etag),
      422,
      'transition-invalide',
    );
    expect(refused.detail).toMatch(/responsable|porteu|jalon/i);
    await expectProblem(await post(path, {}, api.keys.member, etag), 403, 'interdit');

    const completed = await patch(
      `/actions/${action.id}`,
      { ownerId: LR.coordinator, leadOrganizationIds: [CDA] },
      api.keys.coordinator,
      etag,
    );
    etag = completed.headers.get('ETag') as string;
    const milestone = await post(
      `/roadmaps/${LR.roadmap}/milestones`,
      { actionId: action.id, title: 'Premier atelier', dueDate: '2027-01-12' },
      api.keys.coordinator,
    );
    expect(milestone.status).toBe(201);
    const promoted = await post(path, {}, api.keys.coordinator, etag);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ kind: 'fiche_action' });
    expect(promoted.headers.get('ETag')).not.toBe(etag);
  });

  it('refuses an axis of another roadmap, a api.keys.member, and another governance', async () => {
    const path = `/roadmaps/${LR.roadmap}/actions`;
    const body = { code: 'A9.2', title: 'Fiche', axisId: 'axe_ailleurs01' };
    expect(await faultyFields(await post(path, body, api.keys.coordinator))).toEqual(['/axisId']);
    await expectProblem(
      await post(path, { code: 'A9.2', title: 'Fiche' }, api.keys.member),
      403,
      'interdit',
    );
    await expectProblem(
      await post(path, { code: 'A9.2', title: 'Fiche' }, api.keys.outsider),
      404,
      'introuvable',
    );
  });
});

describe('milestones', () => {
  it('lists a roadmap’s and an action’s milestones, and reads one with its ETag', async () => {
    const all = await walk(api, `/roadmaps/${LR.roadmap}/milestones?limit=3`, api.keys.observer);
    expect(all.ids).toEqual(expect.arrayContaining(['mil_lr0001', 'mil_lr0101', 'mil_lr0203']));
    expect(new Set(all.ids).size).toBe(all.ids.length);
    const ofAction = await read<{ items: { id: string }[] }>(
      api,
      '/actions/act_lr0002/milestones',
      api.keys.observer,
    );
    expect(ofAction.body.items.map((m) => m.id).sort()).toEqual([
      'mil_lr0201',
      'mil_lr0202',
      'mil_lr0203',
    ]);
    const one = await read<{ version: number }>(api, '/milestones/mil_lr0203', api.keys.observer);
    expect(one.etag).toBe(`"mil_lr0203.${one.body.version}"`);
    await expectProblem(
      await api.app.request('/milestones/mil_lr0203', { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request('/actions/act_lr0002/milestones'),
      404,
      'introuvable',
    );
  });

  it('creates a milestone of the roadmap or of an action, with the right permission for each', async () => {
    const path = `/roadmaps/${LR.roadmap}/milestones`;
    const own = { title: 'Revue annuelle', dueDate: '2027-06-30' };
    await expectProblem(await post(path, own, api.keys.member), 403, 'interdit');
    const created = await post(path, own, api.keys.coordinator);
    expect(created.status).toBe(201);
    const milestone = (await created.json()) as { id: string; actionId?: string };
    expect(milestone.actionId).toBeUndefined();
    expect(created.headers.get('Location')).toBe(`/milestones/${milestone.id}`);
    expect(created.headers.get('ETag')).toBe(`"${milestone.id}.1"`);
    // The api.keys.member carries A1.2: they may add to it.
    const carried = await post(path, { ...own, actionId: 'act_lr0002' }, api.keys.member);
    expect(carried.status).toBe(201);
    expect(
      await faultyFields(
        await post(path, { ...own, actionId: 'act_db0001' }, api.keys.coordinator),
      ),
    ).toEqual(['/actionId']);
    expect(
      new Set(
        await faultyFields(
          await post(path, { ...own, dueDate: '30/06/2027' }, api.keys.coordinator),
        ),
      ),
    ).toEqual(new Set(['/dueDate']));
  });

  it('changes, reschedules with a reason, then cancels a milestone; a second cancel is a 409, not a 412', async () => {
    const path = '/milestones/mil_lr0203';
    let { etag } = await read(api, path, api.keys.member);
    // The due date moves only by a reschedule, which keeps the reason.
    const direct = await expectProblem(
      await patch(path, { dueDate: '2027-01-01' }, api.keys.member, etag),
      400,
      'validation',
    );
    expect(direct.errors?.map((e) => e.message).join(' ')).toMatch(/dueDate/);
    await expectProblem(
      await patch(path, { title: 'X' }, api.keys.observer, etag),
      403,
      'interdit',
    );
    const renamed = await patch(path, { title: 'Permanence de Périgny' }, api.keys.member, etag);
    expect(renamed.status).toBe(200);
    etag = renamed.headers.get('ETag');

    expect(
      await faultyFields(
        await post(`${path}/reschedule`, { to: '2027-01-15' }, api.keys.member, etag),
      ),
    ).toEqual(['/reason']);
    await expectProblem(
      await post(
        `${path}/reschedule`,
        { to: '2027-01-15', reason: 'Salle prise.' },
        api.keys.observer,
        etag,
      ),
      403,
      'interdit',
    );
    const moved = await post(
      `${path}/reschedule`,
      { to: '2027-01-15', reason: 'Salle prise.' },
      api.keys.member,
      etag,
    );
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as {
      status: string;
      dueDate: string;
      reschedules: { reason: string }[];
    };
    expect(body).toMatchObject({ status: 'reporte', dueDate: '2027-01-15' });
    expect(body.reschedules.at(-1)?.reason).toBe('Salle prise.');
    await expectProblem(
      await post(
        `${path}/reschedule`,
        { to: '2027-02-01', reason: 'Encore.' },
        api.keys.member,
        etag,
      ),
      412,
      'precondition-echouee',
    );
    etag = moved.headers.get('ETag');

    await expectProblem(
      await post(`${path}/cancel`, {}, api.keys.member),
      428,
      'precondition-requise',
    );
    const cancelled = await post(`${path}/cancel`, {}, api.keys.member, etag);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'annule' });
    const again = await post(`${path}/cancel`, {}, api.keys.member, cancelled.headers.get('ETag'));
    expect((await expectProblem(again, 409, 'conflit')).detail).toMatch(/déjà annulé/);
  });
});

describe('funding lines', () => {
  it('adds a line to an action, reads it with its ETag, and changes its status under If-Match', async () => {
    const listPath = '/actions/act_lr0001/funding-lines';
    const before = await walk(api, `${listPath}?limit=1`, api.keys.observer);
    expect(before.ids).toEqual(expect.arrayContaining([LR.stateFunding, 'fun_lr0002']));
    const added = await post(
      listPath,
      { funderKind: 'region', amountCents: 1_500_000, status: 'demande' },
      api.keys.member,
    );
    expect(added.status).toBe(201);
    const line = (await added.json()) as { id: string; actionId: string };
    expect(line.actionId).toBe('act_lr0001');
    expect(added.headers.get('Location')).toBe(`/funding-lines/${line.id}`);
    const { etag } = await read(api, `/funding-lines/${line.id}`, api.keys.observer);
    expect(etag).toBe(added.headers.get('ETag'));
    const granted = await patch(
      `/funding-lines/${line.id}`,
      { status: 'accorde', decidedOn: '2026-11-23' },
      api.keys.member,
      etag,
    );
    expect(granted.status).toBe(200);
    expect(await granted.json()).toMatchObject({ status: 'accorde' });
    expect((await walk(api, listPath, api.keys.observer)).ids).toContain(line.id);
    await expectProblem(
      await patch(`/funding-lines/${line.id}`, { status: 'verse' }, api.keys.member, etag),
      412,
      'precondition-echouee',
    );
  });

  it('refuses a negative amount, an unknown funder, a reader, and another governance', async () => {
    const path = '/actions/act_lr0001/funding-lines';
    expect(
      await faultyFields(
        await post(path, { funderKind: 'etat', amountCents: -5 }, api.keys.coordinator),
      ),
    ).toEqual(['/amountCents']);
    expect(
      await faultyFields(
        await post(
          path,
          { funderKind: 'etat', amountCents: 5, funderOrganizationId: 'org_inconnue1' },
          api.keys.coordinator,
        ),
      ),
    ).toEqual(['/funderOrganizationId']);
    await expectProblem(
      await post(path, { funderKind: 'etat', amountCents: 5 }, api.keys.observer),
      403,
      'interdit',
    );
    await expectProblem(
      await post(path, { funderKind: 'etat', amountCents: 5 }, api.keys.outsider),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/funding-lines/${LR.stateFunding}`),
      404,
      'introuvable',
    );
  });
});

describe('updates (points d’étape)', () => {
  it('reads one note without an ETag, for whoever may read its subject', async () => {
    const note = await read<{ id: string; subject: { type: string } }>(
      api,
      '/updates/upd_lr0001',
      api.keys.observer,
    );
    expect(note.body.subject.type).toBe('roadmap');
    expect(note.etag).toBeNull();
    await expectProblem(await api.app.request('/updates/upd_lr0001'), 404, 'introuvable');
    await expectProblem(
      await api.app.request('/updates/upd_lr0001', { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
    await read(api, '/updates/upd_db0001');
  });

  it('lists an action’s notes newest first, page by page, each once', async () => {
    const posted: string[] = [];
    for (const text of ['Recrutement lancé.', 'Deux candidatures reçues.']) {
      const response = await post(
        '/updates',
        { subject: { type: 'action', id: 'act_lr0001' }, text },
        api.keys.member,
      );
      expect(response.status).toBe(201);
      const update = (await response.json()) as { id: string };
      expect(response.headers.get('Location')).toBe(`/updates/${update.id}`);
      posted.push(update.id);
    }
    const { ids, pages } = await walk(
      api,
      '/actions/act_lr0001/updates?limit=1',
      api.keys.observer,
    );
    expect(ids.slice(0, 2)).toEqual([...posted].reverse());
    expect(ids).toContain('upd_lr0008');
    expect(pages).toBe(ids.length);
    const milestoneNotes = await read<{ items: { id: string }[] }>(
      api,
      '/milestones/mil_lr0201/updates',
      api.keys.observer,
    );
    expect(milestoneNotes.body.items.map((u) => u.id)).toEqual(['upd_lr0002']);
    const roadmapNotes = await read<{ items: { id: string }[] }>(
      api,
      `/roadmaps/${LR.roadmap}/updates`,
      api.keys.observer,
    );
    expect(roadmapNotes.body.items.map((u) => u.id)).toContain('upd_lr0001');
  });

  it('refuses a cursor of another list, and hides the notes of what one may not read', async () => {
    const response = await api.app.request(
      `/actions/act_lr0001/updates?cursor=${cursorOf('upd_lr0003')}`,
      { headers: bearer(api.keys.observer) },
    );
    expect(await faultyFields(response)).toEqual(['/cursor']);
    await expectProblem(await api.app.request('/actions/act_lr0001/updates'), 404, 'introuvable');
    await expectProblem(
      await api.app.request(`/roadmaps/${LR.roadmap}/updates`, {
        headers: bearer(api.keys.outsider),
      }),
      404,
      'introuvable',
    );
    await read(api, '/actions/act_db0002/updates');
  });
});
