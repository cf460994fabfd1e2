import {
  Action,
  AuditEvent,
  Body,
  communeOfOrganization,
  FundingLine,
  Governance,
  Indicator,
  Measurement,
  Meeting,
  Milestone,
  Organization,
  Person,
  PlacesImport,
  Roadmap,
  RoadmapVersion,
  searchKey,
  Territory,
  Update,
} from '@maille/domain';
import type { Repositories } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import type { DialectName } from '../connection.ts';
import { uniquely } from '../errors.ts';
import { apiKeyRepository } from './api-keys.ts';
import { calendarFeedRepository } from './calendar-feeds.ts';
import {
  chatAnswerRepository,
  chatInteractionRepository,
  chatLinkCodeRepository,
  forgetChatData,
} from './chat-link-codes.ts';
import { deliveryRepository } from './deliveries.ts';
import { demoRepository } from './demo.ts';
import { appendOnlyRepository, versionedRepository } from './documents.ts';
import { personalDataRepository } from './personal-data.ts';
import { chunks, fromData, inSavepoint, likePattern, type Tx } from './rows.ts';
import {
  forgetSignIns,
  sessionRepository,
  signInLinkRepository,
  visitRepository,
} from './sign-ins.ts';

/**
 * Every port of the kernel over one transaction of the database. Each port is built the first time
 * the use case reaches for it: a use case needs a few of them, and this runs at every write.
 */
export function repositoriesOver(db: Tx, dialect: DialectName): Repositories {
  const built: Partial<Repositories> = {};
  return {
    get territories() {
      built.territories ??= territoriesOver(db);
      return built.territories;
    },
    get placesImports() {
      built.placesImports ??= placesImportsOver(db);
      return built.placesImports;
    },
    get organizations() {
      built.organizations ??= organizationsOver(db);
      return built.organizations;
    },
    get persons() {
      built.persons ??= personsOver(db);
      return built.persons;
    },
    get governances() {
      built.governances ??= governancesOver(db, dialect);
      return built.governances;
    },
    get bodies() {
      built.bodies ??= bodiesOver(db);
      return built.bodies;
    },
    get meetings() {
      built.meetings ??= meetingsOver(db);
      return built.meetings;
    },
    get roadmaps() {
      built.roadmaps ??= roadmapsOver(db);
      return built.roadmaps;
    },
    get roadmapVersions() {
      built.roadmapVersions ??= roadmapVersionsOver(db);
      return built.roadmapVersions;
    },
    get actions() {
      built.actions ??= actionsOver(db);
      return built.actions;
    },
    get milestones() {
      built.milestones ??= milestonesOver(db);
      return built.milestones;
    },
    get fundingLines() {
      built.fundingLines ??= fundingLinesOver(db);
      return built.fundingLines;
    },
    get updates() {
      built.updates ??= updatesOver(db);
      return built.updates;
    },
    get indicators() {
      built.indicators ??= indicatorsOver(db);
      return built.indicators;
    },
    get measurements() {
      built.measurements ??= measurementsOver(db);
      return built.measurements;
    },
    get deliveries() {
      built.deliveries ??= deliveryRepository(db, dialect);
      return built.deliveries;
    },
    get auditEvents() {
      built.auditEvents ??= auditEventsOver(db);
      return built.auditEvents;
    },
    get personalData() {
      built.personalData ??= personalDataRepository(db);
      return built.personalData;
    },
    get apiKeys() {
      built.apiKeys ??= apiKeyRepository(db);
      return built.apiKeys;
    },
    get calendarFeeds() {
      built.calendarFeeds ??= calendarFeedRepository(db);
      return built.calendarFeeds;
    },
    get chatLinkCodes() {
      built.chatLinkCodes ??= chatLinkCodeRepository(db);
      return built.chatLinkCodes;
    },
    get chatAnswers() {
      built.chatAnswers ??= chatAnswerRepository(db);
      return built.chatAnswers;
    },
    get signInLinks() {
      built.signInLinks ??= signInLinkRepository(db);
      return built.signInLinks;
    },
    get sessions() {
      built.sessions ??= sessionRepository(db);
      return built.sessions;
    },
    get visits() {
      built.visits ??= visitRepository(db);
      return built.visits;
    },
    get chatInteractions() {
      built.chatInteractions ??= chatInteractionRepository(db);
      return built.chatInteractions;
    },
    get demo() {
      built.demo ??= demoRepository(db);
      return built.demo;
    },
  };
}

/** The query column of an entity that belongs to a governance. */
const columns = (e: { governanceId: string }) => ({ governance_id: e.governanceId });

/** A repository with its rows of a governance, in a stable order. */
function governed<R extends { listWhere(filters: Record<string, string>): Promise<unknown[]> }>(
  repo: R,
): R & { listByGovernance(governanceId: string): ReturnType<R['listWhere']> } {
  return {
    ...repo,
    listByGovernance: (governanceId: string) =>
      repo.listWhere({ governance_id: governanceId }) as ReturnType<R['listWhere']>,
  };
}

/** Entities found by a text search on their search key (a name), by name then id. */
function searchIn<R extends { parse(row: { data: unknown }): unknown }>(
  db: Tx,
  repo: R,
  table: 'organizations' | 'persons',
) {
  return async (query: string, limit: number) => {
    const rows = await db
      .selectFrom(table)
      .select('data')
      .where(sql<boolean>`search_key like ${likePattern(searchKey(query))} escape '\\'`)
      .orderBy('search_key')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => repo.parse(row)) as ReturnType<R['parse']>[];
  };
}

function territoriesOver(db: Tx): Repositories['territories'] {
  const territories = versionedRepository(db, {
    table: 'territories',
    schema: Territory,
    label: 'Le territoire',
    columns: (t) => ({ level: t.level, code: t.code, search_key: searchKey(t.name) }),
    unique: true,
  });
  // A territory's parents and postal codes are kept in their own tables too, rewritten with it,
  // for perimeters and postal lookups read through an index.
  const writeLookups = async (written: readonly Territory[], replace: boolean) => {
    const ids = written.map((t) => t.id);
    if (replace)
      for (const part of chunks(ids, 500)) {
        await db.deleteFrom('territory_parents').where('territory_id', 'in', part).execute();
        await db.deleteFrom('territory_postal_codes').where('territory_id', 'in', part).execute();
      }
    const parents = written.flatMap((t) =>
      t.parents.map((p) => ({ territory_id: t.id, level: p.level, code: p.code })),
    );
    const postal = written.flatMap((t) =>
      t.postalCodes.map((code) => ({ territory_id: t.id, postal_code: code })),
    );
    for (const part of chunks(parents, 1000))
      await db
        .insertInto('territory_parents')
        .values(part)
        .onConflict((oc) => oc.doNothing())
        .execute();
    for (const part of chunks(postal, 1000))
      await db
        .insertInto('territory_postal_codes')
        .values(part)
        .onConflict((oc) => oc.doNothing())
        .execute();
  };
  const parseRows = (rows: { data: unknown }[]) => rows.map((row) => territories.parse(row));
  return {
    ...territories,
    insert: async (territory) => {
      await territories.insert(territory);
      await writeLookups([territory], false);
    },
    update: async (territory) => {
      await territories.update(territory);
      await writeLookups([territory], true);
    },
    insertMany: async (list) => {
      const rows = list.map((t) => ({
        id: t.id,
        version: t.version,
        data: JSON.stringify(t),
        created_at: t.createdAt,
        updated_at: t.updatedAt,
        level: t.level,
        code: t.code,
        search_key: searchKey(t.name),
      }));
      // Eight columns a row: 400 rows stay far below either dialect's limit of parameters.
      for (const part of chunks(rows, 400)) {
        await uniquely(
          () => db.insertInto('territories').values(part).execute(),
          'Un territoire de ce code existe déjà.',
        );
      }
      await writeLookups(list, false);
    },
    findByCode: async (level, code) => {
      const row = await db
        .selectFrom('territories')
        .select('data')
        .where('level', '=', level)
        .where('code', '=', code)
        .executeTakeFirst();
      return row ? territories.parse(row) : undefined;
    },
    findByCodes: async (refs) => {
      const found: Territory[] = [];
      for (const level of new Set(refs.map((r) => r.level)))
        for (const part of chunks(
          [...new Set(refs.filter((r) => r.level === level).map((r) => r.code))],
          500,
        )) {
          const rows = await db
            .selectFrom('territories')
            .select('data')
            .where('level', '=', level)
            .where('code', 'in', part)
            .execute();
          found.push(...parseRows(rows));
        }
      return found;
    },
    listWithin: async (ref, level) => {
      let query = db
        .selectFrom('territory_parents as p')
        .innerJoin('territories as t', 't.id', 'p.territory_id')
        .select('t.data')
        .where('p.level', '=', ref.level)
        .where('p.code', '=', ref.code);
      if (level !== undefined) query = query.where('t.level', '=', level);
      return parseRows(await query.orderBy('t.code').orderBy('t.id').execute());
    },
    countWithin: async (ref, level) => {
      const row = await db
        .selectFrom('territory_parents as p')
        .innerJoin('territories as t', 't.id', 'p.territory_id')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('p.level', '=', ref.level)
        .where('p.code', '=', ref.code)
        .where('t.level', '=', level)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    listByPostalCodes: async (postalCodes) => {
      const found = new Map<string, Territory>();
      for (const part of chunks([...new Set(postalCodes)], 500)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom('territory_postal_codes as p')
          .innerJoin('territories as t', 't.id', 'p.territory_id')
          .select('t.data')
          .where('p.postal_code', 'in', part)
          .execute();
        for (const territory of parseRows(rows)) found.set(territory.id, territory);
      }
      return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },
    search: async ({ level, query, after, limit }) => {
      let select = db.selectFrom('territories').select('data');
      if (level !== undefined) select = select.where('level', '=', level);
      if (query !== undefined)
        select = select.where(
          sql<boolean>`search_key like ${likePattern(searchKey(query))} escape '\\'`,
        );
      if (after !== undefined) select = select.where('id', '>', after);
      return parseRows(await select.orderBy('id').limit(limit).execute());
    },
    list: () => territories.listWhere({}),
  };
}

function organizationsOver(db: Tx): Repositories['organizations'] {
  const organizations = versionedRepository(db, {
    table: 'organizations',
    schema: Organization,
    label: 'L’organisation',
    columns: (o) => ({
      search_key: searchKey(o.name),
      commune_code: communeOfOrganization(o) ?? null,
    }),
  });
  // A place's national ids are kept in their own table too, rewritten with it: importing a file
  // again finds its places through them, and one id never names two places.
  const writeNationalIds = async (organization: Organization, replace: boolean) => {
    if (replace)
      await db
        .deleteFrom('organization_national_ids')
        .where('organization_id', '=', organization.id)
        .execute();
    if (organization.nationalIds.length === 0) return;
    await uniquely(
      () =>
        inSavepoint(db, () =>
          db
            .insertInto('organization_national_ids')
            .values(
              organization.nationalIds.map((id) => ({
                national_id: id,
                organization_id: organization.id,
              })),
            )
            .execute(),
        ),
      `Un autre lieu a déjà l’identifiant national ${organization.nationalIds.join(', ')}.`,
    );
  };
  return {
    ...organizations,
    insert: async (organization) => {
      await organizations.insert(organization);
      await writeNationalIds(organization, false);
    },
    update: async (organization) => {
      await organizations.update(organization);
      await writeNationalIds(organization, true);
    },
    findByNationalIds: async (nationalIds) => {
      const found = new Map<string, Organization>();
      for (const part of chunks([...new Set(nationalIds)], 500)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom('organization_national_ids as n')
          .innerJoin('organizations as o', 'o.id', 'n.organization_id')
          .select('o.data')
          .where('n.national_id', 'in', part)
          .execute();
        for (const row of rows) {
          const organization = organizations.parse(row);
          found.set(organization.id, organization);
        }
      }
      return [...found.values()];
    },
    list: () => organizations.listWhere({}),
    listInCommunes: async (codes) => {
      const found: Organization[] = [];
      for (const part of chunks([...new Set(codes)], 500)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom('organizations')
          .select('data')
          .where('commune_code', 'in', part)
          .orderBy('id')
          .execute();
        found.push(...rows.map((row) => organizations.parse(row)));
      }
      return found;
    },
    search: searchIn(db, organizations, 'organizations'),
  };
}

function placesImportsOver(db: Tx): Repositories['placesImports'] {
  return {
    insert: async (report) => {
      const { entries: _, ...summary } = report;
      await db
        .insertInto('places_imports')
        .values({
          id: report.id,
          imported_at: report.importedAt,
          summary: JSON.stringify(summary),
          data: JSON.stringify(report),
        })
        .execute();
    },
    get: async (id) => {
      const row = await db
        .selectFrom('places_imports')
        .select('data')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? PlacesImport.parse(JSON.parse(row.data)) : undefined;
    },
    listLatest: async (limit) => {
      const rows = await db
        .selectFrom('places_imports')
        .select('summary')
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => PlacesImport.omit({ entries: true }).parse(JSON.parse(row.summary)));
    },
  };
}

function personsOver(db: Tx): Repositories['persons'] {
  const persons = versionedRepository(db, {
    table: 'persons',
    schema: Person,
    label: 'La personne',
    columns: (p) => ({ search_key: searchKey(p.displayName) }),
  });
  // A person's chat accounts are kept in their own table too, for lookups by chat user id; its key
  // (platform, user id) makes an account belong to one person at most.
  const syncChatAccounts = async (person: Person) => {
    await db.deleteFrom('person_chat_accounts').where('person_id', '=', person.id).execute();
    if (person.chatAccounts.length === 0) return;
    await uniquely(
      () =>
        db
          .insertInto('person_chat_accounts')
          .values(
            person.chatAccounts.map((a) => ({
              platform: a.platform,
              user_id: a.userId,
              person_id: person.id,
            })),
          )
          .execute(),
      'Ce compte de discussion est déjà lié à une autre personne.',
    );
  };
  return {
    ...persons,
    // The person and their chat accounts are written together, or neither when an account
    // belongs to someone else already.
    insert: (person) =>
      inSavepoint(db, async () => {
        await persons.insert(person);
        await syncChatAccounts(person);
      }),
    update: (person) =>
      inSavepoint(db, async () => {
        await persons.update(person);
        await syncChatAccounts(person);
        if (person.erasedAt !== undefined) {
          await forgetChatData(db, person.id);
          await forgetSignIns(db, person.id);
        }
      }),
    findByChatAccount: async (platform, userId) => {
      const row = await db
        .selectFrom('person_chat_accounts')
        .innerJoin('persons', 'persons.id', 'person_chat_accounts.person_id')
        .select('persons.data')
        .where('platform', '=', platform)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? persons.parse(row) : undefined;
    },
    search: searchIn(db, persons, 'persons'),
    findByEmail: async (email) => {
      // E-mail addresses are stored lower case (the kernel's schema); the JSON text holds it so.
      const row = await db
        .selectFrom('persons')
        .select('data')
        .where(
          sql<boolean>`data like ${likePattern(`"email":${JSON.stringify(email.toLowerCase())}`)} escape '\\'`,
        )
        .orderBy('id')
        .executeTakeFirst();
      return row ? persons.parse(row) : undefined;
    },
  };
}

function governancesOver(db: Tx, dialect: DialectName): Repositories['governances'] {
  const governances = versionedRepository(db, {
    table: 'governances',
    schema: Governance,
    label: 'La gouvernance',
  });
  return {
    ...governances,
    list: () => governances.listWhere({}),
    count: async () => {
      const row = await db
        .selectFrom('governances')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    listPage: async ({ after, limit }) => {
      let query = db.selectFrom('governances').select('data');
      if (after !== undefined) query = query.where('id', '>', after);
      return (await query.orderBy('id').limit(limit).execute()).map(governances.parse);
    },
    listTakenPartIn: async (personId) => {
      // The database looks into the JSON: only the person's governances reach the kernel.
      const seated = db
        .selectFrom('bodies')
        .select('bodies.governance_id')
        .where(namesPerson(dialect, 'bodies', 'members', personId));
      const rows = await db
        .selectFrom('governances')
        .select('data')
        .where((eb) =>
          eb.or([
            namesPerson(dialect, 'governances', 'roles', personId),
            eb('governances.id', 'in', seated),
          ]),
        )
        .orderBy('id')
        .execute();
      return rows.map(governances.parse);
    },
  };
}

/** `table.data`'s list `list` holds an entry whose `personId` is `personId`. */
function namesPerson(
  dialect: DialectName,
  table: 'governances' | 'bodies',
  list: 'roles' | 'members',
  personId: string,
) {
  const data = sql.ref(`${table}.data`);
  return dialect === 'postgres'
    ? sql<boolean>`(${data}::jsonb -> ${sql.lit(list)}) @> ${JSON.stringify([{ personId }])}::jsonb`
    : sql<boolean>`exists (select 1 from json_each(${data}, ${`$.${list}`}) as entry
        where json_extract(entry.value, '$.personId') = ${personId})`;
}

function bodiesOver(db: Tx): Repositories['bodies'] {
  return governed(
    versionedRepository(db, { table: 'bodies', schema: Body, label: 'L’instance', columns }),
  );
}

function meetingsOver(db: Tx): Repositories['meetings'] {
  const meetings = governed(
    versionedRepository(db, {
      table: 'meetings',
      schema: Meeting,
      label: 'La séance',
      columns: (m) => ({ governance_id: m.governanceId, body_id: m.bodyId, starts_at: m.startsAt }),
    }),
  );
  return {
    ...meetings,
    listByBodies: async (bodyIds, { from, limit }) => {
      if (bodyIds.length === 0) return [];
      // Through `meetings_body`: a seek per body, from `from` on.
      const rows = await db
        .selectFrom('meetings')
        .select('data')
        .where('body_id', 'in', [...bodyIds])
        .where('starts_at', '>=', from)
        .orderBy('starts_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(meetings.parse);
    },
  };
}

function roadmapsOver(db: Tx): Repositories['roadmaps'] {
  return governed(
    versionedRepository(db, {
      table: 'roadmaps',
      schema: Roadmap,
      label: 'La feuille de route',
      columns,
    }),
  );
}

function indicatorsOver(db: Tx): Repositories['indicators'] {
  return governed(
    versionedRepository(db, {
      table: 'indicators',
      schema: Indicator,
      label: 'L’indicateur',
      columns: (i) => ({ governance_id: i.governanceId, code: i.code }),
      unique: true,
    }),
  );
}

function roadmapVersionsOver(db: Tx): Repositories['roadmapVersions'] {
  const roadmapVersions = appendOnlyRepository(db, {
    table: 'roadmap_versions',
    schema: RoadmapVersion,
    label: 'La version',
    columns: (v) => ({ governance_id: v.governanceId, roadmap_id: v.roadmapId, number: v.number }),
  });
  return {
    ...roadmapVersions,
    listByRoadmap: (roadmapId) => roadmapVersions.listWhere({ roadmap_id: roadmapId }, ['number']),
  };
}

function actionsOver(db: Tx): Repositories['actions'] {
  const actions = versionedRepository(db, {
    table: 'actions',
    schema: Action,
    label: 'L’action',
    columns: (a) => ({
      governance_id: a.governanceId,
      roadmap_id: a.roadmapId,
      owner_id: a.ownerId ?? null,
    }),
  });
  return {
    ...governed(actions),
    listByRoadmap: (roadmapId) => actions.listWhere({ roadmap_id: roadmapId }),
  };
}

function milestonesOver(db: Tx): Repositories['milestones'] {
  const milestones = versionedRepository(db, {
    table: 'milestones',
    schema: Milestone,
    label: 'Le jalon',
    columns: (m) => ({
      governance_id: m.governanceId,
      roadmap_id: m.roadmapId,
      action_id: m.actionId ?? null,
      status: m.status,
      due_date: m.dueDate,
      owner_id: m.ownerId ?? null,
    }),
  });
  return {
    ...governed(milestones),
    listByRoadmap: (roadmapId) => milestones.listWhere({ roadmap_id: roadmapId }),
    listByAction: (actionId) => milestones.listWhere({ action_id: actionId }),
    listOpenDueBefore: async (governanceId, before) =>
      (
        await db
          .selectFrom('milestones')
          .select('data')
          .where('governance_id', '=', governanceId)
          .where('status', 'in', ['a_venir', 'reporte'])
          .where('due_date', '<', before)
          .orderBy('due_date')
          .orderBy('id')
          .execute()
      ).map(milestones.parse),
    listCarriedBy: async (personId, { dueFrom, limit }) => {
      // Through `milestones_owner`, and `actions_owner` then `milestones_action` for the
      // unowned milestones of the person's actions.
      const ownedActions = db.selectFrom('actions').select('id').where('owner_id', '=', personId);
      const rows = await db
        .selectFrom('milestones')
        .select('data')
        .where((eb) =>
          eb.and([
            eb.or([
              eb('owner_id', '=', personId),
              eb.and([eb('owner_id', 'is', null), eb('action_id', 'in', ownedActions)]),
            ]),
            eb.or([eb('due_date', '>=', dueFrom), eb('status', 'in', ['a_venir', 'reporte'])]),
          ]),
        )
        .orderBy('due_date')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(milestones.parse);
    },
  };
}

function fundingLinesOver(db: Tx): Repositories['fundingLines'] {
  const fundingLines = versionedRepository(db, {
    table: 'funding_lines',
    schema: FundingLine,
    label: 'Le financement',
    columns: (f) => ({ governance_id: f.governanceId, action_id: f.actionId }),
  });
  return {
    ...governed(fundingLines),
    listByAction: (actionId) => fundingLines.listWhere({ action_id: actionId }),
  };
}

function updatesOver(db: Tx): Repositories['updates'] {
  const updates = appendOnlyRepository(db, {
    table: 'updates',
    schema: Update,
    label: 'Le point d’étape',
    columns: (u) => ({
      governance_id: u.governanceId,
      subject_type: u.subject.type,
      subject_id: u.subject.id,
      created_at: u.createdAt,
      progress: u.progress ?? null,
    }),
  });
  const parse = (rows: { data: string }[]) => rows.map((row) => fromData(Update, row.data));
  return {
    ...governed(updates),
    listBySubject: (subject) =>
      updates.listWhere({ subject_type: subject.type, subject_id: subject.id }, ['created_at']),
    listLatestAbout: async (subjects, limit) => {
      if (subjects.length === 0) return [];
      const byType = new Map<string, string[]>();
      for (const { type, id } of subjects) byType.set(type, [...(byType.get(type) ?? []), id]);
      // Through `updates_subject`: a seek per subject type, then the newest first.
      return parse(
        await db
          .selectFrom('updates')
          .select('data')
          .where((eb) =>
            eb.or(
              [...byType].map(([type, ids]) =>
                eb.and([eb('subject_type', '=', type), eb('subject_id', 'in', ids)]),
              ),
            ),
          )
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute(),
      );
    },
    listLatest: async (governanceId, limit) =>
      parse(
        await db
          .selectFrom('updates')
          .select('data')
          .where('governance_id', '=', governanceId)
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(limit)
          .execute(),
      ),
    listLatestProgress: async (scope) => {
      // One index seek per action (`updates_action_progress`), however long its history.
      let query = db
        .selectFrom('actions')
        .innerJoin('updates', (join) =>
          join.on((eb) =>
            eb(
              'updates.id',
              '=',
              eb
                .selectFrom('updates as u')
                .select('u.id')
                .whereRef('u.subject_id', '=', 'actions.id')
                .where('u.subject_type', '=', 'action')
                .where('u.progress', 'is not', null)
                .orderBy('u.created_at', 'desc')
                .orderBy('u.id', 'desc')
                .limit(1),
            ),
          ),
        )
        .select('updates.data');
      query =
        'actionId' in scope
          ? query.where('actions.id', '=', scope.actionId)
          : 'roadmapId' in scope
            ? query.where('actions.roadmap_id', '=', scope.roadmapId)
            : query.where('actions.governance_id', '=', scope.governanceId);
      return parse(await query.orderBy('actions.id').execute());
    },
    listRecordedBetween: async (governanceId, after, until) =>
      parse(
        await db
          .selectFrom('updates')
          .select('data')
          .where('governance_id', '=', governanceId)
          .where('created_at', '>', after)
          .where('created_at', '<=', until)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      ),
  };
}

/**
 * Measurements that no later revision replaces, among those of `scope`: the latest revision of
 * each (indicator, territory, period) found by a `GROUP BY` over the `measurements_periods` index,
 * then its row through `measurements_revision` — older revisions are never read.
 */
function current(
  db: Tx,
  scope: { indicatorId: string } | { governanceId: string; periods: readonly string[] },
) {
  let latest = db
    .selectFrom('measurements')
    .select(['indicator_id', 'territory_level', 'territory_code', 'period'])
    .select((eb) => eb.fn.max('revision').as('revision'))
    .groupBy(['indicator_id', 'territory_level', 'territory_code', 'period']);
  latest =
    'indicatorId' in scope
      ? latest.where('indicator_id', '=', scope.indicatorId)
      : latest
          .where('governance_id', '=', scope.governanceId)
          .where('period', 'in', [...scope.periods]);
  return db
    .selectFrom('measurements as m')
    .innerJoin(latest.as('latest'), (join) =>
      join
        .onRef('latest.indicator_id', '=', 'm.indicator_id')
        .onRef('latest.territory_level', '=', 'm.territory_level')
        .onRef('latest.territory_code', '=', 'm.territory_code')
        .onRef('latest.period', '=', 'm.period')
        .onRef('latest.revision', '=', 'm.revision'),
    )
    .select('m.data')
    .orderBy('m.id');
}

function measurementsOver(db: Tx): Repositories['measurements'] {
  const parse = (rows: { data: string }[]) => rows.map((row) => fromData(Measurement, row.data));
  const measurements = appendOnlyRepository(db, {
    table: 'measurements',
    schema: Measurement,
    label: 'La mesure',
    columns: (m) => ({
      governance_id: m.governanceId,
      indicator_id: m.indicatorId,
      territory_level: m.territory.level,
      territory_code: m.territory.code,
      period: m.period,
      revision: m.revision,
    }),
  });
  return {
    ...governed(measurements),
    listByIndicator: (indicatorId) => measurements.listWhere({ indicator_id: indicatorId }),
    listCurrentByIndicator: async (indicatorId) =>
      parse(await current(db, { indicatorId }).execute()),
    listCurrentInPeriods: async (governanceId, periods) =>
      periods.length === 0 ? [] : parse(await current(db, { governanceId, periods }).execute()),
  };
}

function auditEventsOver(db: Tx): Repositories['auditEvents'] {
  const auditEvents = appendOnlyRepository(db, {
    table: 'audit_events',
    schema: AuditEvent,
    label: 'L’événement',
    columns: (e) => ({
      governance_id: e.governanceId ?? null,
      entity: e.entity,
      entity_id: e.entityId,
      at: e.at,
    }),
  });
  return {
    ...auditEvents,
    listByEntity: (entity, entityId) =>
      auditEvents.listWhere({ entity, entity_id: entityId }, ['at']),
    listByGovernance: (governanceId) =>
      auditEvents.listWhere({ governance_id: governanceId }, ['at']),
    // Newest first, through `audit_events_page` or `audit_events_entity_page`
    // (migration 2026-12-06T1000-history-pages): the page is read from the index, not sorted.
    // A record's history with its children's (`withChildren`): one branch per kind of child,
    // found by a subquery on its own table's columns and read newest first through
    // `audit_events_entity_page`, `limit` rows at most each; the page is the newest of those.
    // Its cost follows the record's events, not the length of the governance's history.
    listPage: async ({ governanceId, entity, entityId, withChildren, before, limit }) => {
      // `byGovernance: false` checks the governance outside any index (`coalesce`), so that a
      // child's branch is read through `audit_events_entity_page` rather than by walking the
      // whole history of the governance in `audit_events_page`.
      const base = (byGovernance = true) => {
        let query = db
          .selectFrom('audit_events')
          .select(['data', 'at', 'id'])
          .where(
            byGovernance ? sql.ref('governance_id') : sql`coalesce(governance_id, '')`,
            '=',
            governanceId,
          );
        if (before !== undefined) {
          query = query.where((eb) =>
            eb.or([
              eb('at', '<', before.at),
              eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
            ]),
          );
        }
        return query;
      };
      if (withChildren && entityId !== undefined && (entity === 'action' || entity === 'roadmap')) {
        const owner = entityId;
        const actions = () => db.selectFrom('actions').select('id').where('roadmap_id', '=', owner);
        const milestones = () =>
          db
            .selectFrom('milestones')
            .select('id')
            .where(entity === 'roadmap' ? 'roadmap_id' : 'action_id', '=', owner);
        const fundingLines = db
          .selectFrom('funding_lines')
          .select('id')
          .where((f) =>
            entity === 'roadmap' ? f('action_id', 'in', actions()) : f('action_id', '=', owner),
          );
        const updates = db
          .selectFrom('updates')
          .select('id')
          .where((u) =>
            u.or([
              u.and([u('subject_type', '=', entity), u('subject_id', '=', owner)]),
              u.and([u('subject_type', '=', 'milestone'), u('subject_id', 'in', milestones())]),
              ...(entity === 'roadmap'
                ? [u.and([u('subject_type', '=', 'action'), u('subject_id', 'in', actions())])]
                : []),
            ]),
          );
        const branches = [
          base().where('entity', '=', entity).where('entity_id', '=', owner),
          ...(entity === 'roadmap'
            ? [base(false).where('entity', '=', 'action').where('entity_id', 'in', actions())]
            : []),
          base(false).where('entity', '=', 'milestone').where('entity_id', 'in', milestones()),
          base(false).where('entity', '=', 'funding_line').where('entity_id', 'in', fundingLines),
          base(false).where('entity', '=', 'update').where('entity_id', 'in', updates),
        ].map((branch, n) =>
          db
            .selectFrom(
              branch.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).as(`branch${n}`),
            )
            .select(['data', 'at', 'id']),
        );
        const [first, ...others] = branches;
        if (!first) return [];
        const union = others.reduce((all, branch) => all.unionAll(branch), first);
        const rows = await db
          .selectFrom(union.as('page'))
          .select('data')
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute();
        return rows.map(auditEvents.parse);
      }
      let query = base();
      if (entity !== undefined) query = query.where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entity_id', '=', entityId);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(auditEvents.parse);
    },
  };
}
