import { DEMO_IDS } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { expectProblem, faultyFields, read, send } from './requests.ts';

// A steering committee's decision through the API: recorded on its meeting, applied to the
// roadmap, and readable from both sides.

const LR = DEMO_IDS.laRochelle;
const HELD = 'mtg_lrcopil01';
const MILESTONE = 'mil_lr0101';
const api = suiteApi();

const post = (path: string, body: unknown, token: string) =>
  api.app.request(path, send('POST', { body, token }));

interface Decision {
  id: string;
  text: string;
  actionId?: string;
  effect?: { kind: string };
  outcome?: { entity: string; id: string; from?: string; to?: string };
}

describe('POST /meetings/{meetingId}/decisions', () => {
  it('reschedules a milestone to 30 June: the meeting lists the decision and what it changed, the milestone names it', async () => {
    const before = await read<{ dueDate: string }>(
      api,
      `/milestones/${MILESTONE}`,
      api.keys.member,
    );
    const response = await post(
      `/meetings/${HELD}/decisions`,
      {
        text: 'Reporter le bilan annuel des conseillers au 30 juin.',
        effect: { kind: 'reporter_jalon', milestoneId: MILESTONE, to: '2027-06-30' },
      },
      api.keys.coordinator,
    );
    expect(response.status, await response.clone().text()).toBe(201);
    expect(response.headers.get('Location')).toBe(`/meetings/${HELD}`);
    const meeting = (await response.json()) as { decisions: Decision[] };
    const decision = meeting.decisions.at(-1);
    expect(decision).toMatchObject({
      effect: { kind: 'reporter_jalon' },
      outcome: { entity: 'milestone', id: MILESTONE, from: before.body.dueDate, to: '2027-06-30' },
    });

    const { body: milestone } = await read<Record<string, unknown>>(
      api,
      `/milestones/${MILESTONE}`,
      api.keys.member,
    );
    expect(milestone).toMatchObject({
      dueDate: '2027-06-30',
      status: 'reporte',
      decidedBy: {
        meetingId: HELD,
        decisionId: decision?.id,
        bodyName: 'Comité de pilotage de la feuille de route',
        text: 'Reporter le bilan annuel des conseillers au 30 juin.',
      },
    });
    const { body: read_ } = await read<{ decisions: Decision[] }>(
      api,
      `/meetings/${HELD}`,
      api.keys.observer,
    );
    expect(read_.decisions.at(-1)).toEqual(decision);
  });

  it('refuses another governance’s milestone with a French message naming the field, and writes nothing', async () => {
    const { body: before, etag } = await read(api, `/meetings/${HELD}`, api.keys.coordinator);
    const response = await post(
      `/meetings/${HELD}/decisions`,
      {
        text: 'Reporter un jalon de Dronne et Belle.',
        effect: { kind: 'reporter_jalon', milestoneId: 'mil_db0101', to: '2027-06-30' },
      },
      api.keys.admin,
    );
    const problem = await expectProblem(response, 400, 'validation');
    expect(problem.errors).toEqual([
      { path: '/effect/milestoneId', message: expect.stringMatching(/autre gouvernance/) },
    ]);
    const after = await read(api, `/meetings/${HELD}`, api.keys.coordinator);
    expect(after.etag).toBe(etag);
    expect(after.body).toEqual(before);
  });

  it.each([
    [
      'a change of its action',
      { kind: 'modifier_action', actionId: 'act_db0001', status: 'suspendue' },
      '/effect/actionId',
      /Cette action appartient à une autre gouvernance que la séance/,
    ],
    [
      'the adoption of its roadmap',
      { kind: 'adopter_feuille_de_route', roadmapId: 'rdm_dronnebelle' },
      '/effect/roadmapId',
      /Cette feuille de route appartient à une autre gouvernance que la séance/,
    ],
    [
      'a new action in its roadmap',
      {
        kind: 'creer_action',
        action: { roadmapId: 'rdm_dronnebelle', code: 'B9', title: 'Une fiche ailleurs' },
      },
      '/effect/action/roadmapId',
      /Cette feuille de route appartient à une autre gouvernance que la séance/,
    ],
  ])(
    'refuses, for another governance, %s: French message on the field, nothing written',
    async (_, effect, path, message) => {
      const meeting = await read(api, `/meetings/${HELD}`, api.keys.coordinator);
      const bus = await read(api, '/actions/act_db0001', api.keys.admin);
      const roadmap = await read(api, '/roadmaps/rdm_dronnebelle', api.keys.admin);
      const response = await post(
        `/meetings/${HELD}/decisions`,
        { text: 'Une décision sur Dronne et Belle.', effect },
        api.keys.admin,
      );
      const problem = await expectProblem(response, 400, 'validation');
      expect(problem.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
      expect((await read(api, `/meetings/${HELD}`, api.keys.coordinator)).etag).toBe(meeting.etag);
      expect((await read(api, '/actions/act_db0001', api.keys.admin)).etag).toBe(bus.etag);
      expect((await read(api, '/roadmaps/rdm_dronnebelle', api.keys.admin)).etag).toBe(
        roadmap.etag,
      );
    },
  );

  it('refuses a decision that only names another governance’s action, on its field', async () => {
    const { etag } = await read(api, `/meetings/${HELD}`, api.keys.coordinator);
    const response = await post(
      `/meetings/${HELD}/decisions`,
      { text: 'Le bus de Dronne et Belle.', actionId: 'act_db0001' },
      api.keys.admin,
    );
    const problem = await expectProblem(response, 400, 'validation');
    expect(problem.errors?.map((e) => e.path)).toEqual(['/actionId']);
    expect(problem.errors?.[0]?.message).toMatch(/^Action introuvable/);
    expect((await read(api, `/meetings/${HELD}`, api.keys.coordinator)).etag).toBe(etag);
  });

  it('answers 400 for a bad effect, 404 for an unknown meeting, 409 for a meeting still to come', async () => {
    expect(
      await faultyFields(
        await post(
          `/meetings/${HELD}/decisions`,
          {
            text: 'Reporter.',
            effect: { kind: 'reporter_jalon', milestoneId: MILESTONE, to: '30/06' },
          },
          api.keys.coordinator,
        ),
      ),
    ).toEqual(['/effect/to']);
    await expectProblem(
      await post('/meetings/mtg_inconnue/decisions', { text: 'Rien.' }, api.keys.coordinator),
      404,
      'introuvable',
    );
    const planned = await post(
      `/bodies/${LR.steeringCommittee}/meetings`,
      { startsAt: '2027-03-12T13:00:00.000Z' },
      api.keys.coordinator,
    );
    const { id } = (await planned.json()) as { id: string };
    const early = await expectProblem(
      await post(`/meetings/${id}/decisions`, { text: 'Trop tôt.' }, api.keys.coordinator),
      409,
      'conflit',
    );
    expect(early.detail).toMatch(/12 mars 2027/);
  });
});
