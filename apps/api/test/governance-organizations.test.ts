import { DEMO_IDS } from '@maille/demo';
import { getGovernance } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { expectProblem, faultyFields, read, send } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const CAF = 'org_lrcaf17';
const MIREUIL = 'org_lrcsmireuil';

const api = suiteApi();

type Governance = {
  id: string;
  version: number;
  organizations: { organizationId: string; role: string; since: string }[];
};

const pathOf = (organizationId: string, governanceId: string = LR.governance) =>
  `/governances/${governanceId}/organizations/${organizationId}`;

const stored = () =>
  getGovernance(api.kernel({ personId: LR.coordinator }), { governanceId: LR.governance });

describe('the organizations taking part in a governance', () => {
  it('adds one, changes its role and takes it out, under the governance’s If-Match', async () => {
    const { etag } = await read(api, `/governances/${LR.governance}`, api.keys.coordinator);
    await expectProblem(
      await api.app.request(
        pathOf(CAF),
        send('PUT', { token: api.keys.coordinator, body: { role: 'co_porteur' } }),
      ),
      428,
      'precondition-requise',
    );
    const added = await api.app.request(
      pathOf(CAF),
      send('PUT', { token: api.keys.coordinator, body: { role: 'membre' }, ifMatch: etag }),
    );
    expect(added.status).toBe(200);
    const governance = (await added.json()) as Governance;
    expect(governance.organizations).toContainEqual(
      expect.objectContaining({ organizationId: CAF, role: 'membre' }),
    );
    expect(added.headers.get('ETag')).toBe(`"${LR.governance}.${governance.version}"`);

    const changed = await api.app.request(
      pathOf(CAF),
      send('PUT', {
        token: api.keys.coordinator,
        body: { role: 'co_porteur' },
        ifMatch: added.headers.get('ETag'),
      }),
    );
    expect(changed.status).toBe(200);
    const now = (await changed.json()) as Governance;
    expect(now.organizations.filter((o) => o.organizationId === CAF)).toEqual([
      expect.objectContaining({ role: 'co_porteur' }),
    ]);
    // The tag read before the first change is stale now.
    await expectProblem(
      await api.app.request(
        pathOf(CAF),
        send('DELETE', { token: api.keys.coordinator, ifMatch: etag }),
      ),
      412,
      'precondition-echouee',
    );

    const removed = await api.app.request(
      pathOf(CAF),
      send('DELETE', { token: api.keys.coordinator, ifMatch: changed.headers.get('ETag') }),
    );
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await stored()).organizations.map((o) => o.organizationId)).not.toContain(CAF);
  });

  it('checks the role (400) and that the organization exists (404), changing nothing', async () => {
    const { body, etag } = await read<Governance>(
      api,
      `/governances/${LR.governance}`,
      api.keys.coordinator,
    );
    const badRole = await api.app.request(
      pathOf(MIREUIL),
      send('PUT', { token: api.keys.coordinator, body: { role: 'partenaire' }, ifMatch: etag }),
    );
    expect(await faultyFields(badRole)).toEqual(['/role']);
    const badId = await api.app.request(
      pathOf('pas-un-id'),
      send('PUT', { token: api.keys.coordinator, body: { role: 'membre' }, ifMatch: etag }),
    );
    expect(await faultyFields(badId)).toEqual(['/organizationId']);
    const unknown = await api.app.request(
      pathOf('org_inconnue1'),
      send('PUT', { token: api.keys.coordinator, body: { role: 'membre' }, ifMatch: etag }),
    );
    expect((await expectProblem(unknown, 404, 'introuvable')).detail).toBe(
      'Organisation introuvable : org_inconnue1.',
    );
    expect((await stored()).version).toBe(body.version);
  });

  it('lets neither a member (403) nor another governance (404) add or take one out', async () => {
    const { etag } = await read(api, `/governances/${LR.governance}`, api.keys.coordinator);
    const put = (token: string) =>
      api.app.request(
        pathOf(MIREUIL),
        send('PUT', { token, body: { role: 'membre' }, ifMatch: etag }),
      );
    const remove = (token: string) =>
      api.app.request(pathOf(MIREUIL), send('DELETE', { token, ifMatch: etag }));
    await expectProblem(await put(api.keys.member), 403, 'interdit');
    await expectProblem(await remove(api.keys.member), 403, 'interdit');
    await expectProblem(await put(api.keys.outsider), 404, 'introuvable');
    await expectProblem(await remove(api.keys.outsider), 404, 'introuvable');
    await expectProblem(
      await api.app.request(pathOf(MIREUIL), send('DELETE', { ifMatch: etag })),
      401,
      'non-authentifie',
    );
    await expectProblem(
      await api.app.request(
        pathOf(MIREUIL, 'gov_inconnue1'),
        send('DELETE', { token: api.keys.coordinator, ifMatch: '"gov_inconnue1.1"' }),
      ),
      404,
      'introuvable',
    );
  });
});
