import { DEMO_IDS } from '@maille/demo';
import { getGovernance } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';
const CAF = 'org_lrcaf17';
const CAF_NAME = 'Caisse d’allocations familiales de la Charente-Maritime';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

const governance = () => getGovernance(world.admin, { governanceId: LR.governance });
const page = async (cookie: string) => (await get(`/gouvernances/${LR.governance}`, cookie)).text();
/** The « Structures membres » section of a page. */
const section = (html: string) =>
  html.slice(
    html.indexOf('id="structures"'),
    html.indexOf('</section>', html.indexOf('id="structures"')),
  );

describe('the organizations of a governance, on its page', () => {
  it('lets the coordinator add one by its name, see it with its role, and take it out', async () => {
    const cookie = await signedIn(MOREAU);
    expect(section(await page(cookie))).toContain(
      'Aucune structure ne participe encore à cette gouvernance.',
    );
    const before = await governance();

    // Two CAF of the demo's directory match: the person is told which, and what they typed stays.
    const several = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String(before.version),
      'structure-query': 'allocations familiales',
      'structure-role': 'co_porteur',
    });
    expect(several.status).toBe(400);
    const again = await several.text();
    expect(again).toContain('id="structure-query-erreur"');
    expect(again).toContain('Plusieurs structures correspondent à « allocations familiales »');
    expect(again).toContain('Caisse d’allocations familiales de la Dordogne');
    expect(again).toContain('value="allocations familiales"');
    const none = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String(before.version),
      'structure-query': 'Office du tourisme',
      'structure-role': 'membre',
    });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain(
      'Aucune structure de l’annuaire ne correspond à « Office du tourisme ».',
    );
    expect((await governance()).version).toBe(before.version);

    const byName = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String(before.version),
      'structure-query': 'allocations familiales de la charente',
      'structure-role': 'co_porteur',
    });
    expect(byName.status).toBe(303);
    expect(byName.headers.get('Location')).toBe(`/gouvernances/${LR.governance}#structures`);
    const listed = section(await page(cookie));
    expect(listed).toContain(`${CAF_NAME} <span class="muted">— Co-porteur</span>`);
    expect(listed).toContain(`aria-label="Retirer « ${CAF_NAME} » de la gouvernance"`);

    // A member of the governance sees the organization, not the forms.
    const forMember = section(await page(await signedIn(GAUTIER)));
    expect(forMember).toContain(`${CAF_NAME} <span class="muted">— Co-porteur</span>`);
    expect(forMember).not.toContain('<form');

    const stale = await post(`/gouvernances/${LR.governance}/structures/retrait`, cookie, {
      version: String(before.version),
      organizationId: CAF,
    });
    expect(stale.status).toBe(409);
    expect(section(await stale.text())).toContain('modifié cet élément entre-temps');
    const removed = await post(`/gouvernances/${LR.governance}/structures/retrait`, cookie, {
      version: String((await governance()).version),
      organizationId: CAF,
    });
    expect(removed.status).toBe(303);
    const after = section(await page(cookie));
    expect(after).not.toContain(CAF_NAME);
    expect(after).toContain('Aucune structure ne participe encore à cette gouvernance.');
  });

  it('adds one by its id, changes its role by adding it again, and keeps the ids unique', async () => {
    const cookie = await signedIn(MOREAU);
    const byId = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String((await governance()).version),
      'structure-query': 'org_lrcsmireuil',
      'structure-role': 'membre',
    });
    expect(byId.status).toBe(303);
    const changed = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String((await governance()).version),
      'structure-query': 'Centre social de Mireuil',
      'structure-role': 'co_porteur',
    });
    expect(changed.status).toBe(303);
    expect((await governance()).organizations).toEqual([
      expect.objectContaining({ organizationId: 'org_lrcsmireuil', role: 'co_porteur' }),
    ]);
    const unknown = await post(`/gouvernances/${LR.governance}/structures`, cookie, {
      version: String((await governance()).version),
      'structure-query': 'org_inconnue1',
      'structure-role': 'membre',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      'Aucune structure de l’annuaire n’a l’identifiant org_inconnue1.',
    );

    const html = await page(cookie);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
