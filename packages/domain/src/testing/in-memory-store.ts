import { communeOfOrganization } from '../actors/located.ts';
import type { Organization } from '../actors/organization.ts';
import type { PlacesImport } from '../actors/places-import.ts';
import type { Territory } from '../actors/territory.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { Body } from '../governance/body.ts';
import type { Governance } from '../governance/governance.ts';
import type { Meeting } from '../governance/meeting.ts';
import type { Indicator } from '../indicators/indicator.ts';
import type { Measurement } from '../indicators/measurement.ts';
import { scrubValue } from '../people/erasure.ts';
import type { Person } from '../people/person.ts';
import type { Delivery, DeliveryEvent } from '../reminders/delivery.ts';
import { claimDelivery, isClaimable, settleDelivery } from '../reminders/outbox.ts';
import type { Action } from '../roadmap/action.ts';
import type { FundingLine } from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import type { Roadmap } from '../roadmap/roadmap.ts';
import type { RoadmapVersion } from '../roadmap/roadmap-version.ts';
import type { Update } from '../roadmap/update.ts';
import { deepFreeze } from '../shared/entity.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../shared/errors.ts';
import { searchKey } from '../shared/search.ts';
import { API_KEY_TOKEN, type ApiKey } from '../use-cases/access/api-key.ts';
import type { IssuedSignInLink, OpenedSession } from '../use-cases/access/sign-in-link.ts';
import type { CalendarFeed } from '../use-cases/exchange/calendar-feed.ts';
import {
  CHAT_LINK_CODE_ALPHABET,
  CHAT_LINK_CODE_LENGTH,
  type ChatAnswer,
  type IssuedChatLinkCode,
} from '../use-cases/people/chat-link-code.ts';
import type { Repositories, Store, Versioned, Visit } from '../use-cases/ports.ts';

/** Rows to start a store with, or what `dump` returns: one list per table. */
export interface Seed {
  territories: Territory[];
  organizations: Organization[];
  placesImports: PlacesImport[];
  persons: Person[];
  governances: Governance[];
  bodies: Body[];
  meetings: Meeting[];
  roadmaps: Roadmap[];
  roadmapVersions: RoadmapVersion[];
  actions: Action[];
  milestones: Milestone[];
  fundingLines: FundingLine[];
  updates: Update[];
  indicators: Indicator[];
  measurements: Measurement[];
  deliveries: Delivery[];
  auditEvents: AuditEvent[];
  deliveryEvents: DeliveryEvent[];
  /** Kept with their secret in clear: memory is no copy of a database to protect. */
  apiKeys: (ApiKey & { secret: string })[];
  calendarFeeds: (CalendarFeed & { token: string })[];
  chatLinkCodes: (IssuedChatLinkCode & { code: string; usedAt?: string })[];
  chatAnswers: ChatAnswer[];
  chatInteractions: { interactionId: string; handledAt: string; reply?: string }[];
  signInLinks: (IssuedSignInLink & { secret: string; usedAt?: string })[];
  sessions: (OpenedSession & { secret: string; closedAt?: string })[];
  visits: Visit[];
}

export interface InMemoryStore extends Store {
  /** Everything stored, table by table (copies). */
  dump(): Seed;
}

type TableName = keyof Seed;
// Rows are never mutated in place (writes replace them), so a shallow copy of each list is enough
// to roll back a transaction. Rows are kept by id, delivery events in order.
type Tables = { [K in TableName]: Map<string, Seed[K][number]> };

const TABLE_NAMES: readonly TableName[] = [
  'territories',
  'organizations',
  'placesImports',
  'persons',
  'governances',
  'bodies',
  'meetings',
  'roadmaps',
  'roadmapVersions',
  'actions',
  'milestones',
  'fundingLines',
  'updates',
  'indicators',
  'measurements',
  'deliveries',
  'auditEvents',
  'deliveryEvents',
  'apiKeys',
  'calendarFeeds',
  'chatLinkCodes',
  'chatAnswers',
  'chatInteractions',
  'signInLinks',
  'sessions',
  'visits',
];

/** Tables of secrets and answers, which erasing a person deletes rather than de-identifies. */
const FORGOTTEN_TABLES = [
  'chatLinkCodes',
  'chatAnswers',
  'signInLinks',
  'sessions',
  'visits',
] as const;

/** The tables whose rows belong to one governance (`governanceId`), as the demo's removal sees them. */
const GOVERNED_TABLES = [
  'bodies',
  'meetings',
  'roadmaps',
  'roadmapVersions',
  'actions',
  'milestones',
  'fundingLines',
  'updates',
  'indicators',
  'measurements',
  'deliveries',
  'calendarFeeds',
  'auditEvents',
] as const;

/** The tables whose records keep a person or an organization they name. */
const REFERRING_TABLES: readonly TableName[] = [
  'persons',
  'organizations',
  'governances',
  ...GOVERNED_TABLES,
];

/**
 * The tables personal data is looked for in, as `@maille/db` does: not those erasure deletes, nor
 * the chat's handled interactions.
 */
const PERSONAL_TABLES = TABLE_NAMES.filter(
  (name) => !(FORGOTTEN_TABLES as readonly string[]).includes(name) && name !== 'chatInteractions',
);

/**
 * An implementation of every port in memory, for tests and for trying the kernel without a
 * database. It honours the same contract as `@maille/db`: transactions are atomic and serialised,
 * versions are checked, append-only entities cannot be replaced, and what you read is a copy.
 *
 * @example
 * const store = createInMemoryStore(buildDemoDataset()); // buildDemoDataset from @maille/demo
 * const ctx = { store, clock: settableClock('2024-05-14T08:00:00Z'), ids: sequentialIds(), actor };
 */
export function createInMemoryStore(seed: Partial<Seed> = {}): InMemoryStore {
  let tables = emptyTables();
  for (const name of TABLE_NAMES) {
    (seed[name] ?? []).forEach((row, index) => {
      (tables[name] as Map<string, unknown>).set(keyOf(row, index), copy(row));
    });
  }
  let queue: Promise<unknown> = Promise.resolve();
  const secrets = sequentialSecrets();

  return {
    transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      // One transaction at a time, like SQLite's single writer: later ones wait their turn.
      const run = queue.then(async () => {
        const draft = copyTables(tables);
        const result = await work(repositoriesOver(draft, secrets));
        tables = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    dump(): Seed {
      return Object.fromEntries(
        TABLE_NAMES.map((name) => [name, [...tables[name].values()].map(copy)]),
      ) as unknown as Seed;
    },
  };
}

function keyOf(row: unknown, index: number): string {
  const { id, code, deliveryId, interactionId } = row as Record<string, unknown>;
  const key = id ?? code ?? deliveryId ?? interactionId;
  return typeof key === 'string' ? key : `#${index}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64URL = `${BASE62}-_`;

/** Makes a new text of `length` characters of `alphabet` at each call. */
type SecretMaker = (alphabet: string, length: number) => string;

/**
 * Secrets of the same shape as `@maille/db`'s, made in sequence: the kernel has no randomness of
 * its own, and these guard nothing but a test's memory.
 */
function sequentialSecrets(): SecretMaker {
  let made = 0;
  return (alphabet, length) => {
    let rest = ++made;
    let text = '';
    for (let i = 0; i < length; i++) {
      text = `${alphabet[rest % alphabet.length]}${text}`;
      rest = Math.floor(rest / alphabet.length);
    }
    return text;
  };
}

function emptyTables(): Tables {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, new Map()])) as unknown as Tables;
}

function copyTables(tables: Tables): Tables {
  return Object.fromEntries(
    TABLE_NAMES.map((name) => [name, new Map(tables[name] as Map<string, unknown>)]),
  ) as unknown as Tables;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A row as `@maille/db` hands it out: a copy, frozen deeply, so that no rule changes it in place. */
function readOut<T>(value: T): T {
  return deepFreeze(copy(value));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The latest revision of each (indicator, territory, period) among `measurements`. */
function currentOf(measurements: readonly Measurement[]): Measurement[] {
  const latest = new Map<string, Measurement>();
  for (const m of measurements) {
    const key = `${m.indicatorId} ${m.territory.level} ${m.territory.code} ${m.period}`;
    const kept = latest.get(key);
    if (!kept || m.revision > kept.revision) latest.set(key, m);
  }
  return [...latest.values()];
}

/** A row as personal data shows it: never a credential's secret. */
function withoutSecrets(row: unknown): unknown {
  const { secret: _secret, token: _token, ...rest } = row as Record<string, unknown>;
  return rest;
}

/** A stored credential as the ports give it: a copy, without its secret. */
function withoutSecret<T extends object, K extends keyof T>(row: T, secret: K): Omit<T, K> {
  const { [secret]: _, ...rest } = copy(row);
  return rest;
}

function repositoriesOver(tables: Tables, nextSecret: SecretMaker): Repositories {
  const rowsOf = <K extends TableName>(name: K) =>
    tables[name] as unknown as Map<string, Seed[K][number]>;
  const where = <K extends TableName>(name: K, keep: (row: Seed[K][number]) => boolean) =>
    [...rowsOf(name).values()].filter(keep).map(readOut);
  // The records whose events belong to an action's or a roadmap's history, by kind (see
  // `AuditPageQuery.withChildren`), as the database's subqueries find them.
  const childrenOf = (entity: string | undefined, id: string) => {
    const ids = <K extends TableName>(name: K, keep: (row: Seed[K][number]) => boolean) =>
      new Set([...rowsOf(name).values()].filter(keep).map((row) => (row as { id: string }).id));
    const actions =
      entity === 'roadmap' ? ids('actions', (a) => a.roadmapId === id) : new Set<string>();
    const milestones = ids('milestones', (m) =>
      entity === 'roadmap' ? m.roadmapId === id : m.actionId === id,
    );
    const owners = new Set([id, ...actions]);
    const subjects = new Set([...owners, ...milestones]);
    return new Map([
      ['action', actions],
      ['milestone', milestones],
      ['funding_line', ids('fundingLines', (f) => owners.has(f.actionId))],
      ['update', ids('updates', (u) => subjects.has(u.subject.id))],
    ]);
  };
  const get =
    <K extends TableName>(name: K) =>
    async (id: string) => {
      const row = rowsOf(name).get(id);
      return row ? readOut(row) : undefined;
    };
  const insert =
    <K extends TableName>(name: K, label: string) =>
    async (entity: Seed[K][number] & { id: string }) => {
      if (rowsOf(name).has(entity.id))
        throw new ConflictError(`${label} ${entity.id} existe déjà.`);
      rowsOf(name).set(entity.id, copy(entity));
    };
  const versioned = <K extends TableName>(name: K, label: string) => ({
    get: get(name),
    getMany: async (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const row = rowsOf(name).get(id);
        return row ? [readOut(row)] : [];
      }),
    insert: insert(name, label),
    update: async (entity: Seed[K][number] & Versioned) => {
      const stored = rowsOf(name).get(entity.id) as Versioned | undefined;
      if (!stored || stored.version !== entity.version - 1) throw new StaleVersionError();
      rowsOf(name).set(entity.id, copy(entity));
    },
  });
  const ofGovernance =
    <K extends TableName>(name: K) =>
    async (governanceId: string) =>
      where(name, (row) => (row as { governanceId?: string }).governanceId === governanceId);
  const search =
    <K extends 'organizations' | 'persons'>(name: K, nameOf: (row: Seed[K][number]) => string) =>
    async (query: string, limit: number) => {
      const key = searchKey(query);
      return where(name, (row) => searchKey(nameOf(row)).includes(key))
        .sort((a, b) => byText(searchKey(nameOf(a)), searchKey(nameOf(b))) || byText(a.id, b.id))
        .slice(0, limit);
    };

  return {
    territories: {
      ...versioned('territories', 'Le territoire'),
      findByCode: async (level, code) =>
        where('territories', (t) => t.level === level && t.code === code)[0],
      findByCodes: async (refs) => {
        const wanted = new Set(refs.map((r) => `${r.level} ${r.code}`));
        return where('territories', (t) => wanted.has(`${t.level} ${t.code}`));
      },
      listWithin: async (ref, level) =>
        where(
          'territories',
          (t) =>
            (level === undefined || t.level === level) &&
            t.parents.some((p) => p.level === ref.level && p.code === ref.code),
        ).sort((a, b) => byText(a.code, b.code)),
      countWithin: async (ref, level) =>
        where(
          'territories',
          (t) =>
            t.level === level &&
            t.parents.some((p) => p.level === ref.level && p.code === ref.code),
        ).length,
      listByPostalCodes: async (postalCodes) =>
        where('territories', (t) => t.postalCodes.some((code) => postalCodes.includes(code))).sort(
          (a, b) => byText(a.code, b.code),
        ),
      search: async ({ level, query, after, limit }) => {
        const key = query === undefined ? undefined : searchKey(query);
        return where(
          'territories',
          (t) =>
            (level === undefined || t.level === level) &&
            (key === undefined || searchKey(t.name).includes(key)) &&
            (after === undefined || t.id > after),
        )
          .sort((a, b) => byText(a.id, b.id))
          .slice(0, limit);
      },
      list: async () => where('territories', () => true),
      insertMany: async (territories) => {
        const repo = versioned('territories', 'Le territoire');
        for (const territory of territories) await repo.insert(territory);
      },
    },
    organizations: {
      ...versioned('organizations', 'L’organisation'),
      list: async () => where('organizations', () => true),
      search: search('organizations', (o) => o.name),
      findByNationalIds: async (nationalIds) =>
        where('organizations', (o) => o.nationalIds.some((id) => nationalIds.includes(id))),
      listInCommunes: async (codes) =>
        where('organizations', (o) => codes.includes(communeOfOrganization(o) ?? '')).sort((a, b) =>
          byText(a.id, b.id),
        ),
    },
    placesImports: {
      insert: async (report) => {
        rowsOf('placesImports').set(report.id, report);
      },
      get: async (id) => rowsOf('placesImports').get(id) as PlacesImport | undefined,
      listLatest: async (limit) =>
        where('placesImports', () => true)
          .sort((a, b) => byText(b.importedAt, a.importedAt) || byText(b.id, a.id))
          .slice(0, limit)
          .map(({ entries: _, ...summary }) => summary),
    },
    persons: {
      ...versioned('persons', 'La personne'),
      update: async (person) => {
        await versioned('persons', 'La personne').update(person);
        // Erasure (personal data law): the person's codes, button answers and sign-ins go.
        if (person.erasedAt === undefined) return;
        for (const table of FORGOTTEN_TABLES) {
          const rows = rowsOf(table) as Map<string, { personId: string }>;
          for (const [key, row] of rows) if (row.personId === person.id) rows.delete(key);
        }
      },
      findByChatAccount: async (platform, userId) =>
        where('persons', (p) =>
          p.chatAccounts.some((a) => a.platform === platform && a.userId === userId),
        )[0],
      search: search('persons', (p) => p.displayName),
      findByEmail: async (email) =>
        where('persons', (p) => p.email?.toLowerCase() === email.toLowerCase()).sort((a, b) =>
          byText(a.id, b.id),
        )[0],
    },
    governances: {
      ...versioned('governances', 'La gouvernance'),
      list: async () => where('governances', () => true),
      count: async () => rowsOf('governances').size,
      listPage: async ({ after, limit }) =>
        where('governances', (g) => after === undefined || g.id > after)
          .sort((a, b) => byText(a.id, b.id))
          .slice(0, limit),
      listTakenPartIn: async (personId) => {
        const seated = new Set(
          where('bodies', (b) => b.members.some((m) => m.personId === personId)).map(
            (b) => b.governanceId,
          ),
        );
        return where(
          'governances',
          (g) => seated.has(g.id) || g.roles.some((r) => r.personId === personId),
        ).sort((a, b) => byText(a.id, b.id));
      },
    },
    bodies: { ...versioned('bodies', 'L’instance'), listByGovernance: ofGovernance('bodies') },
    meetings: {
      ...versioned('meetings', 'La séance'),
      listByGovernance: ofGovernance('meetings'),
      listByBodies: async (bodyIds, { from, limit }) =>
        where('meetings', (m) => bodyIds.includes(m.bodyId) && m.startsAt >= from)
          .sort((a, b) => byText(a.startsAt, b.startsAt) || byText(a.id, b.id))
          .slice(0, limit),
    },
    roadmaps: {
      ...versioned('roadmaps', 'La feuille de route'),
      listByGovernance: ofGovernance('roadmaps'),
    },
    roadmapVersions: {
      get: get('roadmapVersions'),
      insert: insert('roadmapVersions', 'La version'),
      listByRoadmap: async (roadmapId) =>
        where('roadmapVersions', (v) => v.roadmapId === roadmapId).sort(
          (a, b) => a.number - b.number,
        ),
    },
    actions: {
      ...versioned('actions', 'L’action'),
      listByGovernance: ofGovernance('actions'),
      listByRoadmap: async (roadmapId) => where('actions', (a) => a.roadmapId === roadmapId),
    },
    milestones: {
      ...versioned('milestones', 'Le jalon'),
      listByGovernance: ofGovernance('milestones'),
      listByRoadmap: async (roadmapId) => where('milestones', (m) => m.roadmapId === roadmapId),
      listByAction: async (actionId) => where('milestones', (m) => m.actionId === actionId),
      listOpenDueBefore: async (governanceId, before) =>
        where(
          'milestones',
          (m) =>
            m.governanceId === governanceId &&
            m.dueDate < before &&
            m.status !== 'atteint' &&
            m.status !== 'annule',
        ).sort((a, b) => byText(a.dueDate, b.dueDate) || byText(a.id, b.id)),
      listCarriedBy: async (personId, { dueFrom, limit }) => {
        const owned = new Set(where('actions', (a) => a.ownerId === personId).map((a) => a.id));
        return where(
          'milestones',
          (m) =>
            (m.ownerId === personId ||
              (m.ownerId === undefined && m.actionId !== undefined && owned.has(m.actionId))) &&
            (m.dueDate >= dueFrom || m.status === 'a_venir' || m.status === 'reporte'),
        )
          .sort((a, b) => byText(a.dueDate, b.dueDate) || byText(a.id, b.id))
          .slice(0, limit);
      },
    },
    fundingLines: {
      ...versioned('fundingLines', 'Le financement'),
      listByGovernance: ofGovernance('fundingLines'),
      listByAction: async (actionId) => where('fundingLines', (f) => f.actionId === actionId),
    },
    updates: {
      get: get('updates'),
      insert: insert('updates', 'Le point d’étape'),
      listByGovernance: ofGovernance('updates'),
      listBySubject: async (subject) =>
        where(
          'updates',
          (u) => u.subject.type === subject.type && u.subject.id === subject.id,
        ).sort((a, b) => byText(a.createdAt, b.createdAt)),
      listLatestAbout: async (subjects, limit) =>
        where('updates', (u) =>
          subjects.some((s) => s.type === u.subject.type && s.id === u.subject.id),
        )
          .sort((a, b) => byText(b.createdAt, a.createdAt) || byText(b.id, a.id))
          .slice(0, limit),
      listLatest: async (governanceId, limit) =>
        where('updates', (u) => u.governanceId === governanceId)
          .sort((a, b) => byText(b.createdAt, a.createdAt) || byText(a.id, b.id))
          .slice(0, limit),
      listLatestProgress: async (scope) => {
        const actions = new Set(
          where('actions', (a) =>
            'actionId' in scope
              ? a.id === scope.actionId
              : 'roadmapId' in scope
                ? a.roadmapId === scope.roadmapId
                : a.governanceId === scope.governanceId,
          ).map((action) => action.id),
        );
        const latest = new Map<string, Update>();
        for (const u of where('updates', (u) => u.subject.type === 'action')) {
          if (!actions.has(u.subject.id) || u.progress === undefined) continue;
          const kept = latest.get(u.subject.id);
          if (
            !kept ||
            byText(u.createdAt, kept.createdAt) > 0 ||
            (u.createdAt === kept.createdAt && u.id > kept.id)
          )
            latest.set(u.subject.id, u);
        }
        return [...latest.values()];
      },
      listRecordedBetween: async (governanceId, after, until) =>
        where(
          'updates',
          (u) => u.governanceId === governanceId && u.createdAt > after && u.createdAt <= until,
        ).sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id)),
    },
    indicators: {
      ...versioned('indicators', 'L’indicateur'),
      listByGovernance: ofGovernance('indicators'),
    },
    measurements: {
      get: get('measurements'),
      insert: insert('measurements', 'La mesure'),
      listByGovernance: ofGovernance('measurements'),
      listByIndicator: async (indicatorId) =>
        where('measurements', (m) => m.indicatorId === indicatorId),
      listCurrentByIndicator: async (indicatorId) =>
        currentOf(where('measurements', (m) => m.indicatorId === indicatorId)),
      listCurrentInPeriods: async (governanceId, periods) =>
        currentOf(
          where(
            'measurements',
            (m) => m.governanceId === governanceId && periods.includes(m.period),
          ),
        ),
    },
    deliveries: {
      get: get('deliveries'),
      listByGovernance: ofGovernance('deliveries'),
      insertIfAbsent: async (list) => {
        const keys = new Set([...rowsOf('deliveries').values()].map((d) => d.dedupeKey));
        let inserted = 0;
        for (const delivery of list) {
          if (keys.has(delivery.dedupeKey)) continue;
          keys.add(delivery.dedupeKey);
          rowsOf('deliveries').set(delivery.id, copy(delivery));
          inserted++;
        }
        return inserted;
      },
      claimDue: async ({ now, leaseUntil, limit, claimant }) => {
        const due = where('deliveries', (d) => isClaimable(d, now))
          .sort((a, b) => byText(a.dueAt, b.dueAt) || byText(a.id, b.id))
          .slice(0, limit);
        return due.map((delivery) => {
          const claimed = claimDelivery(delivery, { now, leaseUntil, claimant });
          rowsOf('deliveries').set(delivery.id, claimed.delivery);
          appendEvent(claimed.event);
          return copy(claimed.delivery);
        });
      },
      settle: async (id, claimant, outcome, at) => {
        const delivery = rowsOf('deliveries').get(id);
        if (!delivery) throw new NotFoundError('Envoi', id);
        const settled = settleDelivery(delivery, claimant, outcome, at);
        rowsOf('deliveries').set(id, settled.delivery);
        appendEvent(settled.event);
        return copy(settled.delivery);
      },
      listEvents: async (deliveryId) => where('deliveryEvents', (e) => e.deliveryId === deliveryId),
    },
    auditEvents: {
      get: get('auditEvents'),
      insert: insert('auditEvents', 'L’événement'),
      listByEntity: async (entity, entityId) =>
        where('auditEvents', (e) => e.entity === entity && e.entityId === entityId),
      listByGovernance: async (governanceId) =>
        where('auditEvents', (e) => e.governanceId === governanceId),
      listPage: async ({ governanceId, entity, entityId, withChildren, before, limit }) => {
        const children =
          withChildren && entityId !== undefined ? childrenOf(entity, entityId) : undefined;
        return where(
          'auditEvents',
          (e) =>
            e.governanceId === governanceId &&
            (((entity === undefined || e.entity === entity) &&
              (entityId === undefined || e.entityId === entityId)) ||
              children?.get(e.entity)?.has(e.entityId) === true) &&
            (before === undefined || e.at < before.at || (e.at === before.at && e.id < before.id)),
        )
          .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1))
          .slice(0, limit);
      },
    },
    personalData: {
      collect: async (needles) => {
        const found: Record<string, unknown[]> = {};
        for (const name of PERSONAL_TABLES) {
          // The texts erasure would rewrite: same matching (whole words, any case).
          const rows = where(name, (row) => {
            const text = JSON.stringify(row);
            return scrubValue(text, needles, '') !== text;
          });
          if (rows.length === 0) continue;
          found[name] =
            name === 'apiKeys' || name === 'calendarFeeds' ? rows.map(withoutSecrets) : rows;
        }
        // Sign-ins by the person's id only, as the database finds them, never with their secret.
        for (const name of ['signInLinks', 'sessions', 'visits'] as const) {
          const rows = where(name, (row) => needles.includes(row.personId));
          if (rows.length > 0) found[name] = rows.map(withoutSecrets);
        }
        return found;
      },
      scrub: async (needles, replacement) => {
        const changed: Record<string, number> = {};
        for (const name of PERSONAL_TABLES) {
          const rows = rowsOf(name) as Map<string, unknown>;
          for (const [key, row] of rows) {
            const scrubbed = scrubValue(row, needles, replacement);
            if (JSON.stringify(scrubbed) === JSON.stringify(row)) continue;
            rows.set(key, scrubbed);
            changed[name] = (changed[name] ?? 0) + 1;
          }
        }
        return changed;
      },
    },
    apiKeys: {
      create: async (fields) => {
        const key: ApiKey = { id: nextSecret(BASE62, 12), ...fields };
        const secret = nextSecret(BASE64URL, 43);
        rowsOf('apiKeys').set(key.id, { ...copy(key), secret });
        return { key, token: `mai_${key.id}.${secret}` };
      },
      findByToken: async (token) => {
        const [, id, secret] = API_KEY_TOKEN.exec(token) ?? [];
        const row = id === undefined ? undefined : rowsOf('apiKeys').get(id);
        return row && row.secret === secret ? withoutSecret(row, 'secret') : undefined;
      },
      get: async (id) => {
        const row = rowsOf('apiKeys').get(id);
        return row && withoutSecret(row, 'secret');
      },
      list: async ({ personId }) =>
        where('apiKeys', (k) => personId === undefined || k.personId === personId)
          .sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id))
          .map((row) => withoutSecret(row, 'secret')),
      update: async (key) => {
        const row = rowsOf('apiKeys').get(key.id);
        if (!row) throw new NotFoundError('Clé d’API', key.id);
        rowsOf('apiKeys').set(key.id, { ...copy(key), secret: row.secret });
      },
    },
    calendarFeeds: {
      create: async (fields) => {
        const feed: CalendarFeed = { id: `cal_${nextSecret(BASE62, 12)}`, ...fields };
        const token = nextSecret(BASE64URL, 43);
        rowsOf('calendarFeeds').set(feed.id, { ...copy(feed), token });
        return { feed, token };
      },
      findByToken: async (token) => {
        const row = where('calendarFeeds', (f) => f.token === token)[0];
        return row && withoutSecret(row, 'token');
      },
      get: async (id) => {
        const row = rowsOf('calendarFeeds').get(id);
        return row && withoutSecret(row, 'token');
      },
      list: async ({ governanceId }) =>
        where(
          'calendarFeeds',
          (f) =>
            f.governanceId !== undefined &&
            (governanceId === undefined || f.governanceId === governanceId),
        )
          .sort((a, b) => byText(a.id, b.id))
          .map((row) => withoutSecret(row, 'token')),
      findLiveOfPerson: async (personId) => {
        const row = where(
          'calendarFeeds',
          (f) => f.personId === personId && f.revokedAt === undefined,
        )[0];
        return row && { feed: withoutSecret(row, 'token'), token: row.token };
      },
      update: async (feed) => {
        const row = rowsOf('calendarFeeds').get(feed.id);
        if (!row) throw new NotFoundError('Flux de calendrier', feed.id);
        rowsOf('calendarFeeds').set(feed.id, { ...copy(feed), token: row.token });
      },
    },
    chatLinkCodes: {
      issue: async (fields) => {
        const code = nextSecret(CHAT_LINK_CODE_ALPHABET, CHAT_LINK_CODE_LENGTH);
        rowsOf('chatLinkCodes').set(code, { ...copy(fields), code });
        return code;
      },
      redeem: async (code, at) => {
        const row = rowsOf('chatLinkCodes').get(code);
        if (!row || row.usedAt !== undefined || row.expiresAt <= at) return undefined;
        rowsOf('chatLinkCodes').set(code, { ...row, usedAt: at });
        return { personId: row.personId };
      },
    },
    chatAnswers: {
      claim: async (answer) => {
        if (rowsOf('chatAnswers').has(answer.deliveryId)) return false;
        rowsOf('chatAnswers').set(answer.deliveryId, copy(answer));
        return true;
      },
    },
    signInLinks: {
      issue: async (fields) => {
        const secret = nextSecret(BASE62, 43);
        rowsOf('signInLinks').set(secret, { ...copy(fields), secret });
        return secret;
      },
      redeem: async (secret, at) => {
        const row = rowsOf('signInLinks').get(secret);
        if (!row || row.usedAt !== undefined || row.expiresAt <= at) return undefined;
        rowsOf('signInLinks').set(secret, { ...row, usedAt: at });
        return { personId: row.personId };
      },
      forgetSpent: async (at) => {
        let forgotten = 0;
        for (const [secret, row] of rowsOf('signInLinks')) {
          if (row.usedAt === undefined && row.expiresAt > at) continue;
          rowsOf('signInLinks').delete(secret);
          forgotten += 1;
        }
        return forgotten;
      },
    },
    sessions: {
      open: async (fields) => {
        const secret = nextSecret(BASE62, 43);
        rowsOf('sessions').set(secret, { ...copy(fields), secret });
        return secret;
      },
      find: async (secret, at) => {
        const row = rowsOf('sessions').get(secret);
        if (!row || row.closedAt !== undefined || row.expiresAt <= at) return undefined;
        return { personId: row.personId, createdAt: row.createdAt, expiresAt: row.expiresAt };
      },
      close: async (secret, at) => {
        const row = rowsOf('sessions').get(secret);
        if (row && row.closedAt === undefined)
          rowsOf('sessions').set(secret, { ...row, closedAt: at });
      },
      closeAllOf: async (personId, at) => {
        let closed = 0;
        for (const [secret, row] of rowsOf('sessions')) {
          if (row.personId !== personId || row.closedAt !== undefined || row.expiresAt <= at)
            continue;
          rowsOf('sessions').set(secret, { ...row, closedAt: at });
          closed += 1;
        }
        return closed;
      },
      forgetEnded: async (at) => {
        let forgotten = 0;
        for (const [secret, row] of rowsOf('sessions')) {
          if (row.closedAt === undefined && row.expiresAt > at) continue;
          rowsOf('sessions').delete(secret);
          forgotten += 1;
        }
        return forgotten;
      },
    },
    visits: {
      get: async (personId) => {
        const row = rowsOf('visits').get(personId);
        return row && copy(row);
      },
      save: async (visit) => {
        rowsOf('visits').set(visit.personId, copy(visit));
      },
    },
    chatInteractions: {
      claim: async (interactionId, at) => {
        if (rowsOf('chatInteractions').has(interactionId)) return false;
        rowsOf('chatInteractions').set(interactionId, { interactionId, handledAt: at });
        return true;
      },
      saveReply: async (interactionId, reply) => {
        const row = rowsOf('chatInteractions').get(interactionId);
        if (row) rowsOf('chatInteractions').set(interactionId, { ...row, reply });
      },
      replyTo: async (interactionId) => rowsOf('chatInteractions').get(interactionId)?.reply,
    },
    demo: {
      remove: async (plan) => {
        const removed: Record<string, number> = {};
        const drop = (name: TableName, gone: (row: Record<string, unknown>) => boolean) => {
          const rows = tables[name] as Map<string, Record<string, unknown>>;
          for (const [key, row] of rows) {
            if (!gone(row)) continue;
            rows.delete(key);
            removed[name] = (removed[name] ?? 0) + 1;
          }
        };
        const governances = new Set(plan.governanceIds);
        const ofThem = (row: Record<string, unknown>) =>
          governances.has(row.governanceId as string);
        const deliveries = new Set(where('deliveries', ofThem).map((d) => d.id));
        drop('deliveryEvents', (e) => deliveries.has(e.deliveryId as string));
        for (const name of GOVERNED_TABLES) drop(name, ofThem);
        drop('governances', (g) => governances.has(g.id as string));

        // Still named by a record that remains (not its own row, not the trail of its own changes).
        const named = (id: string, needles: string[], tablesToSee: readonly TableName[]) =>
          tablesToSee.some((name) =>
            [...(tables[name] as Map<string, Record<string, unknown>>).values()].some((row) => {
              if (row.id === id) return false;
              if (name === 'auditEvents' && row.governanceId === undefined) return false;
              const text = JSON.stringify(row);
              return needles.some((needle) => text.includes(needle));
            }),
          );
        const gone = new Set<string>();
        for (const id of plan.personIds) {
          if (!rowsOf('persons').has(id) || named(id, [`"${id}"`], REFERRING_TABLES)) continue;
          drop('apiKeys', (k) => k.personId === id);
          for (const table of FORGOTTEN_TABLES) drop(table, (row) => row.personId === id);
          drop('persons', (p) => p.id === id);
          gone.add(id);
        }
        for (const id of plan.organizationIds) {
          if (!rowsOf('organizations').has(id) || named(id, [`"${id}"`], REFERRING_TABLES))
            continue;
          drop('organizations', (o) => o.id === id);
          gone.add(id);
        }
        // A territory is named by its code; one kept keeps the territories it names (its parents).
        const leaving = new Set(plan.territoryIds.filter((id) => rowsOf('territories').has(id)));
        let changed = true;
        while (changed) {
          changed = false;
          for (const id of leaving) {
            const { code } = rowsOf('territories').get(id) as Territory;
            const needles = [`"code":"${code}"`, `"inseeCode":"${code}"`];
            const kept = ['governances', 'organizations', 'measurements', 'territories'] as const;
            const namedBy = kept.some((name) =>
              [...(tables[name] as Map<string, Record<string, unknown>>).values()].some(
                (row) =>
                  row.id !== id &&
                  !(name === 'territories' && leaving.has(row.id as string)) &&
                  needles.some((needle) => JSON.stringify(row).includes(needle)),
              ),
            );
            if (namedBy) {
              leaving.delete(id);
              changed = true;
            }
          }
        }
        drop('territories', (t) => leaving.has(t.id as string));
        for (const id of leaving) gone.add(id);
        drop('auditEvents', (e) => e.governanceId === undefined && gone.has(e.entityId as string));
        return removed;
      },
    },
  };

  function appendEvent(event: DeliveryEvent): void {
    const events = rowsOf('deliveryEvents');
    events.set(`#${events.size}`, event);
  }
}
