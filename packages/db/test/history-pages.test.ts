import type { AuditEvent } from '@maille/domain';
import { createInMemoryStore, createTestWorld, type TestWorld } from '@maille/domain/testing';
import {
  type AuditPageQuery,
  addFundingLine,
  createAction,
  createMilestone,
  createRoadmap,
  listHistory,
  recordUpdate,
  type Store,
} from '@maille/domain/use-cases';
import { CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// A governance's history read a page at a time (issue 17): newest first, events of one instant by
// descending id, filtered by record, the same on every storage — memory, SQLite, PostgreSQL.

const GOV = 'gov_histpages';
const OTHER = 'gov_histother';

function event(n: number, at: string, fields: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: `aud_hist${String(n).padStart(4, '0')}`,
    at,
    channel: 'web',
    governanceId: GOV,
    entity: 'action',
    entityId: 'act_hist0001',
    action: 'update',
    changes: [{ field: 'title', before: `Titre ${n - 1}`, after: `Titre ${n}` }],
    ...fields,
  };
}

/** 30 events; every third shares its instant with the one before; some about a milestone. */
const EVENTS: AuditEvent[] = Array.from({ length: 30 }, (_, i) => {
  const minute = i % 3 === 2 ? i - 1 : i;
  const at = new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
  return event(
    i + 1,
    at,
    i % 4 === 0 ? { entity: 'milestone', entityId: `mil_hist000${i % 8 === 0 ? 1 : 2}` } : {},
  );
});
const ELSEWHERE = event(99, '2026-12-02T09:00:00.000Z', { governanceId: OTHER });

/** The expected order: newest first, then by id descending. */
const NEWEST_FIRST = [...EVENTS].sort((a, b) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1,
);

async function readAll(store: Store, query: Omit<AuditPageQuery, 'before'>): Promise<string[][]> {
  const pages: string[][] = [];
  let before: AuditPageQuery['before'];
  for (;;) {
    const page = await store.transaction((repos) =>
      repos.auditEvents.listPage({ ...query, before }),
    );
    if (page.length === 0) return pages;
    pages.push(page.map((e) => e.id));
    const last = page.at(-1) as AuditEvent;
    before = { at: last.at, id: last.id };
  }
}

const STORES = ['memory', ...DIALECTS] as const;

describe.each(STORES)('a governance’s history, a page at a time, on %s', (kind) => {
  let test: TestDatabase | undefined;
  let store: Store;

  beforeAll(async () => {
    if (kind === 'memory') {
      store = createInMemoryStore();
    } else {
      test = await openTestDatabase(kind);
      store = createStore(test.database);
    }
    await store.transaction(async (repos) => {
      for (const e of [...EVENTS, ELSEWHERE]) await repos.auditEvents.insert(e);
    });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('comes newest first, events of one instant by descending id, never another governance’s', async () => {
    const page = await store.transaction((repos) =>
      repos.auditEvents.listPage({ governanceId: GOV, limit: 100 }),
    );
    expect(page.map((e) => e.id)).toEqual(NEWEST_FIRST.map((e) => e.id));
    expect(page[0]?.changes).toEqual(NEWEST_FIRST[0]?.changes);
  });

  it('pages through ties without repeating or skipping an event', async () => {
    // Pages of 4 end inside groups of events sharing an instant.
    const pages = await readAll(store, { governanceId: GOV, limit: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
    expect(pages.flat()).toEqual(NEWEST_FIRST.map((e) => e.id));
  });

  it('keeps one kind of record, or one record, when asked', async () => {
    const milestones = NEWEST_FIRST.filter((e) => e.entity === 'milestone').map((e) => e.id);
    expect(
      (await readAll(store, { governanceId: GOV, entity: 'milestone', limit: 3 })).flat(),
    ).toEqual(milestones);
    const one = NEWEST_FIRST.filter((e) => e.entityId === 'mil_hist0001').map((e) => e.id);
    expect(one.length).toBeGreaterThan(1);
    const pages = await readAll(store, {
      governanceId: GOV,
      entity: 'milestone',
      entityId: 'mil_hist0001',
      limit: 2,
    });
    expect(pages.flat()).toEqual(one);
  });
});

describe('a history page on SQLite', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase('sqlite');
  });
  afterAll(async () => {
    await test.drop();
  });

  it('is read through an index, not by sorting the history', async () => {
    const at = '2026-12-01T09:10:00.000Z';
    const plan = await sql<{ detail: string }>`explain query plan
      select data from audit_events where governance_id = ${GOV}
        and (at < ${at} or (at = ${at} and id < ${'aud_hist0010'}))
      order by at desc, id desc limit 10`.execute(test.database.db);
    const details = plan.rows.map((r) => r.detail).join(' | ');
    expect(details).toMatch(/audit_events_page/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('reads an action’s page with its children’s through the record index, never walking the governance’s history', async () => {
    const db = test.database.db;
    const seen: CompiledQuery[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        seen.push(db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const store = createStore({ ...test.database, db: db.withPlugin(capture) });
    await store.transaction((repos) =>
      repos.auditEvents.listPage({
        governanceId: GOV,
        entity: 'action',
        entityId: 'act_hist0001',
        withChildren: true,
        limit: 10,
      }),
    );
    // The page as run: the newest rows of the union of one branch per kind of child.
    const page = seen.filter((q) => q.sql.includes('union all')).at(-1);
    expect(page).toBeDefined();
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${page?.sql}`, [...(page?.parameters ?? [])]),
    );
    const details = plan.rows.map((r) => r.detail).join(' | ');
    expect(details).toMatch(/audit_events_entity_page/);
    expect(details).not.toMatch(/INDEX audit_events_page\b/);
  });

  it('reads one record’s page through its own index', async () => {
    const plan = await sql<{ detail: string }>`explain query plan
      select data from audit_events where governance_id = ${GOV}
        and entity = ${'action'} and entity_id = ${'act_hist0001'}
      order by at desc, id desc limit 10`.execute(test.database.db);
    const details = plan.rows.map((r) => r.detail).join(' | ');
    expect(details).toMatch(/audit_events_entity_page/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe.each(STORES)('a record’s history with its children’s, on %s', (kind) => {
  let test: TestDatabase | undefined;
  let world: TestWorld<Store>;

  beforeAll(async () => {
    if (kind !== 'memory') test = await openTestDatabase(kind);
    world = await createTestWorld(test ? { store: createStore(test.database) } : {});
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('gives an action its milestones’, funding lines’ and updates’ events, a roadmap its actions’ too, and nothing of another roadmap', async () => {
    const coordinator = world.as('coordinator');
    const governanceId = world.governance.id;
    const plan = async (title: string) => {
      const roadmap = await createRoadmap(coordinator, {
        governanceId,
        title,
        fromYear: 2026,
        toYear: 2028,
        axes: [{ title: 'Accompagner' }],
      });
      const action = await createAction(coordinator, {
        roadmapId: roadmap.id,
        axisId: roadmap.axes[0]?.id,
        code: 'A1',
        title: `Action de ${title}`,
      });
      const milestone = await createMilestone(coordinator, {
        roadmapId: roadmap.id,
        actionId: action.id,
        title: `Jalon de ${title}`,
        dueDate: '2027-03-01',
      });
      const line = await addFundingLine(coordinator, {
        actionId: action.id,
        funderKind: 'caf',
        amountCents: 100_000,
      });
      const update = await recordUpdate(coordinator, {
        subject: { type: 'milestone', id: milestone.id },
        text: `Avancée de ${title}`,
      });
      return { roadmap, action, milestone, line, update };
    };
    const mine = await plan('Feuille A');
    const other = await plan('Feuille B');
    const history = async (entity: string, entityId: string) =>
      (await listHistory(coordinator, { governanceId, entity, entityId, limit: 100 })).items.map(
        (e) => e.event.entityId,
      );
    expect((await history('action', mine.action.id)).sort()).toEqual(
      [mine.action.id, mine.milestone.id, mine.line.id, mine.update.id].sort(),
    );
    expect((await history('roadmap', mine.roadmap.id)).sort()).toEqual(
      [mine.roadmap.id, mine.action.id, mine.milestone.id, mine.line.id, mine.update.id].sort(),
    );
    expect(await history('roadmap', other.roadmap.id)).not.toContain(mine.action.id);
  });
});
