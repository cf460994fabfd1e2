import { DEMO_IDS } from '@maille/demo';
import {
  createApiKey,
  getAction,
  getGovernance,
  listActions,
  updateRoadmap,
} from '@maille/domain/use-cases';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem, send, walk } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;

let admin: string;

const api = suiteApi();

beforeAll(async () => {
  admin = (
    await createApiKey(api.kernel({ instanceAdmin: true }), {
      personId: LR.coordinator,
      label: 'Administration',
      instanceAdmin: true,
    })
  ).token;
  // Both demo roadmaps are public: La Rochelle's is unpublished so that what another governance
  // may not see can be checked. Dronne et Belle's stays public.
  await updateRoadmap(api.kernel({ personId: LR.coordinator }), {
    id: LR.roadmap,
    patch: { public: false },
  });
});

const patch = (body: unknown, token: string, ifMatch?: string) =>
  send('PATCH', { body, token, ifMatch });
const post = (body: unknown, token: string, ifMatch?: string) =>
  send('POST', { body, token, ifMatch });

const asCoordinator = () => api.kernel({ personId: LR.coordinator });

describe('governances', () => {
  it('lists the governances the key’s person may read', async () => {
    const response = await api.app.request('/governances', {
      headers: bearer(api.keys.coordinator),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[] };
    expect(body.items.map((g) => g.id)).toEqual([LR.governance]);
    expect(response.headers.get('Link')).toBeNull();
  });

  it('walks every governance one page at a time for an administrator', async () => {
    const { ids, pages } = await walk(api, '/governances?limit=1', admin);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([LR.governance, DB.governance]));
    expect(pages).toBe(ids.length);
  });

  it('sends an ETag that changes with a PATCH made under If-Match', async () => {
    const read = await api.app.request(`/governances/${LR.governance}`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(read.status).toBe(200);
    const before = (await read.json()) as { version: number };
    const etag = read.headers.get('ETag') as string;
    expect(etag).toBe(`"${LR.governance}.${before.version}"`);

    const changed = await api.app.request(
      `/governances/${LR.governance}`,
      patch({ name: 'CTIN de La Rochelle (renommé)' }, api.keys.coordinator, etag),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: 'CTIN de La Rochelle (renommé)' });
    expect(changed.headers.get('ETag')).toBe(`"${LR.governance}.${before.version + 1}"`);

    const stale = await api.app.request(
      `/governances/${LR.governance}`,
      patch({ name: 'Écrasé' }, api.keys.coordinator, etag),
    );
    await expectProblem(stale, 412, 'precondition-echouee');
    const stored = await getGovernance(asCoordinator(), { governanceId: LR.governance });
    expect(stored.name).toBe('CTIN de La Rochelle (renommé)');
  });

  it('requires If-Match on a PATCH (428), and refuses a tag of something else (412)', async () => {
    const { version } = await getGovernance(asCoordinator(), { governanceId: LR.governance });
    const missing = await api.app.request(
      `/governances/${LR.governance}`,
      patch({ name: 'Sans précondition' }, api.keys.coordinator),
    );
    expect((await expectProblem(missing, 428, 'precondition-requise')).detail).toMatch(/If-Match/);
    for (const tag of ['*', `W/"${LR.governance}.${version}"`, `"${DB.governance}.${version}"`]) {
      const response = await api.app.request(
        `/governances/${LR.governance}`,
        patch({ name: 'Mauvaise étiquette' }, api.keys.coordinator, tag),
      );
      await expectProblem(response, 412, 'precondition-echouee');
    }
    const after = await getGovernance(asCoordinator(), { governanceId: LR.governance });
    expect(after.version).toBe(version);
  });

  it('answers 404 to the api.keys.coordinator of another governance, read or write', async () => {
    const read = await api.app.request(`/governances/${LR.governance}`, {
      headers: bearer(api.keys.outsider),
    });
    await expectProblem(read, 404, 'introuvable');
    const { version } = await getGovernance(asCoordinator(), { governanceId: LR.governance });
    const write = await api.app.request(
      `/governances/${LR.governance}`,
      patch({ name: 'Pris' }, api.keys.outsider, `"${LR.governance}.${version}"`),
    );
    await expectProblem(write, 404, 'introuvable');
  });
});

describe('actions', () => {
  it('walks a roadmap’s actions with limit=1, without duplicates or gaps', async () => {
    const { ids } = await walk(
      api,
      `/roadmaps/${LR.roadmap}/actions?limit=1`,
      api.keys.coordinator,
    );
    const all = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 100 });
    expect(all.next).toBeUndefined();
    expect(all.items.length).toBeGreaterThan(2);
    expect(ids).toEqual(all.items.map((a) => a.id));
  });

  it('gives a next link keeping the limit, and the default page of 50', async () => {
    const first = await api.app.request(`/roadmaps/${LR.roadmap}/actions?limit=2`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(first.headers.get('Link')).toMatch(
      new RegExp(`^</roadmaps/${LR.roadmap}/actions\\?cursor=[\\w-]+&limit=2>; rel="next"$`),
    );
    const all = await api.app.request(`/roadmaps/${LR.roadmap}/actions`, {
      headers: bearer(api.keys.coordinator),
    });
    const { items } = (await all.json()) as { items: unknown[] };
    expect(items.length).toBeGreaterThan(2);
    expect(items.length).toBeLessThanOrEqual(50);
  });

  it.each(['0', '101', 'x', '1.5'])('refuses limit=%s with a 400 on /limit', async (limit) => {
    const response = await api.app.request(`/roadmaps/${LR.roadmap}/actions?limit=${limit}`, {
      headers: bearer(api.keys.coordinator),
    });
    const body = (await expectProblem(response, 400, 'validation')) as unknown as {
      errors: { path: string }[];
    };
    expect(body.errors.map((e) => e.path)).toEqual(['/limit']);
  });

  it.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('bonjour').toString('base64url')],
    ['another list’s', Buffer.from(JSON.stringify({ id: LR.governance })).toString('base64url')],
  ])('refuses a cursor that is %s with a 400 on /cursor', async (_, cursor) => {
    const response = await api.app.request(
      `/roadmaps/${LR.roadmap}/actions?cursor=${encodeURIComponent(cursor)}`,
      { headers: bearer(api.keys.coordinator) },
    );
    const body = (await expectProblem(response, 400, 'validation')) as unknown as {
      errors: { path: string }[];
    };
    expect(body.errors.map((e) => e.path)).toEqual(['/cursor']);
  });

  it('lets the public page through the actions of a published roadmap', async () => {
    const response = await api.app.request(`/roadmaps/${DB.roadmap}/actions?limit=1`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { roadmapId: string }[] };
    expect(items.map((a) => a.roadmapId)).toEqual([DB.roadmap]);
  });

  it('hides another governance’s actions: 404 for the list, a read and a change', async () => {
    const { items } = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 1 });
    const action = items[0] as { id: string; version: number };
    const tag = `"${action.id}.${action.version}"`;
    const headers = bearer(api.keys.outsider);
    await expectProblem(
      await api.app.request(`/roadmaps/${LR.roadmap}/actions`, { headers }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/actions/${action.id}`, { headers }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(
        `/actions/${action.id}`,
        patch({ title: 'Pris' }, api.keys.outsider, tag),
      ),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(
        `/actions/${action.id}/transitions`,
        post({ to: 'suspendue' }, api.keys.outsider, tag),
      ),
      404,
      'introuvable',
    );
    const stored = await getAction(asCoordinator(), { actionId: action.id });
    expect(stored.version).toBe(action.version);
  });

  it('updates an action under If-Match: 428 without, 412 when stale, 200 with a new ETag', async () => {
    const { items } = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 1 });
    const actionId = (items[0] as { id: string }).id;
    const read = await api.app.request(`/actions/${actionId}`, {
      headers: bearer(api.keys.coordinator),
    });
    const etag = read.headers.get('ETag') as string;
    const { version } = (await read.json()) as { version: number };
    expect(etag).toBe(`"${actionId}.${version}"`);

    await expectProblem(
      await api.app.request(`/actions/${actionId}`, patch({ title: 'Sans' }, api.keys.coordinator)),
      428,
      'precondition-requise',
    );
    const stale = `"${actionId}.${version - 1 || version + 1}"`;
    await expectProblem(
      await api.app.request(
        `/actions/${actionId}`,
        patch({ title: 'Vieux' }, api.keys.coordinator, stale),
      ),
      412,
      'precondition-echouee',
    );
    expect((await getAction(asCoordinator(), { actionId })).version).toBe(version);

    const changed = await api.app.request(
      `/actions/${actionId}`,
      patch({ title: 'Bus numérique, tournée d’hiver' }, api.keys.coordinator, etag),
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ title: 'Bus numérique, tournée d’hiver' });
    expect(changed.headers.get('ETag')).toBe(`"${actionId}.${version + 1}"`);
    const reread = await api.app.request(`/actions/${actionId}`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(reread.headers.get('ETag')).toBe(`"${actionId}.${version + 1}"`);
  });

  it('says whether a refused If-Match is older, never was, or another action’s, with the current version', async () => {
    const { items } = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 2 });
    const [action, other] = items;
    if (!action || !other) throw new Error('the demo roadmap has two actions');
    const { id, version } = action;
    const refusal = async (ifMatch: string) => {
      const response = await api.app.request(
        `/actions/${id}`,
        patch({ title: 'Refusé' }, api.keys.coordinator, ifMatch),
      );
      return (await expectProblem(response, 412, 'precondition-echouee')).detail;
    };

    // The README's mistake: a version ahead of the stored one is not "modified since".
    expect(await refusal(`"${id}.${version + 2}"`)).toBe(
      `La version ${version + 2} de cette ressource n’existe pas : elle en est à la version ${version}. Relisez-la, puis renvoyez l’ETag qu’elle donne dans If-Match.`,
    );
    expect(await refusal(`"${other.id}.${version}"`)).toMatch(
      `l’ETag d’une autre ressource, pas celle de ${id}`,
    );
    const changed = await api.app.request(
      `/actions/${id}`,
      patch({ title: 'Permanences, nouvelle saison' }, api.keys.coordinator, `"${id}.${version}"`),
    );
    expect(changed.status).toBe(200);
    expect(await refusal(`"${id}.${version}"`)).toMatch(
      `modifiée depuis votre lecture : vous avez lu sa version ${version}, elle en est à la version ${version + 1}.`,
    );
    expect((await getAction(asCoordinator(), { actionId: id })).title).toBe(
      'Permanences, nouvelle saison',
    );
  });

  it('refuses a patch clearing a required field or naming an unknown one, pointing at it', async () => {
    const { items } = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 1 });
    const action = items[0] as { id: string; version: number };
    const response = await api.app.request(
      `/actions/${action.id}`,
      patch(
        { couleur: 'bleu', title: null },
        api.keys.coordinator,
        `"${action.id}.${action.version}"`,
      ),
    );
    const body = (await expectProblem(response, 400, 'validation')) as unknown as {
      errors: { path: string }[];
    };
    expect(body.errors.map((e) => e.path)).toEqual(['/title']);
    const unknown = await api.app.request(
      `/actions/${action.id}`,
      patch({ couleur: 'bleu' }, api.keys.coordinator, `"${action.id}.${action.version}"`),
    );
    const unknownBody = (await expectProblem(unknown, 400, 'validation')) as unknown as {
      errors: { path: string; message: string }[];
    };
    // An unknown key is a fault of the body as a whole: the empty pointer, naming the key.
    expect(unknownBody.errors).toEqual([{ path: '', message: expect.stringContaining('couleur') }]);
    expect((await getAction(asCoordinator(), { actionId: action.id })).version).toBe(
      action.version,
    );
  });

  it('moves an action under If-Match, and answers 422 to a move the rules forbid', async () => {
    const { items } = await listActions(asCoordinator(), { roadmapId: LR.roadmap, limit: 100 });
    const running = items.find((a) => a.status === 'en_cours');
    if (!running) throw new Error('the demo should have a running action');
    const tag = `"${running.id}.${running.version}"`;
    const path = `/actions/${running.id}/transitions`;

    await expectProblem(
      await api.app.request(path, post({ to: 'suspendue' }, api.keys.coordinator)),
      428,
      'precondition-requise',
    );
    const invalid = await api.app.request(path, post({ to: 'a_murir' }, api.keys.coordinator, tag));
    await expectProblem(invalid, 422, 'transition-invalide');

    const moved = await api.app.request(
      path,
      post({ to: 'suspendue', reason: 'Financement en attente.' }, api.keys.coordinator, tag),
    );
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id: running.id, status: 'suspendue' });
    expect(moved.headers.get('ETag')).toBe(`"${running.id}.${running.version + 1}"`);

    const again = await api.app.request(path, post({ to: 'en_cours' }, api.keys.coordinator, tag));
    await expectProblem(again, 412, 'precondition-echouee');
    expect((await getAction(asCoordinator(), { actionId: running.id })).status).toBe('suspendue');
  });
});
