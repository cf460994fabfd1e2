import type { UpdateSubject } from '../roadmap/update.ts';
import { ConflictError } from '../shared/errors.ts';
import type {
  AppendOnlyRepository,
  Repositories,
  Store,
  Versioned,
  VersionedRepository,
} from '../use-cases/ports.ts';

/**
 * An implementation of every port in memory, for tests and for trying the kernel without a
 * database. It honours the same contract as `@maille/db`: transactions are atomic and serialised,
 * versions are checked, append-only entities cannot be replaced, and what you read is a copy.
 *
 * @example
 * const store = createInMemoryStore();
 * const ctx = { store, clock: fixedClock('2024-05-14T08:00:00Z'), ids: sequentialIds(), actor };
 */
export function createInMemoryStore(seed: Partial<Seed> = {}): InMemoryStore {
  let tables = emptyTables();
  for (const [name, rows] of Object.entries(seed) as [TableName, { id: string }[]][]) {
    for (const row of rows) tables[name].set(row.id, copy(row));
  }
  let queue: Promise<unknown> = Promise.resolve();

  return {
    transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      // One transaction at a time, like SQLite's single writer: later ones wait their turn.
      const run = queue.then(async () => {
        const draft = copyTables(tables);
        const result = await work(repositoriesOver(draft));
        tables = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    dump(): Seed {
      return Object.fromEntries(
        Object.entries(tables).map(([name, rows]) => [name, [...rows.values()].map(copy)]),
      ) as unknown as Seed;
    },
  };
}

export interface InMemoryStore extends Store {
  /** Everything stored, table by table (copies). */
  dump(): Seed;
}

type Row<R> =
  R extends VersionedRepository<infer T> ? T : R extends AppendOnlyRepository<infer T> ? T : never;

/** Rows to start a store with, named like the repositories. */
export type Seed = { [K in keyof Repositories]: Row<Repositories[K]>[] } & {
  deliveries: Awaited<ReturnType<Repositories['deliveries']['listByGovernance']>>;
};

type TableName = keyof Repositories;
type Tables = Record<TableName, Map<string, { id: string }>>;

const TABLE_NAMES: readonly TableName[] = [
  'territories',
  'organizations',
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
];

function emptyTables(): Tables {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, new Map()])) as Tables;
}

// Rows are never mutated in place (writes replace them), so a shallow copy of each map is
// enough to roll back a transaction.
function copyTables(tables: Tables): Tables {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, new Map(tables[name])])) as Tables;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function repositoriesOver(tables: Tables): Repositories {
  const versioned = <T extends Versioned>(name: TableName, label: string) => {
    const rows = tables[name] as unknown as Map<string, T>;
    return {
      get: async (id: string) => {
        const row = rows.get(id);
        return row ? copy(row) : undefined;
      },
      getMany: async (ids: readonly string[]) =>
        ids.flatMap((id) => {
          const row = rows.get(id);
          return row ? [copy(row)] : [];
        }),
      insert: async (entity: T) => {
        if (rows.has(entity.id)) throw new ConflictError(`${label} ${entity.id} existe déjà.`);
        rows.set(entity.id, copy(entity));
      },
      update: async (entity: T) => {
        const stored = rows.get(entity.id);
        if (!stored || stored.version !== entity.version - 1) throw new ConflictError();
        rows.set(entity.id, copy(entity));
      },
      where: (keep: (row: T) => boolean) => [...rows.values()].filter(keep).map(copy),
    };
  };
  const appendOnly = <T extends { id: string }>(name: TableName, label: string) => {
    const rows = tables[name] as unknown as Map<string, T>;
    return {
      get: async (id: string) => {
        const row = rows.get(id);
        return row ? copy(row) : undefined;
      },
      insert: async (entity: T) => {
        if (rows.has(entity.id)) throw new ConflictError(`${label} ${entity.id} existe déjà.`);
        rows.set(entity.id, copy(entity));
      },
      where: (keep: (row: T) => boolean) => [...rows.values()].filter(keep).map(copy),
    };
  };
  const byGovernance = <T extends { governanceId: string }>(repo: {
    where: (keep: (row: T) => boolean) => T[];
  }) => ({
    listByGovernance: async (governanceId: string) =>
      repo.where((row) => row.governanceId === governanceId),
  });

  type Of<K extends TableName> = Row<Repositories[K]>;
  const territories = versioned<Of<'territories'>>('territories', 'Le territoire');
  const organizations = versioned<Of<'organizations'>>('organizations', 'L’organisation');
  const persons = versioned<Of<'persons'>>('persons', 'La personne');
  const governances = versioned<Of<'governances'>>('governances', 'La gouvernance');
  const bodies = versioned<Of<'bodies'>>('bodies', 'L’instance');
  const meetings = versioned<Of<'meetings'>>('meetings', 'La séance');
  const roadmaps = versioned<Of<'roadmaps'>>('roadmaps', 'La feuille de route');
  const roadmapVersions = appendOnly<Of<'roadmapVersions'>>('roadmapVersions', 'La version');
  const actions = versioned<Of<'actions'>>('actions', 'L’action');
  const milestones = versioned<Of<'milestones'>>('milestones', 'Le jalon');
  const fundingLines = versioned<Of<'fundingLines'>>('fundingLines', 'Le financement');
  const updates = appendOnly<Of<'updates'>>('updates', 'Le point d’étape');
  const indicators = versioned<Of<'indicators'>>('indicators', 'L’indicateur');
  const measurements = appendOnly<Of<'measurements'>>('measurements', 'La mesure');
  const auditEvents = appendOnly<Of<'auditEvents'>>('auditEvents', 'L’événement');
  type DeliveryRow = Awaited<ReturnType<Repositories['deliveries']['listByGovernance']>>[number];
  const deliveries = tables.deliveries as unknown as Map<string, DeliveryRow>;

  return {
    territories: {
      ...territories,
      findByCode: async (level, code) =>
        territories.where((t) => t.level === level && t.code === code)[0],
      list: async () => territories.where(() => true),
    },
    organizations: { ...organizations, list: async () => organizations.where(() => true) },
    persons: {
      ...persons,
      findByChatAccount: async (platform, userId) =>
        persons.where((p) =>
          p.chatAccounts.some((a) => a.platform === platform && a.userId === userId),
        )[0],
    },
    governances: { ...governances, list: async () => governances.where(() => true) },
    bodies: { ...bodies, ...byGovernance(bodies) },
    meetings: { ...meetings, ...byGovernance(meetings) },
    roadmaps: { ...roadmaps, ...byGovernance(roadmaps) },
    roadmapVersions: {
      ...roadmapVersions,
      listByRoadmap: async (roadmapId) =>
        roadmapVersions.where((v) => v.roadmapId === roadmapId).sort((a, b) => a.number - b.number),
    },
    actions: {
      ...actions,
      ...byGovernance(actions),
      listByRoadmap: async (roadmapId) => actions.where((a) => a.roadmapId === roadmapId),
    },
    milestones: {
      ...milestones,
      ...byGovernance(milestones),
      listByRoadmap: async (roadmapId) => milestones.where((m) => m.roadmapId === roadmapId),
      listByAction: async (actionId) => milestones.where((m) => m.actionId === actionId),
    },
    fundingLines: {
      ...fundingLines,
      ...byGovernance(fundingLines),
      listByAction: async (actionId) => fundingLines.where((f) => f.actionId === actionId),
    },
    updates: {
      ...updates,
      ...byGovernance(updates),
      listBySubject: async (subject: UpdateSubject) =>
        updates
          .where((u) => u.subject.type === subject.type && u.subject.id === subject.id)
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    },
    indicators: { ...indicators, ...byGovernance(indicators) },
    measurements: {
      ...measurements,
      ...byGovernance(measurements),
      listByIndicator: async (indicatorId) =>
        measurements.where((m) => m.indicatorId === indicatorId),
    },
    deliveries: {
      get: async (id) => {
        const row = deliveries.get(id);
        return row ? copy(row) : undefined;
      },
      listByGovernance: async (governanceId) =>
        [...deliveries.values()].filter((d) => d.governanceId === governanceId).map(copy),
      insertIfAbsent: async (list) => {
        const keys = new Set([...deliveries.values()].map((d) => d.dedupeKey));
        let inserted = 0;
        for (const delivery of list) {
          if (keys.has(delivery.dedupeKey)) continue;
          keys.add(delivery.dedupeKey);
          deliveries.set(delivery.id, copy(delivery));
          inserted++;
        }
        return inserted;
      },
    },
    auditEvents: {
      ...auditEvents,
      listByEntity: async (entity, entityId) =>
        auditEvents.where((e) => e.entity === entity && e.entityId === entityId),
      listByGovernance: async (governanceId) =>
        auditEvents.where((e) => e.governanceId === governanceId),
    },
  };
}
