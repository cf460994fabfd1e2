import { DEMO_IDS } from '@maille/demo';
import { getAction, getMeeting, getMilestone, listActions } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, openTestWeb } from '../test/harness.ts';

// The « Consigner une décision » form of a meeting page, as a coordinator posts it.

const LR = DEMO_IDS.laRochelle;
const HELD = 'mtg_lrcopil01';
const GAUTIER = 'per_lrgautier';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

describe('recording a decision on the meeting page', () => {
  it('shows the form to the coordination only', async () => {
    const coordinator = await (
      await get(`/reunions/${HELD}`, await signedIn(LR.coordinator))
    ).text();
    expect(coordinator).toContain('Consigner une décision');
    const member = await (await get(`/reunions/${HELD}`, await signedIn(GAUTIER))).text();
    expect(member).not.toContain('Consigner une décision');
  });

  it('creates an action by decision: the roadmap lists it, the meeting and the brief link to it', async () => {
    const cookie = await signedIn(LR.coordinator);
    const done = await post(`/reunions/${HELD}/decisions`, cookie, {
      decisionText: 'Ouvrir des ateliers numériques dans les médiathèques.',
      effect: 'creer_action',
      roadmapId: LR.roadmap,
      actionCode: 'A9',
      actionTitle: 'Ateliers en médiathèque',
    });
    expect(done.status).toBe(303);
    const { items } = await listActions(world.admin, { roadmapId: LR.roadmap, limit: 100 });
    const created = items.find((a) => a.code === 'A9');
    expect(created?.title).toBe('Ateliers en médiathèque');

    const meetingPage = await (await get(`/reunions/${HELD}`, cookie)).text();
    expect(meetingPage).toContain(`href="/fiches/${created?.id}"`);
    expect(meetingPage).toContain('Action créée : A9 — Ateliers en médiathèque');
    const roadmapPage = await (await get(`/feuilles-de-route/${LR.roadmap}`, cookie)).text();
    expect(roadmapPage).toContain('Ateliers en médiathèque');
    const actionPage = await (await get(`/fiches/${created?.id}`, cookie)).text();
    expect(actionPage).toMatch(/Décidé en séance du .*Ouvrir des ateliers numériques/s);
    const brief = await (await get(`/gouvernances/${LR.governance}/point-copil`, cookie)).text();
    expect(brief).toContain('Action créée : A9 — Ateliers en médiathèque');
  });

  it('reschedules a milestone by decision: the meeting, the action sheet and the brief link each side', async () => {
    const cookie = await signedIn(LR.coordinator);
    const text = 'Reporter le bilan annuel des conseillers au 30 juin.';
    const done = await post(`/reunions/${HELD}/decisions`, cookie, {
      decisionText: text,
      effect: 'reporter_jalon',
      milestoneId: 'mil_lr0101',
      to: '2027-06-30',
    });
    expect(done.status).toBe(303);
    const milestone = await getMilestone(world.admin, { milestoneId: 'mil_lr0101' });
    expect(milestone).toMatchObject({ dueDate: '2027-06-30', decidedBy: { meetingId: HELD } });
    const changed = /Jalon « [^»]+ » reporté du .+ au 30 juin 2027/;
    const meetingPage = await (await get(`/reunions/${HELD}`, cookie)).text();
    expect(meetingPage).toMatch(changed);
    expect(meetingPage).toContain(`href="/fiches/${milestone.actionId}#jalon-mil_lr0101"`);
    const actionPage = await (await get(`/fiches/${milestone.actionId}`, cookie)).text();
    expect(actionPage).toMatch(new RegExp(`Décidé en séance du .*${text}`, 's'));
    expect(actionPage).toContain(`href="/reunions/${HELD}"`);
    const brief = await (await get(`/gouvernances/${LR.governance}/point-copil`, cookie)).text();
    expect(brief).toContain(text);
    expect(brief).toMatch(changed);
  });

  it('refuses another governance’s milestone in the form, in French, and writes nothing', async () => {
    const cookie = await signedIn(LR.coordinator);
    const before = await getMeeting(world.admin, { meetingId: HELD });
    const refused = await post(`/reunions/${HELD}/decisions`, cookie, {
      decisionText: 'Reporter un jalon de Dronne et Belle.',
      effect: 'reporter_jalon',
      milestoneId: 'mil_db0101',
      to: '2027-06-30',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toMatch(/id="milestoneId-erreur">Ce jalon appartient à une autre gouvernance/);
    expect(page).toContain('Reporter un jalon de Dronne et Belle.');
    expect((await getMeeting(world.admin, { meetingId: HELD })).version).toBe(before.version);
    expect((await getMilestone(world.admin, { milestoneId: 'mil_db0101' })).version).toBe(1);
  });

  it('refuses another governance’s action in the form, in French next to its field, and writes nothing', async () => {
    const cookie = await signedIn(LR.coordinator);
    const before = await getMeeting(world.admin, { meetingId: HELD });
    const bus = await getAction(world.admin, { actionId: 'act_db0001' });
    const refused = await post(`/reunions/${HELD}/decisions`, cookie, {
      decisionText: 'Renommer le bus de Dronne et Belle.',
      effect: 'modifier_action',
      actionId: 'act_db0001',
      actionNewTitle: 'Un autre bus',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toMatch(/id="actionId-erreur">Cette action appartient à une autre gouvernance/);
    expect(page).toContain('Renommer le bus de Dronne et Belle.');
    expect((await getMeeting(world.admin, { meetingId: HELD })).version).toBe(before.version);
    expect((await getAction(world.admin, { actionId: 'act_db0001' })).version).toBe(bus.version);
  });

  it('keeps a decision that acted when the meeting is edited through its form', async () => {
    const cookie = await signedIn(LR.coordinator);
    const done = await post(`/reunions/${HELD}/decisions`, cookie, {
      decisionText: 'Confier la fiche A1.1 au comité.',
      effect: 'modifier_action',
      actionId: 'act_lr0001',
      actionNewTitle: 'Huit conseillers numériques en poste',
    });
    expect(done.status).toBe(303);
    const decided = await getMeeting(world.admin, { meetingId: HELD });
    const acting = decided.decisions.filter((d) => d.effect);
    // The edit form is posted as the page gave it: its text area lists only the plain decisions.
    const page = await (await get(`/reunions/${HELD}`, cookie)).text();
    const inputOf = (id: string) =>
      page.match(new RegExp(`<input id="${id}"[^>]*value="([^"]*)"`))?.[1] ?? '';
    const areaOf = (id: string) =>
      page.match(new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`))?.[1] ?? '';
    expect(areaOf('decisions')).not.toContain('Confier la fiche A1.1');
    const edited = await post(`/reunions/${HELD}`, cookie, {
      version: String(decided.version),
      date: inputOf('date'),
      time: inputOf('time'),
      durationMinutes: inputOf('durationMinutes'),
      status: 'tenue',
      agenda: areaOf('agenda').replaceAll('&#39;', "'"),
      minutes: areaOf('minutes').replaceAll('&#39;', "'"),
      decisions: `${areaOf('decisions').replaceAll('&#39;', "'")}\nUne décision de plus.`,
    });
    expect(edited.status).toBe(303);
    const after = await getMeeting(world.admin, { meetingId: HELD });
    expect(after.decisions.filter((d) => d.effect)).toEqual(acting);
    expect(after.decisions.map((d) => d.text)).toContain('Une décision de plus.');
  });
});
