import { DEMO_IDS } from '@maille/demo';
import {
  addFundingLine,
  assignRole,
  createMilestone,
  createPerson,
  erasePersonalData,
  getAction,
  getGovernance,
  recordFundingPayment,
  updateAction,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

// « Historique »: the latest changes on each page of a governance's workspace, and the whole
// history a page at a time; who, when, through which channel, what — never an erased name.

const LR = DEMO_IDS.laRochelle;
const DRONNE = DEMO_IDS.dronneEtBelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';
const ACTION = 'act_lr0001';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

/** Changes La Rochelle's description through the web form, as the person of `cookie`. */
async function describeGovernance(cookie: string, description: string) {
  const governance = await getGovernance(world.admin, { governanceId: LR.governance });
  const response = await post(`/gouvernances/${LR.governance}`, cookie, {
    version: String(governance.version),
    name: governance.name,
    formality: governance.formality,
    timeZone: governance.timeZone,
    description,
  });
  expect(response.status).toBe(303);
}

/** The « Historique » section of a page, as HTML. */
function historyOf(page: string): string {
  return (
    /<section class="card" aria-labelledby="historique">[\s\S]*?<\/section>/.exec(page)?.[0] ?? ''
  );
}

describe('the history on the workspace’s pages', () => {
  it('shows on the governance page who changed it through the web, and links to the whole history', async () => {
    const cookie = await signedIn(MOREAU);
    await describeGovernance(cookie, 'Coordination animée depuis 2021.');
    const page = await (await get(`/gouvernances/${LR.governance}`, cookie)).text();
    const section = historyOf(page);
    expect(section).toContain('<h2 id="historique">Historique</h2>');
    expect(section).toMatch(/Claire Moreau<\/strong> a modifié la gouvernance « [^»]+ »/);
    expect(section).toContain('via Web');
    expect(section).toContain('Description :');
    expect(section).toContain('Coordination animée depuis 2021.');
    expect(section).toContain(`href="/gouvernances/${LR.governance}/historique"`);
  });

  it('shows on an action’s page its own changes only, with a link to its whole history', async () => {
    const action = await getAction(world.admin, { actionId: ACTION });
    await updateAction(world.admin, {
      id: ACTION,
      expectedVersion: action.version,
      patch: { title: 'Conseillers numériques dans les mairies' },
    });
    const cookie = await signedIn(GAUTIER);
    const section = historyOf(await (await get(`/fiches/${ACTION}`, cookie)).text());
    expect(section).toMatch(
      /Maille<\/strong> a modifié l’action « [^»]*Conseillers numériques dans les mairies »/,
    );
    expect(section).toContain('via Ligne de commande');
    expect(section).toContain('Titre :');
    expect(section).not.toContain('a modifié la gouvernance');
    expect(section).toContain(
      `href="/gouvernances/${LR.governance}/historique?entite=action&amp;id=${ACTION}"`,
    );
    for (const path of [
      `/feuilles-de-route/${LR.roadmap}`,
      `/instances/${LR.steeringCommittee}`,
      '/reunions/mtg_lrcopil01',
      `/gouvernances/${LR.governance}/indicateurs`,
      `/gouvernances/${LR.governance}/lieux`,
    ]) {
      const page = await get(path, cookie);
      expect(page.status, path).toBe(200);
      expect(historyOf(await page.text()), path).toContain('Tout l’historique');
    }
  });
});

describe('the history page', () => {
  it('goes back in time page after page with « Plus ancien », newest first', async () => {
    const cookie = await signedIn(MOREAU);
    for (let n = 1; n <= 22; n++)
      await describeGovernance(cookie, `Version ${n} de la description.`);
    const first = await get(`/gouvernances/${LR.governance}/historique`, cookie);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('<h1>Historique — ');
    const afters = [...html.matchAll(/→ Version (\d+) de/g)].map((m) => Number(m[1]));
    expect(afters.slice(0, 3)).toEqual([22, 21, 20]);
    const older = /<a class="button" rel="next" href="([^"]+)">Plus ancien<\/a>/.exec(html)?.[1];
    expect(older).toMatch(/\/historique\?avant=aud_/);
    const second = await (await get((older ?? '').replaceAll('&amp;', '&'), cookie)).text();
    expect(second).toContain('Revenir au plus récent');
    // The 20 newest changes are on the first page, the older ones on the second.
    expect(afters.slice(-1)).toEqual([3]);
    const secondAfters = [...second.matchAll(/→ Version (\d+) de/g)].map((m) => Number(m[1]));
    expect(secondAfters).toEqual([2, 1]);
  });

  it('keeps one record’s history, and refuses a tampered address in French', async () => {
    const cookie = await signedIn(MOREAU);
    const one = await (
      await get(`/gouvernances/${LR.governance}/historique?entite=action&id=${ACTION}`, cookie)
    ).text();
    expect(one).toMatch(/<h1>Historique de l’action « [^»]+ »<\/h1>/);
    expect(one).not.toContain('a modifié la gouvernance');
    const entity = await get(`/gouvernances/${LR.governance}/historique?entite=fiche`, cookie);
    expect(entity.status).toBe(400);
    expect(await entity.text()).toContain('Type d’élément inconnu');
    const cursor = await get(`/gouvernances/${LR.governance}/historique?avant=xyz`, cookie);
    expect(cursor.status).toBe(400);
    expect(await cursor.text()).toContain('Identifiant invalide');
  });

  it('gives an action’s history by its id alone, under its current name, with its milestones and its payments item by item', async () => {
    const line = await addFundingLine(world.admin, {
      actionId: ACTION,
      funderKind: 'caf',
      amountCents: 1_000_000,
      status: 'accorde',
      grantedCents: 1_000_000,
      decidedOn: '2026-10-01',
    });
    await recordFundingPayment(world.admin, {
      fundingLineId: line.id,
      payment: { on: '2026-11-02', amountCents: 400_000 },
    });
    await createMilestone(world.admin, {
      roadmapId: LR.roadmap,
      actionId: ACTION,
      title: 'Permanence ouverte à Mireuil',
      dueDate: '2027-02-01',
    });
    const action = await getAction(world.admin, { actionId: ACTION });
    const cookie = await signedIn(MOREAU);
    const page = await get(`/gouvernances/${LR.governance}/historique?id=${ACTION}`, cookie);
    expect(page.status).toBe(200);
    const text = await page.text();
    // The newest event is the milestone's: the title still names the action, as it is now.
    expect(text).toContain(`<h1>Historique de l’action « ${action.code} ${action.title} »</h1>`);
    expect(text).toContain('a créé le jalon « Permanence ouverte à Mireuil »');
    expect(text).toMatch(
      /Versements :<ul class="changes"><li class="added">ajouté : « 4\s000\s€ le 2 novembre 2026 »/,
    );
    expect(text).not.toMatch(/amountCents|\{"/);
  });

  it('is not found for another governance’s coordinator', async () => {
    const cookie = await signedIn(DRONNE.coordinator);
    expect((await get(`/gouvernances/${LR.governance}/historique`, cookie)).status).toBe(404);
  });

  it('still reads after an author’s erasure, naming them nowhere', async () => {
    const jeanne = await createPerson(world.admin, {
      displayName: 'Jeanne Dupont-Lefèvre',
      functions: ['coordinateur'],
    });
    await assignRole(world.admin, {
      governanceId: LR.governance,
      personId: jeanne.id,
      role: 'coordinateur',
    });
    await describeGovernance(await signedIn(jeanne.id), 'Relue par la nouvelle coordinatrice.');
    await erasePersonalData(world.admin, { personId: jeanne.id });

    const cookie = await signedIn(MOREAU);
    for (const path of [
      `/gouvernances/${LR.governance}`,
      `/gouvernances/${LR.governance}/historique`,
    ]) {
      const page = await get(path, cookie);
      expect(page.status, path).toBe(200);
      const text = await page.text();
      expect(text, path).not.toMatch(/Jeanne|Dupont/i);
      expect(historyOf(text) || text, path).toMatch(
        /membre supprimé<\/strong> a modifié la gouvernance/,
      );
    }
  });
});
