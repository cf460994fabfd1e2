import { DEMO_IDS } from '@maille/demo';
import { createGovernance } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;

let world: Awaited<ReturnType<typeof openTestWeb>>;
let realId: string;
beforeAll(async () => {
  world = await openTestWeb();
  // A real governance the demo's coordinator also coordinates: never marked.
  const real = await createGovernance(
    { ...world.admin, actor: { personId: MOREAU, channel: 'web' } },
    {
      name: 'Réseau réel du littoral',
      territory: { level: 'epci', code: '241700434' },
      perimeter: 'epci',
    },
  );
  realId = real.id;
});
afterAll(() => world?.drop());

const { get, signedIn } = formClient(() => world);
const NOTE =
  /<p class="demo-note" role="note"><strong>Démonstration<\/strong> — Données de démonstration/;

describe('demonstration data in the web workspace', () => {
  it('marks each demo governance on the home page, and not a real one', async () => {
    const home = await (await get('/', await signedIn(MOREAU))).text();
    const heading = (id: string) => new RegExp(`<h2 id="g-${id}">.*?</h2>`).exec(home)?.[0] ?? '';
    expect(heading(LR.governance)).toContain('<span class="tag demo">Démonstration</span>');
    expect(heading(realId)).toContain('Réseau réel du littoral');
    expect(heading(realId)).not.toContain('Démonstration');
  });

  it('says it under the title of every page of a demo governance, and of no real one', async () => {
    const cookie = await signedIn(MOREAU);
    for (const path of [
      `/gouvernances/${LR.governance}`,
      `/gouvernances/${LR.governance}/point-copil`,
      `/gouvernances/${LR.governance}/indicateurs`,
      `/feuilles-de-route/${LR.roadmap}`,
    ]) {
      const page = await get(path, cookie);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(await page.text(), path).toMatch(NOTE);
    }
    const real = await (await get(`/gouvernances/${realId}`, cookie)).text();
    expect(real).toContain('Réseau réel du littoral');
    expect(real).not.toMatch(NOTE);
  });
});
