import { DEMO_IDS } from '@maille/demo';
import {
  getBody,
  getGovernance,
  getMeeting,
  listBodies,
  listMeetings,
  updateBody,
  updateGovernance,
  updateMeeting,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const DRONNE = DEMO_IDS.dronneEtBelle;
const MOREAU = LR.coordinator;
const GAUTIER = 'per_lrgautier';
const COPIL = LR.steeringCommittee;
const FIRST_COPIL = 'mtg_lrcopil01';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

describe('every page with its forms', () => {
  it('gives each id once, so that each label names its own field', async () => {
    const cookie = await signedIn(MOREAU);
    for (const path of [
      `/gouvernances/${LR.governance}`,
      `/gouvernances/${LR.governance}/indicateurs`,
      `/instances/${COPIL}`,
      `/reunions/${FIRST_COPIL}`,
      `/feuilles-de-route/${LR.roadmap}`,
      `/feuilles-de-route/${LR.roadmap}/modifier`,
      '/fiches/act_lr0006',
      '/',
    ]) {
      const page = await (await get(path, cookie)).text();
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
      expect(twice, path).toEqual([]);
      expect(ids.length, path).toBeGreaterThan(3);
    }
  });
});

describe('the body page', () => {
  it('lists who sits on the body and its meetings, and shows its forms to the coordination only', async () => {
    const coordinator = await (await get(`/instances/${COPIL}`, await signedIn(MOREAU))).text();
    expect(coordinator).toContain('Qui y siège');
    expect(coordinator).toContain(`/reunions/${FIRST_COPIL}`);
    expect(coordinator).toContain('Ajouter un membre');
    expect(coordinator).toContain('Planifier une réunion');
    const member = await (await get(`/instances/${COPIL}`, await signedIn(GAUTIER))).text();
    expect(member).toContain('Qui y siège');
    expect(member).not.toContain('Ajouter un membre');
    expect(member).not.toContain('Planifier une réunion');
  });

  it('answers 404 for a body of another governance', async () => {
    const cookie = await signedIn(GAUTIER);
    const bodies = await listBodies(world.admin, { governanceId: DRONNE.governance, limit: 10 });
    const foreign = bodies.items[0]?.id;
    if (!foreign) throw new Error('la démo de Dronne et Belle devrait avoir une instance');
    expect((await get(`/instances/${foreign}`, cookie)).status).toBe(404);
  });

  it('creates a body from the governance page, and keeps what was typed when it is refused', async () => {
    const cookie = await signedIn(MOREAU);
    const refused = await post(`/gouvernances/${LR.governance}/instances`, cookie, {
      'instance-name': '',
      'instance-kind': 'comite_technique',
      'instance-frequency': 'mensuelle',
      'instance-description': 'Les techniciens des communes volontaires.',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('id="instance-name-erreur"');
    expect(page).toContain('Les techniciens des communes volontaires.');

    const created = await post(`/gouvernances/${LR.governance}/instances`, cookie, {
      'instance-name': 'Comité technique',
      'instance-kind': 'comite_technique',
      'instance-frequency': 'mensuelle',
    });
    expect(created.status).toBe(303);
    const location = created.headers.get('Location') ?? '';
    expect(location).toMatch(/^\/instances\/bod_/);
    const body = await getBody(world.admin, { bodyId: location.split('/')[2] });
    expect(body).toMatchObject({ name: 'Comité technique', kind: 'comite_technique' });
    const governancePage = await (await get(`/gouvernances/${LR.governance}`, cookie)).text();
    expect(governancePage).toContain('Comité technique');
  });

  it('seats a member, refuses seating them twice, and ends their seat', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getBody(world.admin, { bodyId: COPIL });
    const newcomer = 'per_lrdiallo';
    expect(before.members.some((m) => m.personId === newcomer && !m.until)).toBe(false);
    const seated = await post(`/instances/${COPIL}/membres`, cookie, {
      version: String(before.version),
      personId: newcomer,
      position: 'referent_technique',
      since: '2026-11-01',
    });
    expect(seated.status).toBe(303);
    const after = await getBody(world.admin, { bodyId: COPIL });
    const index = after.members.findIndex((m) => m.personId === newcomer && !m.until);
    expect(after.members[index]).toMatchObject({ position: 'referent_technique' });

    const twice = await post(`/instances/${COPIL}/membres`, cookie, {
      version: String(after.version),
      personId: newcomer,
      position: 'membre',
      since: '2026-11-20',
    });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('siège déjà');
    expect((await getBody(world.admin, { bodyId: COPIL })).version).toBe(after.version);

    const badDate = await post(`/instances/${COPIL}/membres/${index}/fin`, cookie, {
      version: String(after.version),
      [`until-${index}`]: '2026-02-30',
    });
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('Cette date n’existe pas.');

    const ended = await post(`/instances/${COPIL}/membres/${index}/fin`, cookie, {
      version: String(after.version),
      [`until-${index}`]: '2026-11-30',
    });
    expect(ended.status).toBe(303);
    expect((await getBody(world.admin, { bodyId: COPIL })).members[index]?.until).toBe(
      '2026-11-30',
    );

    const tampered = await post(`/instances/${COPIL}/membres/999/fin`, cookie, {
      version: String(after.version + 1),
      'until-999': '2026-11-30',
    });
    expect(tampered.status).toBe(400);
  });

  it('shows a stale body edit with what changed, keeps the typing, and saves it again', async () => {
    const cookie = await signedIn(MOREAU);
    const read = await getBody(world.admin, { bodyId: COPIL });
    const theirs = read.frequency === 'mensuelle' ? 'annuelle' : 'mensuelle';
    await updateBody(world.admin, {
      id: COPIL,
      expectedVersion: read.version,
      patch: { frequency: theirs },
    });
    const mine = {
      version: String(read.version),
      name: read.name,
      kind: read.kind,
      frequency: read.frequency,
      description: 'Élus, CAF, Département et préfecture.',
    };
    const stale = await post(`/instances/${COPIL}`, cookie, mine);
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Quelqu’un a modifié cet élément');
    expect(page).toContain(
      `Fréquence des réunions : maintenant « ${theirs === 'mensuelle' ? 'Mensuelle' : 'Annuelle'} »`,
    );
    expect(page).toContain('Élus, CAF, Département et préfecture.');
    const version = page.match(/name="version" value="(\d+)"/)?.[1];
    expect(Number(version)).toBe(read.version + 1);
    const again = await post(`/instances/${COPIL}`, cookie, { ...mine, version: String(version) });
    expect(again.status).toBe(303);
    expect(await getBody(world.admin, { bodyId: COPIL })).toMatchObject({
      description: 'Élus, CAF, Département et préfecture.',
      frequency: read.frequency,
    });
  });
});

describe('meetings', () => {
  it('plans a meeting in the governance’s time zone with its agenda', async () => {
    const cookie = await signedIn(MOREAU);
    const refused = await post(`/instances/${COPIL}/reunions`, cookie, {
      title: 'COPIL de printemps',
      date: '2027-03-10',
      time: '25:00',
      agenda: 'Bilan des permanences\nFinancements 2027',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('id="time-erreur"');
    expect(page).toContain('Financements 2027');

    const planned = await post(`/instances/${COPIL}/reunions`, cookie, {
      title: 'COPIL de printemps',
      date: '2027-03-10',
      time: '14:30',
      durationMinutes: '90',
      place: 'Hôtel de la communauté',
      agenda: 'Bilan des permanences\n\nFinancements 2027\n',
    });
    expect(planned.status).toBe(303);
    const meetingId = (planned.headers.get('Location') ?? '').split('/')[2] ?? '';
    const meeting = await getMeeting(world.admin, { meetingId });
    // 14:30 in Paris in March (UTC+1).
    expect(meeting.startsAt).toBe('2027-03-10T13:30:00.000Z');
    expect(meeting.agenda.map((i) => i.title)).toEqual([
      'Bilan des permanences',
      'Financements 2027',
    ]);
    const shown = await (await get(`/reunions/${meetingId}`, cookie)).text();
    expect(shown).toContain('mercredi 10 mars 2027 à 14:30');
    expect(shown).toContain('Hôtel de la communauté');
  });

  it('records minutes, decisions and attendance, keeping a decision’s sheet while its line stays', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getMeeting(world.admin, { meetingId: FIRST_COPIL });
    const linked = before.decisions.find((d) => d.actionId);
    if (!linked) throw new Error('la démo devrait avoir une décision liée à une fiche');
    const page = await (await get(`/reunions/${FIRST_COPIL}`, cookie)).text();
    const typed = Object.fromEntries(
      [...page.matchAll(/<select id="(presence-[^"]+)"/g)].map((m) => [m[1] as string, 'present']),
    );
    expect(Object.keys(typed).length).toBeGreaterThan(0);
    const form = {
      version: String(before.version),
      title: before.title ?? '',
      date: '2025-06-12',
      time: '09:30',
      durationMinutes: String(before.durationMinutes),
      status: 'tenue',
      agenda: before.agenda.map((i) => i.title).join('\n'),
      minutes: 'Le comité valide le calendrier.',
      decisions: [...before.decisions.map((d) => d.text), 'Ouvrir une permanence à Aytré'].join(
        '\n',
      ),
      ...typed,
    };
    const saved = await post(`/reunions/${FIRST_COPIL}`, cookie, form);
    expect(saved.status).toBe(303);
    const after = await getMeeting(world.admin, { meetingId: FIRST_COPIL });
    expect(after.minutes).toBe('Le comité valide le calendrier.');
    expect(after.decisions.find((d) => d.id === linked.id)?.actionId).toBe(linked.actionId);
    expect(after.decisions.at(-1)?.text).toBe('Ouvrir une permanence à Aytré');
    expect(after.attendance.length).toBe(Object.keys(typed).length);
    expect(after.attendance.every((a) => a.status === 'present')).toBe(true);

    // Someone else changes the meeting: the stale form is shown again with the current place.
    await updateMeeting(world.admin, {
      id: FIRST_COPIL,
      expectedVersion: after.version,
      patch: { place: 'Salle du conseil' },
    });
    const stale = await post(`/reunions/${FIRST_COPIL}`, cookie, {
      ...form,
      version: String(after.version),
      minutes: 'Compte rendu corrigé.',
    });
    expect(stale.status).toBe(409);
    const stalePage = await stale.text();
    expect(stalePage).toContain('Lieu : maintenant « Salle du conseil »');
    expect(stalePage).toContain('Compte rendu corrigé.');
    expect((await getMeeting(world.admin, { meetingId: FIRST_COPIL })).minutes).toBe(
      'Le comité valide le calendrier.',
    );
  });

  it('refuses a tampered attendance without writing, and hides the form from members', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getMeeting(world.admin, { meetingId: FIRST_COPIL });
    const refused = await post(`/reunions/${FIRST_COPIL}`, cookie, {
      version: String(before.version),
      date: '2025-06-12',
      time: '09:30',
      status: 'tenue',
      'presence-per_inconnu': 'present',
    });
    expect(refused.status).toBe(400);
    expect((await getMeeting(world.admin, { meetingId: FIRST_COPIL })).version).toBe(
      before.version,
    );
    const member = await (await get(`/reunions/${FIRST_COPIL}`, await signedIn(GAUTIER))).text();
    expect(member).toContain('Présences');
    expect(member).not.toContain('Enregistrer la réunion');
    const forbidden = await post(`/reunions/${FIRST_COPIL}`, await signedIn(GAUTIER), {
      version: String(before.version),
      date: '2025-06-12',
      time: '09:30',
    });
    expect(forbidden.status).toBe(403);
    const meetings = await listMeetings(world.admin, { governanceId: LR.governance, limit: 10 });
    expect(meetings.items.length).toBeGreaterThan(0);
  });
});

describe('the governance edit form', () => {
  it('changes the name and refuses an unknown time zone in French', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getGovernance(world.admin, { governanceId: LR.governance });
    const form = {
      version: String(before.version),
      name: before.name,
      formality: before.formality,
      timeZone: 'Europe/Rochefort',
      description: '',
    };
    const refused = await post(`/gouvernances/${LR.governance}`, cookie, form);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Fuseau horaire inconnu');
    const saved = await post(`/gouvernances/${LR.governance}`, cookie, {
      ...form,
      timeZone: 'Europe/Paris',
      description: 'Coordination de l’inclusion numérique de l’agglomération.',
    });
    expect(saved.status).toBe(303);
    const after = await getGovernance(world.admin, { governanceId: LR.governance });
    expect(after.description).toBe('Coordination de l’inclusion numérique de l’agglomération.');
    const member = await (
      await get(`/gouvernances/${LR.governance}`, await signedIn(GAUTIER))
    ).text();
    expect(member).not.toContain('Modifier la gouvernance');
    await updateGovernance(world.admin, {
      id: LR.governance,
      expectedVersion: after.version,
      patch: { description: null },
    });
  });

  it('adds a person with a role, changes the role, and keeps at least one coordinator', async () => {
    const cookie = await signedIn(MOREAU);
    const before = await getGovernance(world.admin, { governanceId: LR.governance });
    const badMail = await post(`/gouvernances/${LR.governance}/personnes`, cookie, {
      version: String(before.version),
      displayName: 'Inès Robin',
      email: 'ines.robin@',
      role: 'membre',
    });
    expect(badMail.status).toBe(400);
    const badPage = await badMail.text();
    expect(badPage).toContain('id="email-erreur"');
    expect(badPage).toContain('value="Inès Robin"');
    expect((await getGovernance(world.admin, { governanceId: LR.governance })).version).toBe(
      before.version,
    );

    const added = await post(`/gouvernances/${LR.governance}/personnes`, cookie, {
      version: String(before.version),
      displayName: 'Inès Robin',
      email: 'ines.robin@example.fr',
      role: 'membre',
    });
    expect(added.status).toBe(303);
    const after = await getGovernance(world.admin, { governanceId: LR.governance });
    const ines = after.roles.at(-1);
    expect(ines?.role).toBe('membre');
    const page = await (await get(`/gouvernances/${LR.governance}`, cookie)).text();
    expect(page).toContain('Inès Robin');

    const observer = await post(`/gouvernances/${LR.governance}/roles`, cookie, {
      version: String(after.version),
      personId: ines?.personId ?? '',
      [`role-${ines?.personId}`]: 'observateur',
    });
    expect(observer.status).toBe(303);
    const now = await getGovernance(world.admin, { governanceId: LR.governance });
    expect(now.roles.find((r) => r.personId === ines?.personId)?.role).toBe('observateur');

    const coordinators = now.roles.filter((r) => r.role === 'coordinateur');
    expect(coordinators).toHaveLength(1);
    const lastOne = await post(`/gouvernances/${LR.governance}/roles`, cookie, {
      version: String(now.version),
      personId: MOREAU,
      [`role-${MOREAU}`]: 'aucun',
    });
    expect(lastOne.status).toBe(409);
    expect(await lastOne.text()).toContain('au moins un·e coordinateur·rice');
  });

  it('opens a governance from the home page by its territory’s official code', async () => {
    const cookie = await signedIn(GAUTIER);
    const home = await (await get('/', cookie)).text();
    expect(home).toContain('Ouvrir une gouvernance');
    const wrongCode = await post('/gouvernances/nouvelle', cookie, {
      name: 'Coordination de l’inclusion numérique du Grand Cognac',
      level: 'epci',
      code: '200070515',
      formality: 'informelle',
    });
    expect(wrongCode.status).toBe(400);
    const page = await wrongCode.text();
    expect(page).toContain('id="code-erreur"');
    expect(page).toContain('SIREN d’EPCI invalide');
    expect(page).toContain('value="Coordination de l’inclusion numérique du Grand Cognac"');

    const opened = await post('/gouvernances/nouvelle', cookie, {
      name: 'Coordination de l’inclusion numérique du Grand Cognac',
      level: 'epci',
      code: '200070514',
      formality: 'informelle',
    });
    expect(opened.status).toBe(303);
    const governanceId = (opened.headers.get('Location') ?? '').split('/')[2] ?? '';
    const governance = await getGovernance(world.admin, { governanceId });
    expect(governance).toMatchObject({
      territory: { level: 'epci', code: '200070514' },
      perimeter: 'epci',
      roles: [{ personId: GAUTIER, role: 'coordinateur' }],
    });
    const ownPage = await (await get(`/gouvernances/${governanceId}`, cookie)).text();
    expect(ownPage).toContain('Modifier la gouvernance');
  });
});
