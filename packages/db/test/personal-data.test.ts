import { Delivery, type Person, searchKey } from '@maille/domain';
import { createTestWorld, type TestWorld } from '@maille/domain/testing';
import {
  addFundingLine,
  adoptRoadmap,
  answerReminder,
  assignRole,
  createAction,
  createBody,
  createIndicator,
  createMilestone,
  createOrganization,
  createPerson,
  createRoadmap,
  erasePersonalData,
  exportGovernance,
  exportPersonalData,
  issueChatLinkCode,
  issueSignInLink,
  recordMeasurement,
  recordUpdate,
  recordVisit,
  type Store,
  scheduleMeeting,
  signIn,
  type UseCaseContext,
  updateGovernance,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimIdempotencyKey,
  createStore,
  type Database,
  type IdempotencyScope,
  settleIdempotencyClaim,
} from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase, tableColumns } from './dialects.ts';

const NAME = 'Jeanne Dupont-Lefèvre';
const EMAIL = 'jeanne.dupont@exemple.fr';
const PHONE = '+33546123456';
const DISCORD = '912345678901234567';

/** Her name, email and phone as stored and as people write them, and her chat id. */
const IDENTIFYING = [
  NAME,
  searchKey(NAME),
  EMAIL,
  PHONE,
  '0546123456',
  '05 46 12 34 56',
  '05.46.12.34.56',
  DISCORD,
].map((text) => text.toLowerCase());

/** Every table she is planted in (person_chat_accounts through her chat account). */
const PLANTED_TABLES = [
  'persons',
  'person_chat_accounts',
  'organizations',
  'governances',
  'bodies',
  'meetings',
  'roadmaps',
  'roadmap_versions',
  'actions',
  'milestones',
  'funding_lines',
  'updates',
  'indicators',
  'measurements',
  'audit_events',
  'deliveries',
  'delivery_events',
  'api_keys',
  'idempotency_keys',
];

/** The tables she is exported from: a stored Idempotency-Key response is a copy, not a record. */
const RECORD_TABLES = PLANTED_TABLES.filter((table) => table !== 'idempotency_keys');

/**
 * `table.column` of every text column, of every table, that holds one of `needles` in some row,
 * ignoring case. The tables are read from the schema's catalog: a table added later is scanned too.
 */
async function columnsHolding(database: Database, needles: readonly string[]): Promise<string[]> {
  const hits = new Set<string>();
  const tables = new Map<string, string[]>();
  for (const { table, column, dataType } of await tableColumns(database)) {
    if (table.startsWith('kysely_')) continue;
    const columns = tables.get(table) ?? [];
    if (/char|text|clob|json/i.test(dataType)) columns.push(column);
    tables.set(table, columns);
  }
  expect([...tables.keys()]).toEqual(expect.arrayContaining(PLANTED_TABLES));
  for (const [table, columns] of tables) {
    if (columns.length === 0) continue;
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
      columns.map((c) => sql.ref(c)),
    )} from ${sql.table(table)}`.execute(database.db);
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'string') continue;
        const text = value.toLowerCase();
        if (needles.some((needle) => text.includes(needle))) hits.add(`${table}.${column}`);
      }
    }
  }
  return [...hits].sort();
}

/**
 * Plants Jeanne in every table: through the use cases where there is one (so the audit trail and
 * the roadmap's frozen version quote her as they would in real life), through the repositories
 * or plain SQL for what the bot and the CLI write (chat link, outbox, API key).
 */
async function plant(world: TestWorld<Store>, database: Database): Promise<Person> {
  const coordinator = world.as('coordinator');
  const governanceId = world.governance.id;
  let jeanne = await createPerson(world.as('admin'), {
    displayName: NAME,
    email: EMAIL,
    phone: '05 46 12 34 56',
    functions: ['benevole'],
  });
  await assignRole(coordinator, { governanceId, personId: jeanne.id, role: 'membre' });
  jeanne = await world.store.transaction(async (repos) => {
    const linked: Person = {
      ...jeanne,
      chatAccounts: [{ platform: 'discord', userId: DISCORD, linkedAt: world.clock() }],
      version: jeanne.version + 1,
    };
    await repos.persons.update(linked);
    return linked;
  });
  const asJeanne: UseCaseContext = {
    ...coordinator,
    actor: { personId: jeanne.id, channel: 'discord' },
  };

  const association = await createOrganization(coordinator, {
    name: 'Clic Solidaire',
    category: 'association',
    email: EMAIL,
    phone: PHONE,
    description: `Association animée par ${NAME}.`,
  });
  await updateGovernance(coordinator, {
    id: governanceId,
    patch: { description: 'Référente bénévole : JEANNE DUPONT-LEFÈVRE (05.46.12.34.56).' },
  });
  const body = await createBody(coordinator, {
    governanceId,
    name: 'Comité des bénévoles',
    kind: 'communaute',
    description: `Animé par ${NAME}, ${EMAIL}.`,
    members: [{ personId: jeanne.id, organizationId: association.id, since: '2024-01-15' }],
  });
  await scheduleMeeting(coordinator, {
    bodyId: body.id,
    startsAt: '2024-05-06T15:00:00.000Z',
    status: 'tenue',
    minutes: 'Compte rendu rédigé par jeanne dupont lefevre, joignable au 0546123456.',
    attendance: [{ personId: jeanne.id, status: 'present' }],
  });
  const roadmap = await createRoadmap(coordinator, {
    governanceId,
    title: 'Feuille de route 2024-2027',
    fromYear: 2024,
    toYear: 2027,
    axes: [{ title: 'Accompagner les publics' }],
    diagnosis: { summary: `Diagnostic mené avec ${NAME} auprès des habitants.` },
  });
  const action = await createAction(coordinator, {
    roadmapId: roadmap.id,
    axisId: roadmap.axes[0]?.id,
    code: 'A1',
    title: 'Permanences numériques',
    description: `Inscriptions auprès de ${EMAIL} ou au ${PHONE}.`,
    ownerId: jeanne.id,
  });
  await createMilestone(coordinator, {
    roadmapId: roadmap.id,
    actionId: action.id,
    title: `Bilan des permanences avec ${NAME}`,
    dueDate: '2024-12-16',
    ownerId: jeanne.id,
  });
  await addFundingLine(coordinator, {
    actionId: action.id,
    funderKind: 'commune',
    amountCents: 150_000,
    note: `Dossier suivi par ${NAME} (05 46 12 34 56).`,
  });
  await recordUpdate(asJeanne, {
    subject: { type: 'action', id: action.id },
    text: `Première permanence tenue par ${NAME} ; me joindre à ${EMAIL}.`,
  });
  const indicator = await createIndicator(coordinator, {
    governanceId,
    code: 'BENEVOLES',
    label: 'Heures de bénévolat',
    description: `Relevé chaque année par ${NAME}.`,
    unit: 'heures',
    method: { type: 'saisie' },
    timeAggregation: 'somme',
    territoryRollup: 'somme',
    periodicity: 'annuelle',
  });
  await recordMeasurement(coordinator, {
    indicatorId: indicator.id,
    territory: world.governance.territory,
    period: '2023',
    value: 412,
    comment: `Chiffre transmis par ${NAME} le 12 janvier.`,
  });
  // Adopted last, so that the frozen version quotes her everywhere the roadmap does.
  await adoptRoadmap(coordinator, {
    roadmapId: roadmap.id,
    adoption: { date: '2024-06-27', assembly: 'Conseil communautaire' },
  });

  // The dispatcher's outbox: a reminder to her that could not be delivered.
  const now = world.clock();
  await world.store.transaction(async (repos) => {
    await repos.deliveries.insertIfAbsent([
      Delivery.parse({
        id: 'dlv_planted01',
        dedupeKey: `milestone:planted:J-3:${jeanne.id}`,
        governanceId,
        kind: 'milestone_reminder',
        recipient: { type: 'person', personId: jeanne.id },
        subject: { type: 'action', id: action.id },
        dueAt: now,
        expiresAt: '2099-01-01T00:00:00.000Z',
        createdAt: now,
        updatedAt: now,
        version: 1,
      }),
    ]);
    await repos.deliveries.claimDue({
      now,
      leaseUntil: '2099-01-01T00:00:00.000Z',
      limit: 10,
      claimant: 'bot-1',
    });
    await repos.deliveries.settle(
      'dlv_planted01',
      'bot-1',
      { status: 'undeliverable', error: `Discord refuse les messages privés de ${NAME}.` },
      now,
    );
  });
  // The CLI's API keys: written here as the CLI does, in plain SQL.
  await sql`insert into api_keys (id, person_id, secret_hash, label, instance_admin, created_at)
    values ('key_planted01', ${jeanne.id}, 'sha256-of-a-secret', ${`Tableur de ${NAME}`}, 0, ${now})`.execute(
    database.db,
  );
  // The API's Idempotency-Key records: the answer to her creation, kept for a replay, and
  // another request still running.
  const created = await claimIdempotencyKey(database, KEPT_RESPONSE, 'sha256-a', now);
  if (created.kind !== 'claimed') throw new Error('the key should be free');
  await settleIdempotencyClaim(database, created.claim, {
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(jeanne),
  });
  await claimIdempotencyKey(database, RUNNING, 'sha256-b', now);
  return jeanne;
}

const KEPT_RESPONSE: IdempotencyScope = {
  owner: 'key_admin01',
  method: 'POST',
  path: '/persons',
  key: 'creation-jeanne',
};
const RUNNING: IdempotencyScope = { ...KEPT_RESPONSE, path: '/organizations', key: 'en-cours' };

describe.each(DIALECTS)('personal data of one person on %s', (dialect) => {
  let test: TestDatabase;
  let world: TestWorld<Store>;
  let jeanne: Person;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    world = await createTestWorld({ store: createStore(test.database) });
    jeanne = await plant(world, test.database);
  }, 60_000);
  afterAll(async () => {
    await test.drop();
  });

  // The tests below run in order: planted, exported, erased, then checked.

  it('is planted in every table', async () => {
    const tables = new Set(
      (await columnsHolding(test.database, IDENTIFYING)).map((hit) => hit.split('.')[0]),
    );
    expect([...tables].sort()).toEqual([...PLANTED_TABLES].sort());
  });

  it('exports every record that names her, from every table she is in', async () => {
    const exported = await exportPersonalData(
      { ...world.as('member'), actor: { personId: jeanne.id, channel: 'api' } },
      { personId: jeanne.id },
    );
    expect(exported.person).toMatchObject({ id: jeanne.id, displayName: NAME, email: EMAIL });
    const camel = (table: string) => table.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    expect(Object.keys(exported.records).sort()).toEqual(RECORD_TABLES.map(camel).sort());
    // Her API key is listed, never the hash of its secret.
    expect(exported.records.apiKeys).toEqual([
      expect.objectContaining({ id: 'key_planted01', label: `Tableur de ${NAME}` }),
    ]);
    expect(JSON.stringify(exported.records.apiKeys)).not.toContain('sha256');
  });

  it('holds a link code and a button answer of hers, as the bot would', async () => {
    await issueChatLinkCode(world.as('admin'), { personId: jeanne.id });
    // And a web session, and a sign-in link not used yet.
    const { secret } = await issueSignInLink(world.as('admin'), { personId: jeanne.id });
    expect(await signIn(world.as('public'), { link: secret })).toBeDefined();
    await issueSignInLink(world.as('admin'), { personId: jeanne.id });
    const asJeanne: UseCaseContext = {
      ...world.as('admin'),
      actor: { personId: jeanne.id, channel: 'discord' },
    };
    // And her visit to the web workspace's home page.
    await recordVisit({ ...asJeanne, actor: { personId: jeanne.id, channel: 'web' } });
    // Her reminder about the action she carries, planted above.
    const reminder = await world.store.transaction((repos) =>
      repos.deliveries.get('dlv_planted01'),
    );
    const answer = { deliveryId: 'dlv_planted01', subjectId: reminder?.subject.id, verb: 'rien' };
    expect(await answerReminder(asJeanne, answer, async () => 'noté')).toEqual({
      answered: true,
      result: 'noté',
    });
  });

  it('exports when she signed in and visited, never the hash of a secret', async () => {
    const exported = await exportPersonalData(world.as('admin'), { personId: jeanne.id });
    expect(exported.records.signInLinks).toHaveLength(2);
    expect(exported.records.sessions).toEqual([
      expect.objectContaining({ person_id: jeanne.id, expires_at: expect.any(String) }),
    ]);
    expect(exported.records.visits).toEqual([expect.objectContaining({ person_id: jeanne.id })]);
    expect(JSON.stringify(exported)).not.toMatch(/secret_hash|token_hash/);
  });

  it('erases her: no text column of any table still holds her name, email or phone', async () => {
    world.clock.advanceDays(1);
    const { recordsRewritten } = await erasePersonalData(world.as('coordinator'), {
      personId: jeanne.id,
    });
    expect(recordsRewritten).toBeGreaterThanOrEqual(RECORD_TABLES.length - 2);
    expect(await columnsHolding(test.database, IDENTIFYING)).toEqual([]);
  });

  it('keeps her updates, attributed to her id, and shows her as « membre supprimé »', async () => {
    const { person, updates } = await world.store.transaction(async (repos) => ({
      person: await repos.persons.get(jeanne.id),
      updates: await repos.updates.listByGovernance(world.governance.id),
    }));
    expect(person).toMatchObject({ displayName: 'membre supprimé', chatAccounts: [] });
    expect(person?.erasedAt).toBe(world.clock());
    expect(updates.filter((u) => u.authorId === jeanne.id)).toEqual([
      expect.objectContaining({
        text: 'Première permanence tenue par membre supprimé ; me joindre à membre supprimé.',
      }),
    ]);
    const row = await test.database.db
      .selectFrom('persons')
      .select('search_key')
      .where('id', '=', jeanne.id)
      .executeTakeFirstOrThrow();
    expect(row.search_key).toBe('membre supprime');
  });

  it('deletes every stored Idempotency-Key response, and lets a running claim finish', async () => {
    const left = await test.database.db
      .selectFrom('idempotency_keys')
      .select(['path', 'idempotency_key', 'state'])
      .execute();
    expect(left).toEqual([
      { path: '/organizations', idempotency_key: 'en-cours', state: 'running' },
    ]);
  });

  it('drops her chat link', async () => {
    const links = await test.database.db
      .selectFrom('person_chat_accounts')
      .selectAll()
      .where('person_id', '=', jeanne.id)
      .execute();
    expect(links).toEqual([]);
    const found = await world.store.transaction((repos) =>
      repos.persons.findByChatAccount('discord', DISCORD),
    );
    expect(found).toBeUndefined();
  });

  it('drops her link codes, button answers, sign-in links, sessions and visits', async () => {
    const left = await sql<{ n: number }>`select
      (select count(*) from chat_link_codes where person_id = ${jeanne.id}) +
      (select count(*) from sign_in_links where person_id = ${jeanne.id}) +
      (select count(*) from sessions where person_id = ${jeanne.id}) +
      (select count(*) from visits where person_id = ${jeanne.id}) +
      (select count(*) from chat_answers where person_id = ${jeanne.id}) as n`.execute(
      test.database.db,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('leaves every record readable: the whole governance still exports', async () => {
    const document = await exportGovernance(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    const association = document.organizations.find((o) => o.name === 'Clic Solidaire');
    expect(association).toMatchObject({ description: 'Association animée par membre supprimé.' });
    expect(association?.email).toBeUndefined();
    expect(document.roadmapVersions).toHaveLength(1);
    // The trail keeps the erasure, by pseudonymous ids only.
    const trail = await world.store.transaction((repos) =>
      repos.auditEvents.listByEntity('person', jeanne.id),
    );
    expect(trail.at(-1)).toMatchObject({
      action: 'erase',
      actorId: world.people.coordinator.id,
      changes: [],
    });
  });

  it('closes the append-only records again once erasure is over', async () => {
    const { count } = await test.database.db
      .selectFrom('erasure_lock')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
    await expect(
      sql`update audit_events set data = data`.execute(test.database.db),
    ).rejects.toThrow(/ne se modifient/);
    await expect(sql`delete from updates`.execute(test.database.db)).rejects.toThrow(
      /ne se modifient/,
    );
  });
});
