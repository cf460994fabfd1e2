import { ValidationError } from '@maille/domain';
import { createTestWorld, type TestWorld } from '@maille/domain/testing';
import {
  createAction,
  createBody,
  createMilestone,
  createRoadmap,
  getMeeting,
  getMilestone,
  listActions,
  listHistory,
  recordDecision,
  type Store,
  scheduleMeeting,
} from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// A steering committee's decisions acting on the roadmap, stored in the database: the change and
// the decision point at each other, and a refused decision leaves nothing behind.

describe.each(DIALECTS)('decisions that act, on %s', (dialect) => {
  let test: TestDatabase;
  let world: TestWorld<Store>;

  beforeEach(async () => {
    test = await openTestDatabase(dialect);
    world = await createTestWorld({ store: createStore(test.database) });
  });
  afterEach(() => test.drop());

  async function heldCommittee() {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route inclusion numérique 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Bus numérique itinérant',
    });
    const milestone = await createMilestone(coordinator, {
      roadmapId: roadmap.id,
      actionId: action.id,
      title: 'Convention signée avec la CAF',
      dueDate: '2024-05-20',
    });
    const body = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
    });
    const meeting = await scheduleMeeting(coordinator, {
      bodyId: body.id,
      startsAt: '2024-05-13T07:00:00.000Z',
      status: 'tenue',
    });
    return { roadmap, action, milestone, meeting };
  }

  it('reschedules a milestone by decision: new date, history and audit name the decision, the decision names the milestone', async () => {
    const { milestone, meeting } = await heldCommittee();
    const coordinator = world.as('coordinator');
    const after = await recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Reporter la signature de la convention au 30 juin.',
      effect: { kind: 'reporter_jalon', milestoneId: milestone.id, to: '2024-06-30' },
    });
    const decision = after.decisions.at(-1);
    expect(decision?.outcome).toMatchObject({
      entity: 'milestone',
      id: milestone.id,
      from: '2024-05-20',
      to: '2024-06-30',
    });

    const moved = await getMilestone(coordinator, { milestoneId: milestone.id });
    expect(moved.dueDate).toBe('2024-06-30');
    expect(moved.status).toBe('reporte');
    const link = {
      meetingId: meeting.id,
      decisionId: decision?.id,
      on: '2024-05-13',
      bodyName: 'Comité de pilotage',
      text: 'Reporter la signature de la convention au 30 juin.',
    };
    expect(moved.decidedBy).toEqual(link);
    expect(moved.reschedules.at(-1)).toMatchObject({
      from: '2024-05-20',
      to: '2024-06-30',
      reason: 'Reporter la signature de la convention au 30 juin.',
      decidedBy: link,
    });
    const [entry] = (
      await listHistory(coordinator, {
        governanceId: world.governance.id,
        entity: 'milestone',
        entityId: milestone.id,
      })
    ).items;
    const event = entry?.event;
    expect(event).toMatchObject({
      action: 'reschedule',
      decidedBy: { meetingId: meeting.id, decisionId: decision?.id },
    });
    // Read back from the database, the meeting keeps the decision with what it did.
    const stored = await getMeeting(coordinator, { meetingId: meeting.id });
    expect(stored.decisions).toEqual(after.decisions);
  });

  it('creates an action by decision, and the roadmap lists it', async () => {
    const { roadmap, meeting } = await heldCommittee();
    const coordinator = world.as('coordinator');
    const after = await recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Lancer des ateliers numériques en médiathèque.',
      effect: {
        kind: 'creer_action',
        action: { roadmapId: roadmap.id, code: 'A2', title: 'Ateliers en médiathèque' },
      },
    });
    const decision = after.decisions.at(-1);
    const { items } = await listActions(coordinator, { roadmapId: roadmap.id, limit: 50 });
    const created = items.find((a) => a.code === 'A2');
    expect(created?.decidedBy).toMatchObject({ meetingId: meeting.id, decisionId: decision?.id });
    expect(decision).toMatchObject({
      actionId: created?.id,
      outcome: { entity: 'action', id: created?.id, label: 'A2 — Ateliers en médiathèque' },
    });
  });

  it('refuses a decision on another governance’s milestone, naming the field, and writes nothing', async () => {
    const { meeting } = await heldCommittee();
    const outsider = world.as('outsider');
    const elsewhere = await createRoadmap(outsider, {
      governanceId: world.outsiderGovernance.id,
      title: 'Une autre feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const foreign = await createMilestone(outsider, {
      roadmapId: elsewhere.id,
      title: 'Jalon d’ailleurs',
      dueDate: '2024-09-01',
    });
    const attempt = recordDecision(world.as('admin'), {
      meetingId: meeting.id,
      text: 'Reporter le jalon d’ailleurs.',
      effect: { kind: 'reporter_jalon', milestoneId: foreign.id, to: '2024-12-01' },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: [
        { path: ['effect', 'milestoneId'], message: expect.stringMatching(/autre gouvernance/) },
      ],
    });
    expect((await getMeeting(world.as('admin'), { meetingId: meeting.id })).decisions).toEqual([]);
    expect(await getMilestone(world.as('admin'), { milestoneId: foreign.id })).toMatchObject({
      dueDate: '2024-09-01',
      version: 1,
    });
  });

  it('writes nothing when the change itself is refused (the milestone already has that date)', async () => {
    const { milestone, meeting } = await heldCommittee();
    const coordinator = world.as('coordinator');
    const attempt = recordDecision(coordinator, {
      meetingId: meeting.id,
      text: 'Maintenir la date.',
      effect: { kind: 'reporter_jalon', milestoneId: milestone.id, to: '2024-05-20' },
    });
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['effect', 'to'] }] });
    expect((await getMeeting(coordinator, { meetingId: meeting.id })).version).toBe(
      meeting.version,
    );
    const history = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'milestone',
      entityId: milestone.id,
    });
    expect(history.items.map((e) => e.event.action)).toEqual(['create']);
  });
});
