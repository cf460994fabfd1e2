import { ConflictError, InvalidTransitionError } from '@maille/domain';
import { createTestWorld, type TestWorld } from '@maille/domain/testing';
import {
  adoptRoadmap,
  answerReminder,
  changeRoadmapStatus,
  createAction,
  createApiKey,
  createCalendarFeed,
  createIndicator,
  createMilestone,
  createOrganization,
  createRoadmap,
  getRoadmapHealth,
  handleChatInteraction,
  issueChatLinkCode,
  linkChatAccountWithCode,
  listApiKeys,
  listCalendarFeeds,
  listHistory,
  planDeliveries,
  promoteAction,
  type Repositories,
  readCalendarFeed,
  recordMeasurement,
  recordUpdate,
  redeemChatLinkCode,
  revokeApiKey,
  revokeCalendarFeed,
  type Store,
  transitionAction,
  updateAction,
  verifyApiKey,
} from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Database } from '../src/index.ts';
import type { Schema } from '../src/schema.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// The kernel's own use cases over the database: what they return, and what they leave stored,
// must be what they return and leave in the kernel's in-memory store.

/**
 * A roadmap from draft to adopted and revised, with its reminders planned twice. Returns what each
 * step answered and what the store holds at the end, for comparing two stores.
 */
async function roadmapScenario<S extends Store>(world: TestWorld<S>) {
  const coordinator = world.as('coordinator');
  const member = world.as('member', 'discord');
  const governanceId = world.governance.id;

  const lead = await createOrganization(coordinator, {
    name: 'Centre social du Ruban Vert',
    category: 'centre_social',
  });
  const roadmap = await createRoadmap(coordinator, {
    governanceId,
    title: 'Feuille de route inclusion numérique 2024-2027',
    fromYear: 2024,
    toYear: 2027,
    axes: [{ title: 'Accompagner les publics' }],
  });
  const action = await createAction(coordinator, {
    roadmapId: roadmap.id,
    axisId: roadmap.axes[0]?.id,
    code: 'A1',
    title: 'Bus numérique itinérant',
  });
  await updateAction(coordinator, {
    id: action.id,
    expectedVersion: 1,
    patch: { ownerId: world.people.member.id, leadOrganizationIds: [lead.id] },
  });
  const signed = await createMilestone(coordinator, {
    roadmapId: roadmap.id,
    actionId: action.id,
    title: 'Convention signée avec la CAF',
    dueDate: '2024-05-20',
    ownerId: world.people.member.id,
  });
  const firstTrip = await createMilestone(coordinator, {
    roadmapId: roadmap.id,
    actionId: action.id,
    title: 'Premier circuit du bus',
    dueDate: '2024-06-03',
    ownerId: world.people.member.id,
  });
  const promoted = await promoteAction(coordinator, { actionId: action.id });
  await transitionAction(coordinator, { actionId: action.id, to: 'prete' });
  const running = await transitionAction(member, { actionId: action.id, to: 'en_cours' });
  const note = await recordUpdate(member, {
    subject: { type: 'milestone', id: signed.id },
    text: 'Convention signée ce matin.',
    milestoneStatus: 'atteint',
  });

  const indicator = await createIndicator(coordinator, {
    governanceId,
    code: 'personnes_accompagnees',
    label: 'Personnes accompagnées',
    unit: 'personnes',
    method: { type: 'saisie' },
    timeAggregation: 'somme',
    territoryRollup: 'somme',
    periodicity: 'mensuelle',
  });
  const value = {
    indicatorId: indicator.id,
    territory: world.governance.territory,
    period: '2024-04',
  };
  const draft = await recordMeasurement(member, { ...value, value: 120 });
  const validated = await recordMeasurement(coordinator, {
    ...value,
    value: 132,
    status: 'valide',
  });

  const adoption = {
    date: '2024-05-30',
    assembly: 'conseil communautaire',
    deliberationRef: 'DEL-2024-042',
  };
  world.clock.advanceDays(1);
  const adopted = await adoptRoadmap(coordinator, { roadmapId: roadmap.id, adoption });
  await changeRoadmapStatus(coordinator, { roadmapId: roadmap.id, status: 'en_revision' });
  await createAction(coordinator, { roadmapId: roadmap.id, code: 'A2', title: 'Permanences' });
  const revised = await adoptRoadmap(coordinator, {
    roadmapId: roadmap.id,
    adoption: { ...adoption, date: '2025-01-15' },
  });

  // No use case links a chat account yet (the bot will): the member gets one directly, so that
  // reminders have somewhere to go.
  await world.store.transaction(async (repos) => {
    const person = await repos.persons.get(world.people.member.id);
    if (!person) throw new Error('the member should exist');
    await repos.persons.update({
      ...person,
      chatAccounts: [
        { platform: 'discord', userId: '412398765432101234', linkedAt: world.clock() },
      ],
      version: person.version + 1,
    });
  });
  world.clock.advanceDays(22);
  const health = await getRoadmapHealth(coordinator, { roadmapId: roadmap.id });
  const planned = await planDeliveries(coordinator, { governanceId });
  const plannedAgain = await planDeliveries(coordinator, { governanceId });
  const history = await listHistory(coordinator, { governanceId, limit: 100 });

  const stored = await world.store.transaction(async (repos) => ({
    actions: await repos.actions.listByRoadmap(roadmap.id),
    milestones: await repos.milestones.listByRoadmap(roadmap.id),
    late: await repos.milestones.listOpenDueBefore(governanceId, '2024-06-10'),
    updates: await repos.updates.listBySubject({ type: 'milestone', id: signed.id }),
    measurements: await repos.measurements.listByIndicator(indicator.id),
    versions: await repos.roadmapVersions.listByRoadmap(roadmap.id),
    deliveries: await repos.deliveries.listByGovernance(governanceId),
    audit: await repos.auditEvents.listByEntity('action', action.id),
  }));
  return {
    steps: { promoted, running, note, draft, validated, adopted, revised, health },
    planned,
    plannedAgain,
    history,
    stored,
    milestones: { signed: signed.id, firstTrip: firstTrip.id },
  };
}

/**
 * Keys, calendar feeds, link codes and button answers through their use cases: what each step
 * answered, or the kind of error it raised, with the random ids and secrets left out, for
 * comparing two stores.
 */
async function credentialsScenario<S extends Store>(world: TestWorld<S>) {
  const steps: unknown[] = [];
  const step = async (work: () => Promise<unknown>) => {
    try {
      steps.push(await work());
    } catch (error) {
      steps.push({ refused: (error as { code?: string }).code });
    }
  };
  const member = world.people.member.id;
  const governanceId = world.governance.id;
  const anyone = world.as('public', 'discord');

  const { key, token } = await createApiKey(world.as('member'), {
    personId: member,
    label: 'Tableur',
    instanceAdmin: false,
  });
  await step(() => verifyApiKey(anyone, { token }).then((i) => i && { ...i, keyId: 'key' }));
  await step(() =>
    createApiKey(world.as('coordinator'), { personId: member, label: 'x', instanceAdmin: false }),
  );
  await step(() => revokeApiKey(world.as('outsider'), { keyId: key.id }));
  await step(() => revokeApiKey(world.as('member'), { keyId: token }).then((k) => k.revokedAt));
  await step(() => verifyApiKey(anyone, { token }));
  await step(async () => (await listApiKeys(world.as('admin'))).map(({ id: _, ...rest }) => rest));

  const feed = await createCalendarFeed(world.as('coordinator'), { governanceId, label: 'Agenda' });
  await step(async () => (await readCalendarFeed(anyone, { token: feed.token }))?.governance?.id);
  await step(() => createCalendarFeed(world.as('member'), { governanceId, label: 'x' }));
  await step(() => revokeCalendarFeed(world.as('outsider'), { feedId: feed.feed.id }));
  await step(() =>
    revokeCalendarFeed(world.as('coordinator'), { feedId: feed.feed.id }).then((f) => f.revokedAt),
  );
  await step(() => readCalendarFeed(anyone, { token: feed.token }));
  await step(async () =>
    (await listCalendarFeeds(world.as('admin'))).map(({ id: _, ...rest }) => rest),
  );

  await step(() => issueChatLinkCode(world.as('observer'), { personId: member }));
  const { code } = await issueChatLinkCode(world.as('coordinator'), { personId: member });
  await step(() => redeemChatLinkCode(anyone, { code: code.toLowerCase() }));
  await step(() => redeemChatLinkCode(anyone, { code }));
  const second = await issueChatLinkCode(world.as('coordinator'), { personId: member });
  const account = { platform: 'discord', userId: '333333333333333333' };
  await step(
    async () =>
      (await linkChatAccountWithCode(anyone, { code: second.code, ...account }))?.chatAccounts,
  );
  await step(() => linkChatAccountWithCode(anyone, { code: second.code, ...account }));

  const answer = { deliveryId: 'dlv_answer01', subjectId: 'mil_answer01', verb: 'fait' };
  await step(() => answerReminder(world.as('member', 'discord'), answer, async () => 'fait'));
  const interaction = { interactionId: '1300000000000000001' };
  await step(() => handleChatInteraction(anyone, interaction, async () => ({ text: 'Un.' })));
  await step(() => handleChatInteraction(anyone, interaction, async () => ({ text: 'Deux.' })));
  return steps;
}

async function countRows(database: Database): Promise<Record<string, number>> {
  const tables: (keyof Schema)[] = [
    'actions',
    'milestones',
    'updates',
    'audit_events',
    'measurements',
    'roadmap_versions',
    'deliveries',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe.each(DIALECTS)('the use cases of the kernel on %s', (dialect) => {
  let test: TestDatabase;
  let world: TestWorld<Store>;

  beforeEach(async () => {
    test = await openTestDatabase(dialect);
    world = await createTestWorld({ store: createStore(test.database) });
  });
  afterEach(() => test.drop());

  it('take a roadmap from draft to revision and plan its reminders once, as in memory', async () => {
    const result = await roadmapScenario(world);

    expect(result.steps.promoted).toMatchObject({ kind: 'fiche_action', version: 3 });
    expect(result.steps.running.statusHistory.map((c) => `${c.from}→${c.to}`)).toEqual([
      'a_murir→prete',
      'prete→en_cours',
    ]);
    const { stored } = result;
    expect(stored.milestones.find((m) => m.id === result.milestones.signed)).toMatchObject({
      status: 'atteint',
      completedOn: '2024-05-13',
    });
    expect(stored.updates.map((u) => u.id)).toEqual([result.steps.note.id]);
    expect(stored.measurements.map((m) => [m.revision, m.value, m.status])).toEqual([
      [1, 120, 'provisoire'],
      [2, 132, 'valide'],
    ]);
    expect(stored.versions.map((v) => [v.number, v.reason, v.snapshot.actions.length])).toEqual([
      [1, 'adoption', 1],
      [2, 'revision', 2],
    ]);
    expect(stored.late.map((m) => m.id)).toEqual([result.milestones.firstTrip]);
    expect(result.steps.health.health.lateMilestones.map((m) => m.id)).toEqual([
      result.milestones.firstTrip,
    ]);
    expect(result.planned.inserted).toBeGreaterThan(0);
    expect(result.plannedAgain).toEqual({ planned: result.planned.planned, inserted: 0 });
    expect(stored.deliveries).toHaveLength(result.planned.inserted);
    expect(stored.audit.map((e) => e.action)).toEqual([
      'create',
      'update',
      'promote',
      'transition',
      'transition',
    ]);

    const inMemory = await roadmapScenario(await createTestWorld());
    expect(result).toEqual(inMemory);
  });

  it('keep and check keys, calendar feeds, link codes and answers as in memory', async () => {
    const result = await credentialsScenario(world);
    expect(result).toContainEqual({ refused: 'forbidden' });
    expect(result).toEqual(await credentialsScenario(await createTestWorld()));
  });

  it('keep no update and no audit event when the status change an update carries is refused', async () => {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Permanences',
    });
    const before = await countRows(test.database);
    await expect(
      recordUpdate(coordinator, {
        subject: { type: 'action', id: action.id },
        text: 'Terminé !',
        actionStatus: 'realisee',
      }),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await countRows(test.database)).toEqual(before);
  });

  it('write a change and its audit event together, or neither', async () => {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Permanences',
    });
    // The audit trail fails at the last step of the use case, after the action is written.
    const withoutAudit: Store = {
      transaction: (work) =>
        world.store.transaction((repos) =>
          work({
            ...repos,
            auditEvents: {
              ...repos.auditEvents,
              insert: async () => {
                throw new Error('journal indisponible');
              },
            },
          } satisfies Repositories),
        ),
    };
    const before = await countRows(test.database);
    await expect(
      updateAction(
        { ...coordinator, store: withoutAudit },
        { id: action.id, expectedVersion: 1, patch: { title: 'Jamais enregistré' } },
      ),
    ).rejects.toThrow('journal indisponible');
    expect(await countRows(test.database)).toEqual(before);
    const stored = await world.store.transaction((repos) => repos.actions.get(action.id));
    expect(stored).toEqual(action);
  });

  it('refuse a change made from a stale version and keep the newer one', async () => {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Permanences',
    });
    await updateAction(coordinator, {
      id: action.id,
      expectedVersion: 1,
      patch: { title: 'Permanences en mairie' },
    });
    const before = await countRows(test.database);
    await expect(
      updateAction(coordinator, {
        id: action.id,
        expectedVersion: 1,
        patch: { title: 'Autre titre' },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await countRows(test.database)).toEqual(before);
    const stored = await world.store.transaction((repos) => repos.actions.get(action.id));
    expect(stored).toMatchObject({ title: 'Permanences en mairie', version: 2 });
  });

  it('let one of two simultaneous changes of the same version through, the other conflicts', async () => {
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Permanences',
    });
    const results = await Promise.allSettled(
      ['Premier titre', 'Second titre'].map((title) =>
        updateAction(coordinator, { id: action.id, expectedVersion: 1, patch: { title } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((r) => r.status === 'fulfilled');
    const loser = results.find((r) => r.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toBeInstanceOf(ConflictError);
    const stored = await world.store.transaction((repos) => repos.actions.get(action.id));
    expect(winner?.status === 'fulfilled' && winner.value).toEqual(stored);
    const history = await listHistory(coordinator, {
      governanceId: world.governance.id,
      entity: 'action',
      entityId: action.id,
    });
    expect(history.items.map((e) => e.event.action)).toEqual(['update', 'create']);
  });
});
