import { DEMO_IDS } from '@maille/demo';
import { getIndicator, listIndicators, listMeasurements } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, NOW, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);
const indicatorsPath = `/gouvernances/${LR.governance}/indicateurs`;

async function indicatorByCode(code: string) {
  const page = await listIndicators(world.admin, { governanceId: LR.governance, limit: 100 });
  const found = page.items.find((i) => i.code === code);
  if (!found) throw new Error(`la démo devrait avoir l’indicateur ${code}`);
  return found;
}

describe('the indicators page’s forms', () => {
  it('records a value for the current quarter, which the table then shows', async () => {
    const cookie = await signedIn(MOREAU);
    const indicator = await indicatorByCode('actions_accompagnement');
    const prefix = `mesure-${indicator.id}`;
    const page = await (await get(indicatorsPath, cookie)).text();
    // The form offers the quarter today falls in (24 November 2026).
    expect(NOW.startsWith('2026-11')).toBe(true);
    expect(page).toContain(`name="${prefix}-period" type="text" value="2026-T4"`);

    const refused = await post(`/indicateurs/${indicator.id}/mesures`, cookie, {
      [`${prefix}-period`]: '2026-T5',
      [`${prefix}-value`]: '412',
      [`${prefix}-comment`]: 'Chiffres des trois espaces France Services.',
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain(`id="${prefix}-period-erreur"`);
    expect(refusedPage).toContain('Chiffres des trois espaces France Services.');

    const saved = await post(`/indicateurs/${indicator.id}/mesures`, cookie, {
      [`${prefix}-period`]: '2026-T4',
      [`${prefix}-value`]: '412',
      [`${prefix}-status`]: 'provisoire',
    });
    expect(saved.status).toBe(303);
    const measurements = await listMeasurements(world.admin, {
      indicatorId: indicator.id,
      limit: 100,
    });
    expect(measurements.items.find((m) => m.period === '2026-T4' && m.value === 412)).toMatchObject(
      { territory: { code: expect.any(String) }, status: 'provisoire' },
    );
    const after = await (await get(indicatorsPath, cookie)).text();
    expect(after).toMatch(/4e trimestre 2026<\/th><td>412/);
  });

  it('sets targets typed one per line, and says which line is not a target', async () => {
    const cookie = await signedIn(MOREAU);
    const indicator = await indicatorByCode('participants_coconstruction');
    const prefix = `def-${indicator.id}`;
    const form = {
      version: String(indicator.version),
      [`${prefix}-label`]: indicator.label,
      [`${prefix}-direction`]: 'hausse',
    };
    const wrong = await post(`/indicateurs/${indicator.id}`, cookie, {
      ...form,
      [`${prefix}-targets`]: '2027 : 250\ndeux cents en 2028',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Ligne 2 : « deux cents en 2028 » n’est pas une cible');

    const wrongPeriod = await post(`/indicateurs/${indicator.id}`, cookie, {
      ...form,
      [`${prefix}-targets`]: '2027-T1 : 250',
    });
    expect(wrongPeriod.status).toBe(400);
    expect(await wrongPeriod.text()).toContain('Une cible se fixe par période annuelle');

    const saved = await post(`/indicateurs/${indicator.id}`, cookie, {
      ...form,
      [`${prefix}-targets`]: '2027 : 250\n2028 : 1 000,5',
    });
    expect(saved.status).toBe(303);
    expect((await getIndicator(world.admin, { indicatorId: indicator.id })).targets).toEqual([
      { period: '2027', value: 250 },
      { period: '2028', value: 1000.5 },
    ]);
  });

  it('creates an indicator entered by hand, and hides the definition forms from members', async () => {
    const cookie = await signedIn(MOREAU);
    const refused = await post(indicatorsPath, cookie, {
      'nouvel-code': 'actions_accompagnement',
      'nouvel-label': 'Doublon',
      'nouvel-unit': 'nombre',
      'nouvel-periodicity': 'annuelle',
      'nouvel-direction': 'hausse',
      'nouvel-timeAggregation': 'somme',
      'nouvel-territoryRollup': 'somme',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('value="Doublon"');

    const created = await post(indicatorsPath, cookie, {
      'nouvel-code': 'permanences_ouvertes',
      'nouvel-label': 'Permanences numériques ouvertes',
      'nouvel-unit': 'nombre',
      'nouvel-periodicity': 'annuelle',
      'nouvel-direction': 'hausse',
      'nouvel-timeAggregation': 'dernier',
      'nouvel-territoryRollup': 'somme',
    });
    expect(created.status).toBe(303);
    expect(await indicatorByCode('permanences_ouvertes')).toMatchObject({
      label: 'Permanences numériques ouvertes',
      method: { type: 'saisie' },
    });

    const member = await (await get(indicatorsPath, await signedIn(GAUTIER))).text();
    expect(member).not.toContain('Modifier l’indicateur et ses cibles');
    expect(member).not.toContain('Créer l’indicateur');
    expect(member).not.toContain('Ajouter les indicateurs du référentiel');
  });

  it('adds the referential’s indicators a governance lacks, and only those', async () => {
    const cookie = await signedIn(MOREAU);
    const count = async () =>
      (await listIndicators(world.admin, { governanceId: LR.governance, limit: 100 })).items.length;
    const before = await count();
    const added = await post(`${indicatorsPath}/defauts`, cookie, {});
    expect(added.status).toBe(303);
    expect(added.headers.get('Location')).toBe(indicatorsPath);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    // The computed ones are there, with their values from the data.
    const page = await (await get(indicatorsPath, cookie)).text();
    expect(page).toContain('Lieux de médiation');
    expect((await post(`${indicatorsPath}/defauts`, cookie, {})).status).toBe(303);
    expect(await count()).toBe(after);
  });
});
