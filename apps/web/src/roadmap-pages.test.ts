import { DEMO_IDS } from '@maille/demo';
import { getAction, getActionSheet, listActions, updateAction } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator; // coordinates La Rochelle
const MARCHAND = 'per_lrmarchand'; // member, owns A1.2
const GIRAUD = 'per_lrgiraud'; // member, of the CDA (which leads A1.2)
const GAUTIER = 'per_lrgautier'; // member, of Aytré: a partner of A1.2, carries none of it
const PERMANENCES = 'act_lr0002'; // A1.2, owned by Marchand

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

/** The value a form field shows on a page (an input's value, or a textarea's text). */
function fieldValue(page: string, name: string): string | undefined {
  const input = page.match(new RegExp(`<input id="${name}" name="${name}"[^>]* value="([^"]*)"`));
  if (input) return input[1];
  return page.match(
    new RegExp(`<textarea id="${name}" name="${name}"[^>]*>([^<]*)</textarea>`),
  )?.[1];
}

describe('the roadmap page', () => {
  it('shows the axes as a tree with progress, and filters by lateness, owner and status', async () => {
    const cookie = await signedIn(GIRAUD);
    const page = await get(`/feuilles-de-route/${LR.roadmap}`, cookie);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('A1.2');
    expect(text).toMatch(/<progress max="100" value="\d+" aria-label="Avancement de l’axe/);
    expect(text).toContain('aria-current="page">Feuille de route');
    // A member may not create sheets: no link to the form.
    expect(text).not.toContain('/fiches/nouvelle');

    const byOwner = await (
      await get(`/feuilles-de-route/${LR.roadmap}?responsable=${MARCHAND}`, cookie)
    ).text();
    expect(byOwner).toContain('A1.2');
    expect(byOwner).not.toContain('A1.1 ');
    expect(byOwner).toMatch(/1 fiche affichée sur \d+/);

    const done = await (
      await get(`/feuilles-de-route/${LR.roadmap}?statut=realisee`, cookie)
    ).text();
    expect(done).not.toContain('A1.2');
  });

  it('refuses a tampered filter in French, and hides another governance’s roadmap', async () => {
    const cookie = await signedIn(GIRAUD);
    const bad = await get(`/feuilles-de-route/${LR.roadmap}?statut=finie`, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Envoi refusé');
    expect((await get('/feuilles-de-route/rdm_inconnue', cookie)).status).toBe(404);
  });
});

describe('the fiche-action page', () => {
  it('lets a member post an update, and keeps what they typed when it is refused', async () => {
    const cookie = await signedIn(GAUTIER);
    const sheet = await get(`/fiches/${PERMANENCES}`, cookie);
    expect(sheet.status).toBe(200);
    const html = await sheet.text();
    expect(html).toContain('Publier un point d’étape');
    // Gautier neither carries the sheet nor its milestones: no button to change them.
    expect(html).not.toContain('Marquer atteint');
    expect(html).not.toContain('Modifier la fiche');

    const refused = await post(`/fiches/${PERMANENCES}/points`, cookie, {
      kind: 'avancement',
      text: `Trois permanences ouvertes\u0000`,
    });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('class="error" id="text-erreur"');
    expect(again).toContain('Trois permanences ouvertes');
    const before = await getActionSheet(world.admin, { actionId: PERMANENCES });

    const posted = await post(`/fiches/${PERMANENCES}/points`, cookie, {
      kind: 'avancement',
      text: 'Trois permanences ouvertes à Aytré, Lagord et Périgny.',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('Location')).toBe(`/fiches/${PERMANENCES}#points`);
    const after = await getActionSheet(world.admin, { actionId: PERMANENCES });
    expect(after.updates.length).toBe(before.updates.length + 1);
    expect(await (await get(`/fiches/${PERMANENCES}`, cookie)).text()).toContain(
      'Trois permanences ouvertes à Aytré, Lagord et Périgny.',
    );
  });

  it('lets the owner mark a milestone reached, and refuses a stale button without changing it', async () => {
    const cookie = await signedIn(MARCHAND);
    const sheet = await getActionSheet(world.admin, { actionId: PERMANENCES });
    const open = sheet.milestones.find((m) => m.state === 'a_venir' || m.state === 'en_retard');
    if (!open) throw new Error('la démo devrait avoir un jalon ouvert sur A1.2');
    const id = open.milestone.id;
    const stale = await post(`/jalons/${id}/atteint`, cookie, {
      version: String(open.milestone.version - 1 || 99),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('modifié entre-temps');

    const reschedule = await post(`/jalons/${id}/report`, cookie, {
      version: String(open.milestone.version),
      [`report-${id}-to`]: '2026-02-30',
      [`report-${id}-reason`]: 'La salle n’est pas prête.',
    });
    expect(reschedule.status).toBe(400);
    const refused = await reschedule.text();
    expect(refused).toContain(`id="report-${id}-to-erreur"`);
    expect(refused).toContain('La salle n’est pas prête.');

    const reached = await post(`/jalons/${id}/atteint`, cookie, {
      version: String(open.milestone.version),
    });
    expect(reached.status).toBe(303);
    const now = await getActionSheet(world.admin, { actionId: PERMANENCES });
    expect(now.milestones.find((m) => m.milestone.id === id)?.state).toBe('atteint');
  });

  it('answers 403 to a member who posts on a milestone they do not carry', async () => {
    const cookie = await signedIn(GAUTIER);
    const sheet = await getActionSheet(world.admin, { actionId: PERMANENCES });
    const milestone = sheet.milestones.find((m) => m.milestone.id === 'mil_lr0203')?.milestone;
    if (!milestone) throw new Error('la démo devrait avoir un jalon sur A1.2');
    const response = await post(`/jalons/${milestone.id}/annulation`, cookie, {
      version: String(milestone.version),
    });
    expect(response.status).toBe(403);
    const now = await getActionSheet(world.admin, { actionId: PERMANENCES });
    expect(now.milestones.find((m) => m.milestone.id === milestone.id)?.milestone).toEqual(
      milestone,
    );
  });
});

describe('creating and editing a sheet', () => {
  it('creates a sheet with its first milestone, or nothing when the milestone is refused', async () => {
    const cookie = await signedIn(MOREAU);
    const form = await get(`/feuilles-de-route/${LR.roadmap}/fiches/nouvelle`, cookie);
    expect(form.status).toBe(200);
    const count = async () =>
      (await listActions(world.admin, { roadmapId: LR.roadmap, limit: 100 })).items.length;
    const before = await count();

    const refused = await post(`/feuilles-de-route/${LR.roadmap}/fiches/nouvelle`, cookie, {
      code: 'A9.1',
      title: 'Café numérique mensuel',
      ownerId: GIRAUD,
      budget: '2 500',
      milestoneTitle: 'Premier café',
      milestoneDueDate: '2027-13-01',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('id="milestoneDueDate-erreur"');
    expect(fieldValue(page, 'title')).toBe('Café numérique mensuel');
    expect(fieldValue(page, 'budget')).toBe('2 500');
    expect(await count()).toBe(before);

    const created = await post(`/feuilles-de-route/${LR.roadmap}/fiches/nouvelle`, cookie, {
      code: 'A9.1',
      title: 'Café numérique mensuel',
      ownerId: GIRAUD,
      budget: '2 500',
      milestoneTitle: 'Premier café',
      milestoneDueDate: '2027-01-15',
    });
    expect(created.status).toBe(303);
    const actionId = created.headers.get('Location')?.split('/').pop() ?? '';
    const sheet = await getActionSheet(world.admin, { actionId });
    expect(sheet.action).toMatchObject({ code: 'A9.1', ownerId: GIRAUD, budgetCents: 250_000 });
    expect(sheet.milestones.map((m) => [m.milestone.title, m.milestone.dueDate])).toEqual([
      ['Premier café', '2027-01-15'],
    ]);
  });

  it('refuses a member the creation form', async () => {
    const cookie = await signedIn(GIRAUD);
    expect((await get(`/feuilles-de-route/${LR.roadmap}/fiches/nouvelle`, cookie)).status).toBe(
      403,
    );
  });

  it('shows a stale edit beside the other person’s change, and saves only what was changed', async () => {
    const cookie = await signedIn(MOREAU);
    const form = await (await get(`/fiches/${PERMANENCES}/modifier`, cookie)).text();
    const version = form.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const before = form.match(/name="avant" value="([^"]*)"/)?.[1] ?? '';
    const avant = before
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&#39;', "'");
    const read = JSON.parse(avant) as Record<string, string>;

    // Meanwhile, the owner changes the title through another channel.
    const current = await getAction(world.admin, { actionId: PERMANENCES });
    await updateAction(world.admin, {
      id: PERMANENCES,
      expectedVersion: current.version,
      patch: { title: 'Permanences numériques dans les communes' },
    });

    const mine = {
      ...read,
      objectives: 'Une permanence par commune volontaire avant l’été.',
      version,
      avant,
    };
    const stale = await post(`/fiches/${PERMANENCES}/modifier`, cookie, mine);
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Quelqu’un a modifié cette fiche');
    expect(page).toContain('Permanences numériques dans les communes');
    // The form keeps the person's objectives and takes the other's title.
    expect(fieldValue(page, 'objectives')).toBe(
      'Une permanence par commune volontaire avant l’été.',
    );
    expect(fieldValue(page, 'title')).toBe('Permanences numériques dans les communes');
    expect((await getAction(world.admin, { actionId: PERMANENCES })).objectives).toBeUndefined();

    const again = Object.fromEntries(
      ['version', 'avant', ...Object.keys(read)].map((name) => [
        name,
        (name === 'avant'
          ? page
              .match(/name="avant" value="([^"]*)"/)?.[1]
              ?.replaceAll('&quot;', '"')
              .replaceAll('&amp;', '&')
              .replaceAll('&#39;', "'")
          : name === 'version'
            ? page.match(/name="version" value="(\d+)"/)?.[1]
            : (fieldValue(page, name) ?? read[name])) ?? '',
      ]),
    );
    const saved = await post(`/fiches/${PERMANENCES}/modifier`, cookie, again);
    expect(saved.status).toBe(303);
    const action = await getAction(world.admin, { actionId: PERMANENCES });
    expect(action.title).toBe('Permanences numériques dans les communes');
    expect(action.objectives).toBe('Une permanence par commune volontaire avant l’été.');
  });

  it('refuses a tampered hidden field with a French 400, writing nothing', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getAction(world.admin, { actionId: PERMANENCES });
    const response = await post(`/fiches/${PERMANENCES}/modifier`, cookie, {
      version: 'abc',
      avant: '{"title":',
      title: 'Autre titre',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('rien n’a été enregistré');
    expect((await getAction(world.admin, { actionId: PERMANENCES })).version).toBe(before.version);
  });
});
