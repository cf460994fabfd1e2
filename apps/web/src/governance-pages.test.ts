import { DEMO_IDS } from '@maille/demo';
import { getActionSheet, getPerson, readCalendarFeed } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb, pdfTitle } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const DRONNE = DEMO_IDS.dronneEtBelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';
const PERMANENCES = 'act_lr0002';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

describe('the governance page and the steering brief', () => {
  it('shows the bodies and their members, the next meetings and the axes of each roadmap', async () => {
    const page = await (
      await get(`/gouvernances/${LR.governance}`, await signedIn(GAUTIER))
    ).text();
    expect(page).toContain('Instances et membres');
    expect(page).toContain('Prochaines réunions');
    expect(page).toMatch(/aria-label="Avancement de l’axe [^"]+"/);
    expect(page).toContain(`/gouvernances/${LR.governance}/point-copil`);
  });

  it('gives the brief with the decisions to follow up, and its PDF with the governance’s name', async () => {
    const cookie = await signedIn(MOREAU);
    const brief = await get(`/gouvernances/${LR.governance}/point-copil`, cookie);
    expect(brief.status).toBe(200);
    const html = await brief.text();
    expect(html).toContain('Décisions à suivre');
    expect(html).toContain('Avancer l’ouverture de la permanence de Périgny');
    expect(html).toContain('Télécharger en PDF');

    const pdf = await get(`/gouvernances/${LR.governance}/point-copil.pdf`, cookie);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Content-Disposition')).toContain('attachment');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(bytes)).toContain('agglomération de La Rochelle');
  }, 60_000);

  it('answers 404 for another governance’s brief and indicators', async () => {
    const cookie = await signedIn(GAUTIER);
    for (const path of ['point-copil', 'point-copil.pdf', 'indicateurs']) {
      expect((await get(`/gouvernances/${DRONNE.governance}/${path}`, cookie)).status).toBe(404);
    }
  });
});

describe('the indicators page', () => {
  it('draws each series as an SVG image with its table, without inline style', async () => {
    const page = await (
      await get(`/gouvernances/${LR.governance}/indicateurs`, await signedIn(GAUTIER))
    ).text();
    const svg = page.match(/<svg[^>]*>/)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-labelledby="ind-[^"]+-titre ind-[^"]+-desc"/);
    expect(page).toContain('<title id="ind-');
    expect(page).toContain('3e trimestre 2026');
    // The CSP refuses inline styles: the chart must not rely on any.
    expect(page).not.toMatch(/<style|style="/);
  });
});

describe('the sheet’s status and funding forms', () => {
  it('moves the status with the version shown, and adds a funding line in euros', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getActionSheet(world.admin, { actionId: PERMANENCES });
    const stale = await post(`/fiches/${PERMANENCES}/statut`, cookie, {
      version: String(before.action.version + 7),
      to: 'suspendue',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('modifiée entre-temps');
    const tampered = await post(`/fiches/${PERMANENCES}/statut`, cookie, {
      version: String(before.action.version),
      to: 'terminee',
    });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('id="to-erreur"');
    const suspended = await post(`/fiches/${PERMANENCES}/statut`, cookie, {
      version: String(before.action.version),
      to: 'suspendue',
      reason: 'Pas de salle à Lagord avant le printemps.',
    });
    expect(suspended.status).toBe(303);

    const refused = await post(`/fiches/${PERMANENCES}/financements`, cookie, {
      funderKind: 'caf',
      amount: 'beaucoup',
      status: 'demande',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="amount-erreur"');
    const added = await post(`/fiches/${PERMANENCES}/financements`, cookie, {
      funderKind: 'caf',
      programme: 'Fonds publics et territoires',
      amount: '12 500',
      status: 'demande',
    });
    expect(added.status).toBe(303);
    const after = await getActionSheet(world.admin, { actionId: PERMANENCES });
    expect(after.action.status).toBe('suspendue');
    expect(after.fundingLines.map((l) => [l.funderKind, l.amountCents])).toContainEqual([
      'caf',
      1_250_000,
    ]);
  });
});

describe('my account', () => {
  it('saves reminder preferences, refuses an impossible hour in French, and pauses reminders', async () => {
    const cookie = await signedIn(GAUTIER);
    const page = await (await get('/compte', cookie)).text();
    const version = page.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const refused = await post('/compte/rappels', cookie, {
      version,
      channel: 'message_prive',
      quietFrom: '25:00',
      quietTo: '08:00',
    });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('id="quietFrom-erreur"');
    expect(again).toContain('value="25:00"');

    const saved = await post('/compte/rappels', cookie, {
      version,
      channel: 'mention_salon',
      quietFrom: '20:00',
      quietTo: '08:00',
      weekends: '1',
    });
    expect(saved.status).toBe(303);
    const paused = await post('/compte/pause', cookie, { until: '2027-01-05' });
    expect(paused.status).toBe(303);
    const person = await getPerson(world.admin, { personId: GAUTIER });
    expect('reminders' in person && person.reminders).toMatchObject({
      channel: 'mention_salon',
      quietHours: { from: '20:00', to: '08:00' },
      weekends: true,
      pausedUntil: '2027-01-05',
    });
  });

  it('lets a person choose e-mail, give their address, and turn a kind of reminder off; refuses a bad address in French', async () => {
    const cookie = await signedIn(GAUTIER);
    const version = (await (await get('/compte', cookie)).text()).match(
      /name="version" value="(\d+)"/,
    )?.[1];
    const form = {
      version: version ?? '',
      medium: 'les_deux',
      channel: 'message_prive',
      quietFrom: '19:00',
      quietTo: '08:30',
      kinds: '1',
      kind_milestone_reminder: '1',
    };
    const refused = await post('/compte/rappels', cookie, { ...form, email: 'pas-une-adresse' });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('id="email-erreur"');
    expect(again).toContain('Adresse électronique invalide.');
    const saved = await post('/compte/rappels', cookie, { ...form, email: 'C.Gautier@Exemple.fr' });
    expect(saved.status).toBe(303);
    const person = await getPerson(world.admin, { personId: GAUTIER });
    expect('email' in person && person.email).toBe('c.gautier@exemple.fr');
    expect('reminders' in person && person.reminders.medium).toBe('les_deux');
    expect('reminders' in person && person.reminders.pausedKinds).not.toContain(
      'milestone_reminder',
    );
    expect('reminders' in person && person.reminders.pausedKinds).toContain('action_checkin');
    const page = await (await get('/compte', cookie)).text();
    expect(page).toContain('<option value="les_deux" selected>');
    expect(page).toMatch(
      /id="kind_milestone_reminder" name="kind_milestone_reminder" value="1" checked/,
    );
  });

  it('lets a person choose, per kind, e-mail for the digest and chat for milestones; refuses an unknown medium in French', async () => {
    const cookie = await signedIn(GAUTIER);
    const version = (await (await get('/compte', cookie)).text()).match(
      /name="version" value="(\d+)"/,
    )?.[1];
    const form = {
      version: version ?? '',
      medium: 'les_deux',
      email: 'c.gautier@exemple.fr',
      channel: 'message_prive',
      quietFrom: '19:00',
      quietTo: '08:30',
      kinds: '1',
      kind_milestone_reminder: '1',
      kind_community_digest: '1',
      medium_milestone_reminder: 'discussion',
      medium_action_checkin: '',
    };
    const refused = await post('/compte/rappels', cookie, {
      ...form,
      medium_community_digest: 'pigeon',
    });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain('id="medium_community_digest-erreur"');
    expect(again).toContain('Choisissez parmi : discussion, courriel ou les_deux.');
    const saved = await post('/compte/rappels', cookie, {
      ...form,
      medium_community_digest: 'courriel',
    });
    expect(saved.status).toBe(303);
    const person = await getPerson(world.admin, { personId: GAUTIER });
    expect('reminders' in person && person.reminders.mediumByKind).toEqual({
      milestone_reminder: 'discussion',
      community_digest: 'courriel',
    });
    const page = await (await get('/compte', cookie)).text();
    expect(page).toContain('Comme d’habitude');
    expect(page).toMatch(
      /<select id="medium_community_digest" name="medium_community_digest"[^>]*>.*?<option value="courriel" selected>Courriel<\/option>/s,
    );
    expect(page).toMatch(
      /<select id="medium_milestone_reminder" name="medium_milestone_reminder"[^>]*>.*?<option value="discussion" selected>Discussion<\/option>/s,
    );
  });

  it('shows the agenda link in « Mon agenda »; « Renouveler le lien » makes the old one stop working', async () => {
    const cookie = await signedIn(MOREAU);
    const link =
      /id="agenda-url" value="(http:\/\/maille\.test\/calendars\/([A-Za-z0-9_-]{43})\.ics)"/;
    const before = await (await get('/compte', cookie)).text();
    expect(before).toContain('<h2 id="agenda">Mon agenda</h2>');
    expect(before).toContain('Vous n’avez pas encore de lien d’agenda.');
    expect(before).not.toMatch(link);

    const made = await post('/compte/agenda', cookie, {});
    expect(made.status).toBe(303);
    // The first link replaces nothing: no « the old one no longer works ».
    expect(made.headers.get('Location')).toBe('/compte#agenda');
    const first = link.exec(await (await get('/compte', cookie)).text())?.[2];
    expect(first).toBeDefined();
    const opens = async (token: string | undefined) =>
      (await readCalendarFeed(world.admin, { token }))?.personId;
    expect(await opens(first)).toBe(MOREAU);

    const page = await (await get('/compte', cookie)).text();
    expect(page).toContain('abonnement par URL');
    expect(page).toMatch(/<button type="submit" class="secondary">Renouveler le lien<\/button>/);
    const renewed = await post('/compte/agenda', cookie, {});
    expect(renewed.headers.get('Location')).toBe('/compte?agenda=nouveau#agenda');
    const after = await (await get('/compte?agenda=nouveau', cookie)).text();
    expect(after).toContain('l’ancien ne fonctionne plus');
    const second = link.exec(after)?.[2];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await opens(first)).toBeUndefined();
    expect(await opens(second)).toBe(MOREAU);
    // Another person's page shows their own link, never Moreau's.
    expect(await (await get('/compte', await signedIn(GAUTIER))).text()).not.toContain(second);
  });

  it('refuses a renewal posted from another site, and renews nothing', async () => {
    const cookie = await signedIn(GAUTIER);
    const refused = await world.web.request('http://maille.test/compte/agenda', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://ailleurs.example',
        Cookie: cookie,
      },
      body: '',
    });
    expect(refused.status).toBe(403);
    expect(await (await get('/compte', cookie)).text()).toContain(
      'Vous n’avez pas encore de lien d’agenda.',
    );
  });

  it('shows a chat link code once, and signs out of every device', async () => {
    const cookie = await signedIn(GAUTIER);
    const other = await signedIn(GAUTIER);
    const code = await (await post('/compte/code-chat', cookie, {})).text();
    expect(code).toMatch(/<strong class="code">[A-Z0-9]{4}-[A-Z0-9]{4}<\/strong>/);
    const out = await post('/compte/deconnexion-partout', cookie, {});
    expect(out.status).toBe(303);
    expect((await get('/compte', other)).status).toBe(401);
    expect((await get('/compte', cookie)).status).toBe(401);
  });
});
