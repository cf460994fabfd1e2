import {
  Action,
  AuditEvent,
  Body,
  FundingLine,
  Governance,
  Indicator,
  Measurement,
  Meeting,
  Milestone,
  Organization,
  Person,
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
import { chatAnswerRepository, chatLinkCodeRepository, forgetChatData } from './chat-link-codes.ts';
import { deliveryRepository } from './deliveries.ts';
import { appendOnlyRepository, versionedRepository } from './documents.ts';
import { personalDataRepository } from './personal-data.ts';
import { fromData, inSavepoint, likePattern, type Tx } from './rows.ts';

/** Every port of the kernel over one transaction of the database. */
export function repositoriesOver(db: Tx, dialect: DialectName): Repositories {
  const governed = {
    columns: (e: { governanceId: string }) => ({ governance_id: e.governanceId }),
  };

  const territories = versionedRepository(db, {
    table: 'territories',
    schema: Territory,
    label: 'Le territoire',
    columns: (t) => ({ level: t.level, code: t.code }),
    unique: true,
  });
  const organizations = versionedRepository(db, {
    table: 'organizations',
    schema: Organization,
    label: 'L’organisation',
    columns: (o) => ({ search_key: searchKey(o.name) }),
  });
  const persons = versionedRepository(db, {
    table: 'persons',
    schema: Person,
    label: 'La personne',
    columns: (p) => ({ search_key: searchKey(p.displayName) }),
  });
  const governances = versionedRepository(db, {
    table: 'governances',
    schema: Governance,
    label: 'La gouvernance',
  });
  const bodies = versionedRepository(db, {
    table: 'bodies',
    schema: Body,
    label: 'L’instance',
    ...governed,
  });
  const meetings = versionedRepository(db, {
    table: 'meetings',
    schema: Meeting,
    label: 'La séance',
    columns: (m) => ({ governance_id: m.governanceId, body_id: m.bodyId, starts_at: m.startsAt }),
  });
  const roadmaps = versionedRepository(db, {
    table: 'roadmaps',
    schema: Roadmap,
    label: 'La feuille de route',
    ...governed,
  });
  const actions = versionedRepository(db, {
    table: 'actions',
    schema: Action,
    label: 'L’action',
    columns: (a) => ({ governance_id: a.governanceId, roadmap_id: a.roadmapId }),
  });
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
    }),
  });
  const fundingLines = versionedRepository(db, {
    table: 'funding_lines',
    schema: FundingLine,
    label: 'Le financement',
    columns: (f) => ({ governance_id: f.governanceId, action_id: f.actionId }),
  });
  const indicators = versionedRepository(db, {
    table: 'indicators',
    schema: Indicator,
    label: 'L’indicateur',
    columns: (i) => ({ governance_id: i.governanceId, code: i.code }),
    unique: true,
  });
  const roadmapVersions = appendOnlyRepository(db, {
    table: 'roadmap_versions',
    schema: RoadmapVersion,
    label: 'La version',
    columns: (v) => ({ governance_id: v.governanceId, roadmap_id: v.roadmapId, number: v.number }),
  });
  const updates = appendOnlyRepository(db, {
    table: 'updates',
    schema: Update,
    label: 'Le point d’étape',
    columns: (u) => ({
      governance_id: u.governanceId,
      subject_type: u.subject.type,
      subject_id: u.subject.id,
      created_at: u.createdAt,
    }),
  });
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

  /** Rows of a governance, in a stable order. */
  const byGovernance = <T>(repo: { listWhere(filters: Record<string, string>): Promise<T[]> }) => ({
    listByGovernance: (governanceId: string) => repo.listWhere({ governance_id: governanceId }),
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

  const searchIn =
    <R extends { parse(row: { data: unknown }): unknown }>(
      repo: R,
      table: 'organizations' | 'persons',
    ) =>
    async (query: string, limit: number) => {
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

  return {
    territories: {
      ...territories,
      findByCode: async (level, code) => {
        const row = await db
          .selectFrom('territories')
          .select('data')
          .where('level', '=', level)
          .where('code', '=', code)
          .executeTakeFirst();
        return row ? territories.parse(row) : undefined;
      },
      list: () => territories.listWhere({}),
    },
    organizations: {
      ...organizations,
      list: () => organizations.listWhere({}),
      search: searchIn(organizations, 'organizations'),
    },
    persons: {
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
          if (person.erasedAt !== undefined) await forgetChatData(db, person.id);
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
      search: searchIn(persons, 'persons'),
    },
    governances: {
      ...governances,
      list: () => governances.listWhere({}),
      listPage: async ({ after, limit }) => {
        let query = db.selectFrom('governances').select('data');
        if (after !== undefined) query = query.where('id', '>', after);
        return (await query.orderBy('id').limit(limit).execute()).map(governances.parse);
      },
    },
    bodies: { ...bodies, ...byGovernance(bodies) },
    meetings: { ...meetings, ...byGovernance(meetings) },
    roadmaps: { ...roadmaps, ...byGovernance(roadmaps) },
    roadmapVersions: {
      ...roadmapVersions,
      listByRoadmap: (roadmapId) =>
        roadmapVersions.listWhere({ roadmap_id: roadmapId }, ['number']),
    },
    actions: {
      ...actions,
      ...byGovernance(actions),
      listByRoadmap: (roadmapId) => actions.listWhere({ roadmap_id: roadmapId }),
    },
    milestones: {
      ...milestones,
      ...byGovernance(milestones),
      listByRoadmap: (roadmapId) => milestones.listWhere({ roadmap_id: roadmapId }),
      listByAction: (actionId) => milestones.listWhere({ action_id: actionId }),
      listLate: async (governanceId, today) =>
        (
          await db
            .selectFrom('milestones')
            .select('data')
            .where('governance_id', '=', governanceId)
            .where('status', 'in', ['a_venir', 'reporte'])
            .where('due_date', '<', today)
            .orderBy('due_date')
            .orderBy('id')
            .execute()
        ).map(milestones.parse),
    },
    fundingLines: {
      ...fundingLines,
      ...byGovernance(fundingLines),
      listByAction: (actionId) => fundingLines.listWhere({ action_id: actionId }),
    },
    updates: {
      ...updates,
      ...byGovernance(updates),
      listBySubject: (subject) =>
        updates.listWhere({ subject_type: subject.type, subject_id: subject.id }, ['created_at']),
      listByRoadmapActions: async (roadmapId) => {
        // From the roadmap's actions (by roadmap) to their updates (by subject): both indexed.
        const rows = await db
          .selectFrom('updates')
          .innerJoin('actions', 'actions.id', 'updates.subject_id')
          .select('updates.data')
          .where('updates.subject_type', '=', 'action')
          .where('actions.roadmap_id', '=', roadmapId)
          .orderBy('updates.created_at')
          .orderBy('updates.id')
          .execute();
        return rows.map((row) => fromData(Update, row.data));
      },
    },
    indicators: { ...indicators, ...byGovernance(indicators) },
    measurements: {
      ...measurements,
      ...byGovernance(measurements),
      listByIndicator: (indicatorId) => measurements.listWhere({ indicator_id: indicatorId }),
    },
    deliveries: deliveryRepository(db, dialect),
    auditEvents: {
      ...auditEvents,
      listByEntity: (entity, entityId) =>
        auditEvents.listWhere({ entity, entity_id: entityId }, ['at']),
      listByGovernance: (governanceId) =>
        auditEvents.listWhere({ governance_id: governanceId }, ['at']),
    },
    personalData: personalDataRepository(db),
    apiKeys: apiKeyRepository(db),
    calendarFeeds: calendarFeedRepository(db),
    chatLinkCodes: chatLinkCodeRepository(db),
    chatAnswers: chatAnswerRepository(db),
  };
}
