import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  ValidationError,
} from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createAction } from '../roadmap/create-action.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { getAction } from '../roadmap/get-action.ts';
import { getRoadmap } from '../roadmap/get-roadmap.ts';
import { listRoadmapVersions } from '../roadmap/list-roadmap-versions.ts';
import { createBody } from './create-body.ts';
import { getMeeting } from './get-meeting.ts';
import { getSteeringBrief } from './get-steering-brief.ts';
import { recordDecision } from './record-decision.ts';
import { scheduleMeeting } from './schedule-meeting.ts';
import { updateMeeting } from './update-meeting.ts';

describe('recording a decision that acts', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld({ start: '2024-05-13T10:00:00.000Z' });
  });

  async function committee(startsAt = '2024-05-13T07:00:00.000Z', status = 'tenue') {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Bus numérique itinérant',
      startDate: '2024-03-01',
    });
    const body = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
    });
    const meeting = await scheduleMeeting(coordinator, { bodyId: body.id, startsAt, status });
    return { roadmap, action, meeting };
  }

  it('changes an action’s fields and status, and both the action and its status move name the decision', async () => {
    const { action, meeting } = await committee();
    const after = await recordDecision(world.as('coordinator'), {
      meetingId: meeting.id,
      text: 'Le bus passe sous la responsabilité de Marc et devient prioritaire.',
      effect: {
        kind: 'modifier_action',
        actionId: action.id,
        changes: { ownerId: world.people.member.id, priority: 'haute' },
        status: 'abandonnee',
      },
    });
    const decision = after.decisions.at(-1);
    const changed = await getAction(world.as('coordinator'), { actionId: action.id });
    expect(changed).toMatchObject({
      ownerId: world.people.member.id,
      priority: 'haute',
      status: 'abandonnee',
      title: 'Bus numérique itinérant',
      decidedBy: {
        meetingId: meeting.id,
        decisionId: decision?.id,
        bodyName: 'Comité de pilotage',
      },
    });
    expect(changed.statusHistory.at(-1)).toMatchObject({
      to: 'abandonnee',
      decidedBy: { decisionId: decision?.id },
    });
    expect(decision).toMatchObject({ actionId: action.id, outcome: { entity: 'action' } });
  });

  it('adopts a roadmap with the meeting’s body as deciding assembly, and its version names the decision', async () => {
    const { roadmap, meeting } = await committee();
    const coordinator = world.as('coordinator');
    const after = await recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Le comité adopte la feuille de route.',
      effect: { kind: 'adopter_feuille_de_route', roadmapId: roadmap.id },
    });
    const adopted = await getRoadmap(coordinator, { roadmapId: roadmap.id });
    expect(adopted).toMatchObject({
      status: 'adoptee',
      adoption: { date: '2024-05-13', assembly: 'Comité de pilotage' },
      decidedBy: { meetingId: meeting.id },
    });
    const { items } = await listRoadmapVersions(coordinator, { roadmapId: roadmap.id, limit: 10 });
    expect(items[0]?.decidedBy?.decisionId).toBe(after.decisions.at(-1)?.id);
    expect(after.decisions.at(-1)?.outcome?.roadmapVersion?.number).toBe(1);

    // Adopting it again is the roadmap's own rule: refused, nothing more written.
    await expect(
      recordDecision(coordinator, {
        meetingId: meeting.id,
        text: 'Le comité adopte encore la feuille de route.',
        effect: { kind: 'adopter_feuille_de_route', roadmapId: roadmap.id },
      }),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
    expect((await getMeeting(coordinator, { meetingId: meeting.id })).decisions).toHaveLength(1);
  });

  it('keeps the rules of the change: an end date before the start names the field inside the effect', async () => {
    const { action, meeting } = await committee();
    const attempt = recordDecision(world.as('coordinator'), {
      meetingId: meeting.id,
      text: 'Finir le bus avant de le commencer.',
      effect: { kind: 'modifier_action', actionId: action.id, changes: { endDate: '2024-01-01' } },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: [{ path: ['effect', 'changes', 'endDate'] }],
    });
    expect((await getAction(world.as('coordinator'), { actionId: action.id })).version).toBe(1);
  });

  it('refuses another governance’s action or roadmap, naming the field in French, and writes nothing', async () => {
    const { meeting } = await committee();
    const outsider = world.as('outsider');
    const theirs = await createRoadmap(outsider, {
      governanceId: world.outsiderGovernance.id,
      title: 'Leur feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const theirAction = await createAction(outsider, {
      roadmapId: theirs.id,
      code: 'B1',
      title: 'Leur action',
    });
    const refusals = [
      [
        { kind: 'modifier_action', actionId: theirAction.id, changes: { title: 'Prise' } },
        'actionId',
      ],
      [{ kind: 'adopter_feuille_de_route', roadmapId: theirs.id }, 'roadmapId'],
    ] as const;
    for (const [effect, field] of refusals) {
      const error = await recordDecision(world.as('admin'), {
        meetingId: meeting.id,
        text: 'Décider pour une autre gouvernance.',
        effect,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        {
          path: ['effect', field],
          message: expect.stringMatching(/appartient à une autre gouvernance que la séance\.$/),
        },
      ]);
    }
    expect((await getMeeting(world.as('admin'), { meetingId: meeting.id })).version).toBe(
      meeting.version,
    );
    expect(await getAction(world.as('admin'), { actionId: theirAction.id })).toEqual(theirAction);
    expect((await getRoadmap(world.as('admin'), { roadmapId: theirs.id })).status).toBe(
      theirs.status,
    );
  });

  it('refuses a decision at a meeting still to come or cancelled', async () => {
    const { action, meeting } = await committee('2024-06-20T07:00:00.000Z', 'prevue');
    const decide = (meetingId: string) =>
      recordDecision(world.as('coordinator'), {
        meetingId,
        text: 'Changer le titre.',
        effect: { kind: 'modifier_action', actionId: action.id, changes: { title: 'Bus' } },
      });
    await expect(decide(meeting.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(decide(meeting.id)).rejects.toThrow(/20 juin 2024/);
    const today = await scheduleMeeting(world.as('coordinator'), {
      bodyId: meeting.bodyId,
      startsAt: '2024-05-13T16:00:00.000Z',
    });
    await expect(decide(today.id)).resolves.toMatchObject({
      decisions: [{ text: 'Changer le titre.' }],
    });
  });

  it('asks for the right to manage meetings: a member may not record one', async () => {
    const { action, meeting } = await committee();
    await expect(
      recordDecision(world.as('member'), {
        meetingId: meeting.id,
        text: 'Changer le titre.',
        effect: { kind: 'modifier_action', actionId: action.id, changes: { title: 'Bus' } },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps a decision that acted when the meeting is edited, and refuses to drop it', async () => {
    const { action, meeting } = await committee();
    const coordinator = world.as('coordinator');
    const decided = await recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Changer le titre du bus.',
      effect: { kind: 'modifier_action', actionId: action.id, changes: { title: 'Bus' } },
    });
    const acting = decided.decisions[0];
    const edited = await updateMeeting(coordinator, {
      id: meeting.id,
      patch: {
        decisions: [{ id: acting?.id, text: acting?.text }, { text: 'Une autre décision.' }],
      },
    });
    expect(edited.decisions[0]).toEqual(acting);
    await expect(
      updateMeeting(coordinator, { id: meeting.id, patch: { decisions: [] } }),
    ).rejects.toMatchObject({ issues: [{ path: ['patch', 'decisions'] }] });
  });

  it('puts the decisions and what they changed in the steering brief', async () => {
    const { action, meeting } = await committee();
    await recordDecision(world.as('coordinator'), {
      meetingId: meeting.id,
      text: 'Changer le titre du bus.',
      effect: { kind: 'modifier_action', actionId: action.id, changes: { title: 'Bus' } },
    });
    const brief = await getSteeringBrief(world.as('member'), { governanceId: world.governance.id });
    expect(brief.recentDecisions).toEqual([
      expect.objectContaining({
        decision: expect.objectContaining({
          text: 'Changer le titre du bus.',
          outcome: expect.objectContaining({ entity: 'action', label: 'A1 — Bus' }),
        }),
        action: expect.objectContaining({ id: action.id }),
      }),
    ]);
  });
});
