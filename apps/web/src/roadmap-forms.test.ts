import { DEMO_IDS } from '@maille/demo';
import {
  getAction,
  getActionSheet,
  getMilestone,
  getRoadmap,
  listRoadmapVersions,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';
const PERMANENCES = 'act_lr0002';
const FORMATION = 'act_lr0006';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

/** The fields of a page's form whose action is `action`, as the browser would post them. */
function formValues(page: string, action: string): Record<string, string> {
  const form = page.split(`action="${action}"`)[1]?.split('</form>')[0] ?? '';
  const values: Record<string, string> = {};
  for (const input of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    values[input[1] as string] = (input[2] as string).replace(/&amp;/g, '&');
  }
  for (const select of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    values[select[1] as string] = select[2]?.match(/<option value="([^"]*)" selected>/)?.[1] ?? '';
  }
  for (const area of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    values[area[1] as string] = area[2] as string;
  }
  return values;
}

describe('a roadmap created, edited and adopted from the pages', () => {
  it('creates a roadmap from the governance page, refusing a period that ends before it starts', async () => {
    const cookie = await signedIn(MOREAU);
    const refused = await post(`/gouvernances/${LR.governance}/feuilles-de-route`, cookie, {
      title: 'Feuille de route 2027-2030',
      fromYear: '2030',
      toYear: '2027',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('id="toYear-erreur"');
    expect(page).toContain('L’année de fin doit suivre l’année de début.');
    expect(page).toContain('value="Feuille de route 2027-2030"');

    const created = await post(`/gouvernances/${LR.governance}/feuilles-de-route`, cookie, {
      title: 'Feuille de route 2027-2030',
      fromYear: '2027',
      toYear: '2030',
    });
    expect(created.status).toBe(303);
    const roadmapId = (created.headers.get('Location') ?? '').split('/')[2] ?? '';
    expect(await getRoadmap(world.admin, { roadmapId })).toMatchObject({
      title: 'Feuille de route 2027-2030',
      status: 'brouillon',
    });

    // Its axes, typed in the blank rows of the edit form.
    const edit = await (await get(`/feuilles-de-route/${roadmapId}/modifier`, cookie)).text();
    const form = formValues(edit, `/feuilles-de-route/${roadmapId}/modifier`);
    const saved = await post(`/feuilles-de-route/${roadmapId}/modifier`, cookie, {
      ...form,
      diagnosis: 'Un habitant sur cinq éloigné du numérique.',
      'axe-0-code': 'A1',
      'axe-0-titre': 'Mailler le territoire',
      'axe-1-code': 'A2',
      'axe-1-titre': 'Former les aidants',
    });
    expect(saved.status).toBe(303);
    const roadmap = await getRoadmap(world.admin, { roadmapId });
    expect(roadmap.axes.map((a) => [a.code, a.title])).toEqual([
      ['A1', 'Mailler le territoire'],
      ['A2', 'Former les aidants'],
    ]);
    expect(roadmap.diagnosis.summary).toBe('Un habitant sur cinq éloigné du numérique.');

    // Adoption: an impossible date is refused next to its field, then the adoption freezes v1.
    const badDate = await post(`/feuilles-de-route/${roadmapId}/adoption`, cookie, {
      version: String(roadmap.version),
      date: '2027-02-30',
      assembly: 'conseil communautaire',
    });
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('id="date-erreur"');
    const adopted = await post(`/feuilles-de-route/${roadmapId}/adoption`, cookie, {
      version: String(roadmap.version),
      date: '2027-01-28',
      assembly: 'conseil communautaire',
      deliberationRef: 'D2027-014',
    });
    expect(adopted.status).toBe(303);
    expect(await getRoadmap(world.admin, { roadmapId })).toMatchObject({
      status: 'adoptee',
      adoption: { date: '2027-01-28', deliberationRef: 'D2027-014' },
    });
    const versions = await listRoadmapVersions(world.admin, { roadmapId, limit: 10 });
    expect(versions.items.map((v) => v.number)).toEqual([1]);
    const page2 = await (await get(`/feuilles-de-route/${roadmapId}`, cookie)).text();
    expect(page2).toContain(
      'délibération du 28 janvier 2027 (conseil communautaire), n° D2027-014',
    );

    const revised = await post(`/feuilles-de-route/${roadmapId}/statut`, cookie, {
      version: String((await getRoadmap(world.admin, { roadmapId })).version),
      status: 'en_revision',
    });
    expect(revised.status).toBe(303);
    expect((await getRoadmap(world.admin, { roadmapId })).status).toBe('en_revision');
  });

  it('renames an axis without losing its fiches, and refuses removing an axis that has some', async () => {
    const cookie = await signedIn(MOREAU);
    const sheetBefore = await getAction(world.admin, { actionId: PERMANENCES });
    const edit = await (await get(`/feuilles-de-route/${LR.roadmap}/modifier`, cookie)).text();
    const form = formValues(edit, `/feuilles-de-route/${LR.roadmap}/modifier`);
    const row = Object.keys(form)
      .find((name) => name.endsWith('-id') && form[name] === sheetBefore.axisId)
      ?.replace(/-id$/, '');
    if (!row) throw new Error('l’axe de la fiche A1.2 devrait avoir sa ligne');

    const removed = await post(`/feuilles-de-route/${LR.roadmap}/modifier`, cookie, {
      ...form,
      [`${row}-titre`]: '',
      [`${row}-code`]: '',
    });
    expect(removed.status).toBe(409);
    const refusedPage = await removed.text();
    expect(refusedPage).toContain('Cet axe porte encore des actions');
    expect(refusedPage).toContain('name="title"');

    const renamed = await post(`/feuilles-de-route/${LR.roadmap}/modifier`, cookie, {
      ...form,
      [`${row}-titre`]: 'Mailler tout le territoire',
    });
    expect(renamed.status).toBe(303);
    const roadmap = await getRoadmap(world.admin, { roadmapId: LR.roadmap });
    expect(roadmap.axes.find((a) => a.id === sheetBefore.axisId)?.title).toBe(
      'Mailler tout le territoire',
    );
    expect((await getAction(world.admin, { actionId: PERMANENCES })).axisId).toBe(
      sheetBefore.axisId,
    );
  });

  it('keeps the edit form from members, who see no link to it', async () => {
    const cookie = await signedIn(GAUTIER);
    expect((await get(`/feuilles-de-route/${LR.roadmap}/modifier`, cookie)).status).toBe(403);
    const page = await (await get(`/feuilles-de-route/${LR.roadmap}`, cookie)).text();
    expect(page).not.toContain('/modifier"');
    expect(page).not.toContain('Enregistrer l’adoption');
  });
});

describe('a milestone edited on its sheet', () => {
  it('changes its title, description and owner, and refuses a blank title keeping the typing', async () => {
    const cookie = await signedIn(MOREAU);
    const sheet = await getActionSheet(world.admin, { actionId: PERMANENCES });
    const milestone = sheet.milestones[0]?.milestone;
    if (!milestone) throw new Error('la fiche A1.2 devrait avoir un jalon');
    const page = await (await get(`/fiches/${PERMANENCES}`, cookie)).text();
    expect(page).toContain(`action="/jalons/${milestone.id}/modifier"`);
    const prefix = `modif-${milestone.id}`;
    const refused = await post(`/jalons/${milestone.id}/modifier`, cookie, {
      version: String(milestone.version),
      [`${prefix}-title`]: '',
      [`${prefix}-description`]: 'Avec la mairie de Périgny.',
      [`${prefix}-weight`]: '2',
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain(`id="${prefix}-title-erreur"`);
    expect(refusedPage).toContain('Avec la mairie de Périgny.');
    expect((await getMilestone(world.admin, { milestoneId: milestone.id })).version).toBe(
      milestone.version,
    );

    const saved = await post(`/jalons/${milestone.id}/modifier`, cookie, {
      version: String(milestone.version),
      [`${prefix}-title`]: 'Première permanence ouverte à Périgny',
      [`${prefix}-description`]: 'Avec la mairie de Périgny.',
      [`${prefix}-ownerId`]: GAUTIER,
      [`${prefix}-weight`]: '2',
    });
    expect(saved.status).toBe(303);
    expect(await getMilestone(world.admin, { milestoneId: milestone.id })).toMatchObject({
      title: 'Première permanence ouverte à Périgny',
      description: 'Avec la mairie de Périgny.',
      ownerId: GAUTIER,
      weight: 2,
      dueDate: milestone.dueDate,
    });
    const stale = await post(`/jalons/${milestone.id}/modifier`, cookie, {
      version: String(milestone.version),
      [`${prefix}-title`]: 'Autre intitulé',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Quelqu’un a modifié cet élément entre-temps');
  });
});

describe('a funding line changed on its sheet', () => {
  it('moves a request to granted with its amount, and refuses an amount that is not one', async () => {
    const cookie = await signedIn(MOREAU);
    const sheet = await getActionSheet(world.admin, { actionId: FORMATION });
    const line = sheet.fundingLines.find((l) => l.status === 'demande');
    if (!line) throw new Error('la fiche de formation devrait avoir un financement');
    const prefix = `fin-${line.id}`;
    const form = {
      version: String(line.version),
      [`${prefix}-funderKind`]: line.funderKind,
      [`${prefix}-programme`]: line.programme ?? '',
      [`${prefix}-status`]: 'accorde',
    };
    const refused = await post(`/financements/${line.id}`, cookie, {
      ...form,
      [`${prefix}-amount`]: 'douze mille',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`id="${prefix}-amount-erreur"`);

    const saved = await post(`/financements/${line.id}`, cookie, {
      ...form,
      [`${prefix}-amount`]: '12 500,50',
    });
    expect(saved.status).toBe(303);
    const after = (await getActionSheet(world.admin, { actionId: FORMATION })).fundingLines.find(
      (l) => l.id === line.id,
    );
    expect(after).toMatchObject({ status: 'accorde', amountCents: 1_250_050 });
    const member = await post(`/financements/${line.id}`, await signedIn(GAUTIER), {
      ...form,
      version: String(after?.version),
      [`${prefix}-amount`]: '1',
    });
    expect(member.status).toBe(403);
  });
});
