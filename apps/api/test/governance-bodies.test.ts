import { DEMO_IDS } from '@maille/demo';
import { getBody, getGovernance, getMeeting } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { expectCreated, expectProblem, faultyFields, read, send, walk } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;
const MEMBER = 'per_lrmarchand';
const MEETING = 'mtg_lrcopil01';

const api = suiteApi();

const asCoordinator = () => api.kernel({ personId: LR.coordinator });

type Governance = { id: string; version: number; roles: { personId: string; role: string }[] };

describe('governances', () => {
  it('creates one whose creator is the first coordinator', async () => {
    const response = await api.app.request(
      '/governances',
      send('POST', {
        token: api.keys.member,
        body: {
          name: 'Coordination de la Charente-Maritime',
          territory: { level: 'departement', code: '17' },
          perimeter: 'departement',
        },
      }),
    );
    const governance = await expectCreated<Governance>(
      api,
      response,
      '/governances',
      api.keys.member,
    );
    expect(governance.roles).toEqual([
      expect.objectContaining({ personId: MEMBER, role: 'coordinateur' }),
    ]);
    await expectProblem(
      await api.app.request(
        `/governances/${governance.id}`,
        send('GET', { token: api.keys.outsider }),
      ),
      404,
      'introuvable',
    );
  });

  it('refuses a malformed governance, and the public', async () => {
    const body = { name: 'X', territory: { level: 'departement', code: '999' }, perimeter: 'epci' };
    const invalid = await api.app.request(
      '/governances',
      send('POST', { token: api.keys.member, body }),
    );
    expect(await faultyFields(invalid)).toEqual(['/territory/code']);
    const anonymous = await api.app.request('/governances', {
      ...send('POST', { body: { ...body, territory: { level: 'departement', code: '17' } } }),
    });
    await expectProblem(anonymous, 401, 'non-authentifie');
  });

  it('gives, changes and removes a role under the governance’s If-Match', async () => {
    const path = `/governances/${LR.governance}/roles/per_lrbenard`;
    const { etag } = await read(api, `/governances/${LR.governance}`, api.keys.coordinator);
    await expectProblem(
      await api.app.request(
        path,
        send('PUT', { token: api.keys.coordinator, body: { role: 'observateur' } }),
      ),
      428,
      'precondition-requise',
    );
    const given = await api.app.request(
      path,
      send('PUT', { token: api.keys.coordinator, body: { role: 'observateur' }, ifMatch: etag }),
    );
    expect(given.status).toBe(200);
    const after = (await given.json()) as Governance;
    expect(after.roles).toContainEqual(
      expect.objectContaining({ personId: 'per_lrbenard', role: 'observateur' }),
    );
    expect(given.headers.get('ETag')).toBe(`"${LR.governance}.${after.version}"`);
    await expectProblem(
      await api.app.request(
        path,
        send('PUT', { token: api.keys.coordinator, body: { role: 'membre' }, ifMatch: etag }),
      ),
      412,
      'precondition-echouee',
    );
    const removed = await api.app.request(
      path,
      send('DELETE', { token: api.keys.coordinator, ifMatch: given.headers.get('ETag') ?? '' }),
    );
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as Governance).roles.map((r) => r.personId)).not.toContain(
      'per_lrbenard',
    );
  });

  it('keeps the last api.keys.coordinator (409), and checks the role and the person', async () => {
    const { body, etag } = await read<Governance>(
      api,
      `/governances/${LR.governance}`,
      api.keys.coordinator,
    );
    const last = await api.app.request(
      `/governances/${LR.governance}/roles/${LR.coordinator}`,
      send('DELETE', { token: api.keys.coordinator, ifMatch: etag }),
    );
    expect((await expectProblem(last, 409, 'conflit')).detail).toMatch(/coordinateur/);
    const role = await api.app.request(
      `/governances/${LR.governance}/roles/per_lrbenard`,
      send('PUT', { token: api.keys.coordinator, body: { role: 'chef' }, ifMatch: etag }),
    );
    expect(await faultyFields(role)).toEqual(['/role']);
    const nobody = await api.app.request(
      `/governances/${LR.governance}/roles/per_inconnu01`,
      send('PUT', { token: api.keys.coordinator, body: { role: 'membre' }, ifMatch: etag }),
    );
    await expectProblem(nobody, 404, 'introuvable');
    const stored = await getGovernance(asCoordinator(), { governanceId: LR.governance });
    expect(stored.version).toBe(body.version);
  });

  it('lets neither a api.keys.member (403) nor another governance (404) touch the roles', async () => {
    const { etag } = await read(api, `/governances/${LR.governance}`, api.keys.coordinator);
    const put = (token: string) =>
      api.app.request(
        `/governances/${LR.governance}/roles/${MEMBER}`,
        send('PUT', { token, body: { role: 'coordinateur' }, ifMatch: etag }),
      );
    await expectProblem(await put(api.keys.member), 403, 'interdit');
    await expectProblem(await put(api.keys.outsider), 404, 'introuvable');
  });
});

describe('bodies', () => {
  it('lists a governance’s bodies page by page, and hides them from another', async () => {
    const { ids } = await walk(
      api,
      `/governances/${LR.governance}/bodies?limit=1`,
      api.keys.member,
    );
    expect(ids).toEqual(expect.arrayContaining([LR.community, LR.steeringCommittee]));
    await expectProblem(
      await api.app.request(
        `/governances/${LR.governance}/bodies`,
        send('GET', { token: api.keys.outsider }),
      ),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(
        `/bodies/${LR.steeringCommittee}`,
        send('GET', { token: api.keys.outsider }),
      ),
      404,
      'introuvable',
    );
  });

  it('creates a body in the governance of the path, with its members', async () => {
    const response = await api.app.request(
      `/governances/${LR.governance}/bodies`,
      send('POST', {
        token: api.keys.coordinator,
        body: {
          name: 'Groupe projet cartographie',
          kind: 'groupe_projet',
          governanceId: DB.governance,
          members: [{ personId: MEMBER, since: '2026-11-01' }],
        },
      }),
    );
    const body = await expectCreated<{
      id: string;
      version: number;
      governanceId: string;
      members: { position: string }[];
    }>(api, response, '/bodies', api.keys.member);
    expect(body.governanceId).toBe(LR.governance);
    expect(body.members).toEqual([expect.objectContaining({ position: 'membre' })]);
  });

  it('refuses a bad kind, an unknown api.keys.member, a api.keys.member’s key and another governance', async () => {
    const create = (token: string, body: unknown) =>
      api.app.request(`/governances/${LR.governance}/bodies`, send('POST', { token, body }));
    expect(
      await faultyFields(await create(api.keys.coordinator, { name: 'G', kind: 'club' })),
    ).toEqual(['/kind']);
    const unknown = await create(api.keys.coordinator, {
      name: 'G',
      kind: 'autre',
      members: [{ personId: 'per_inconnu01', since: '2026-01-01' }],
    });
    expect(await faultyFields(unknown)).toEqual(['/members']);
    await expectProblem(
      await create(api.keys.member, { name: 'G', kind: 'autre' }),
      403,
      'interdit',
    );
    await expectProblem(
      await create(api.keys.outsider, { name: 'G', kind: 'autre' }),
      404,
      'introuvable',
    );
  });

  it('ends a seat and adds one by sending the members again, under If-Match', async () => {
    const path = `/bodies/${LR.steeringCommittee}`;
    const { body, etag } = await read<{
      members: { personId: string; until?: string }[];
      kindHistory: unknown[];
    }>(api, path, api.keys.coordinator);
    const members = [
      ...body.members.map((m) => (m.personId === 'per_lrroux' ? { ...m, until: '2026-11-20' } : m)),
      { personId: 'per_lrlambert', position: 'membre', since: '2026-11-21' },
    ];
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.coordinator, body: { members } }),
      ),
      428,
      'precondition-requise',
    );
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.member, body: { members }, ifMatch: etag }),
      ),
      403,
      'interdit',
    );
    const changed = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.coordinator,
        body: { members, kind: 'comite_suivi' },
        ifMatch: etag,
      }),
    );
    expect(changed.status).toBe(200);
    const stored = await getBody(asCoordinator(), { bodyId: LR.steeringCommittee });
    expect(stored.members.find((m) => m.personId === 'per_lrroux')?.until).toBe('2026-11-20');
    expect(stored.members.map((m) => m.personId)).toContain('per_lrlambert');
    expect(stored.kindHistory).toEqual([{ kind: 'comite_pilotage', until: '2026-11-24' }]);
    expect(changed.headers.get('ETag')).toBe(`"${LR.steeringCommittee}.${stored.version}"`);
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.coordinator, body: { members }, ifMatch: etag }),
      ),
      412,
      'precondition-echouee',
    );
    const badSeat = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.coordinator,
        body: { members: [{ personId: MEMBER, since: '2026-11-21', until: '2026-01-01' }] },
        ifMatch: changed.headers.get('ETag') ?? '',
      }),
    );
    expect(await faultyFields(badSeat)).toEqual(['/members/0/until']);
  });
});

describe('meetings', () => {
  it('lists a governance’s meetings, or one body’s', async () => {
    const all = await walk(api, `/governances/${LR.governance}/meetings?limit=2`, api.keys.member);
    expect(all.ids).toEqual(expect.arrayContaining([MEETING, 'mtg_lrcom01']));
    const { body } = await read<{ items: { bodyId: string }[] }>(
      api,
      `/governances/${LR.governance}/meetings?bodyId=${LR.community}`,
      api.keys.member,
    );
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((m) => m.bodyId))).toEqual(new Set([LR.community]));
    expect(
      await faultyFields(
        await api.app.request(
          `/governances/${LR.governance}/meetings?bodyId=mtg_lrcom01`,
          send('GET', { token: api.keys.member }),
        ),
      ),
    ).toEqual(['/bodyId']);
    await expectProblem(
      await api.app.request(`/meetings/${MEETING}`, send('GET', { token: api.keys.outsider })),
      404,
      'introuvable',
    );
  });

  it('schedules a meeting of a body: 201, in the body’s governance', async () => {
    const response = await api.app.request(
      `/bodies/${LR.community}/meetings`,
      send('POST', {
        token: api.keys.coordinator,
        body: {
          title: 'Communauté — lancement de la cartographie',
          startsAt: '2026-12-10T13:30:00.000Z',
          agenda: [{ title: 'Tour de table', presenterId: MEMBER, durationMinutes: 30 }],
        },
      }),
    );
    const meeting = await expectCreated<{ id: string; version: number; governanceId: string }>(
      api,
      response,
      '/meetings',
      api.keys.member,
    );
    expect(meeting.governanceId).toBe(LR.governance);
  });

  it('refuses a bad date, a api.keys.member’s key and another governance’s body', async () => {
    const schedule = (token: string, startsAt: string) =>
      api.app.request(
        `/bodies/${LR.community}/meetings`,
        send('POST', { token, body: { startsAt } }),
      );
    expect(await faultyFields(await schedule(api.keys.coordinator, 'mardi prochain'))).toEqual([
      '/startsAt',
    ]);
    await expectProblem(await schedule(api.keys.member, '2026-12-10T13:30:00Z'), 403, 'interdit');
    await expectProblem(
      await schedule(api.keys.outsider, '2026-12-10T13:30:00Z'),
      404,
      'introuvable',
    );
  });

  it('records minutes and attendance under If-Match', async () => {
    const path = `/meetings/${MEETING}`;
    const { etag } = await read(api, path, api.keys.coordinator);
    const minutes = {
      status: 'tenue',
      minutes: 'Feuille de route présentée ; calendrier validé.',
      attendance: [
        { personId: 'per_lrgiraud', status: 'present' },
        { personId: 'per_lrroux', status: 'excuse' },
      ],
    };
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.member, body: minutes, ifMatch: etag }),
      ),
      403,
      'interdit',
    );
    const unknown = await api.app.request(
      path,
      send('PATCH', {
        token: api.keys.coordinator,
        body: { attendance: [{ personId: 'per_inconnu01', status: 'present' }] },
        ifMatch: etag,
      }),
    );
    expect(await faultyFields(unknown)).toEqual(['/attendance']);
    const changed = await api.app.request(
      path,
      send('PATCH', { token: api.keys.coordinator, body: minutes, ifMatch: etag }),
    );
    expect(changed.status).toBe(200);
    const stored = await getMeeting(asCoordinator(), { meetingId: MEETING });
    expect(stored).toMatchObject({ status: 'tenue', attendance: minutes.attendance });
    await expectProblem(
      await api.app.request(
        path,
        send('PATCH', { token: api.keys.coordinator, body: minutes, ifMatch: etag }),
      ),
      412,
      'precondition-echouee',
    );
  });
});
