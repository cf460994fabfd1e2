import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Database, migrateDown, migrateToLatest, migrationStatus } from '../src/index.ts';
import { MIGRATIONS } from '../src/migrations/index.ts';
import { DIALECTS, openTestDatabase, tableNames } from './dialects.ts';

const TABLES = ['governances', 'milestones', 'deliveries', 'audit_events'];

async function ownTables(test: Awaited<ReturnType<typeof openTestDatabase>>): Promise<string[]> {
  return (await tableNames(test.database)).filter((name) => !name.startsWith('kysely_'));
}

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('build the schema from empty, and go down and up again', async () => {
    const test = await openTestDatabase(dialect, { migrate: false });
    try {
      expect((await migrationStatus(test.database)).every((m) => !m.executedAt)).toBe(true);
      expect((await migrateToLatest(test.database)).error).toBeUndefined();
      expect(await ownTables(test)).toEqual(expect.arrayContaining(TABLES));
      expect((await migrationStatus(test.database)).every((m) => m.executedAt)).toBe(true);

      // Down, one migration at a time, to empty.
      for (const _ of await migrationStatus(test.database)) {
        expect((await migrateDown(test.database)).error).toBeUndefined();
      }
      expect(await ownTables(test)).toEqual([]);

      expect((await migrateToLatest(test.database)).error).toBeUndefined();
      expect(await ownTables(test)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await test.drop();
    }
  });

  it('gives the updates stored before it their progress, to find the latest one by index', async () => {
    const test = await openTestDatabase(dialect);
    try {
      const { db } = test.database;
      // Back to before `2026-12-05T0900-bounded-reads`: the migrations after it first.
      for (const name of await latestFirstSince('2026-12-05T0900-bounded-reads', test.database)) {
        const report = await migrateDown(test.database);
        expect(report.error).toBeUndefined();
        expect(report.applied.map((m) => m.name)).toEqual([name]);
      }
      await sql`insert into governances (id, version, data, created_at, updated_at) values ('gov_test01', 1, '{}', 'x', 'x')`.execute(
        db,
      );
      for (const [id, data] of [
        ['upd_test01', '{"progress":40}'],
        ['upd_test02', '{"progress":12.5}'],
        ['upd_test03', '{"text":"sans avancement"}'],
      ]) {
        await sql`insert into updates (id, governance_id, subject_type, subject_id, created_at, data) values (${id}, 'gov_test01', 'action', 'act_test01', 'x', ${data})`.execute(
          db,
        );
      }
      expect((await migrateToLatest(test.database)).error).toBeUndefined();
      const rows = await sql<{
        id: string;
        progress: number | null;
      }>`select id, progress from updates order by id`.execute(db);
      expect(rows.rows.map((r) => [r.id, r.progress === null ? null : Number(r.progress)])).toEqual(
        [
          ['upd_test01', 40],
          ['upd_test02', 12.5],
          ['upd_test03', null],
        ],
      );
      // Still append-only once the migration is done.
      await expect(sql`update updates set progress = 1`.execute(db)).rejects.toThrow(
        /ne se modifient/,
      );
    } finally {
      await test.drop();
    }
  });

  it('refuses to change or delete an append-only record', async () => {
    const test = await openTestDatabase(dialect);
    try {
      const { db } = test.database;
      await sql`insert into governances (id, version, data, created_at, updated_at) values ('gov_test01', 1, '{}', 'x', 'x')`.execute(
        db,
      );
      await sql`insert into audit_events (id, governance_id, entity, entity_id, at, data) values ('aud_test01', 'gov_test01', 'x', 'y', 'z', '{}')`.execute(
        db,
      );
      await expect(sql`update audit_events set data = '{"a":1}'`.execute(db)).rejects.toThrow(
        /ne se modifient/,
      );
      await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/ne se modifient/);
    } finally {
      await test.drop();
    }
  });
});

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

function startWorker(
  url: string,
  schema?: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const args = [
    '--import',
    'tsx',
    'test/fixtures/migrate-worker.ts',
    url,
    ...(schema ? [schema] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: PACKAGE });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

describe.each(DIALECTS)('two processes starting together on %s', (dialect) => {
  it('migrate and seed once, without an error in either', async () => {
    const test = await openTestDatabase(dialect, { migrate: false });
    try {
      const [first, second] = await Promise.all([
        startWorker(test.url, test.schema),
        startWorker(test.url, test.schema),
      ]);
      expect([first.code, second.code], first.err + second.err).toEqual([0, 0]);
      const reports = [first, second].map(
        (r) => JSON.parse(r.out.trim()) as { migrated: number; seeded: boolean },
      );
      // Exactly one of them did each job; the other found it done.
      expect(reports.map((r) => r.migrated).sort()).toEqual([0, Object.keys(MIGRATIONS).length]);
      expect(reports.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect((await migrationStatus(test.database)).every((m) => m.executedAt)).toBe(true);
    } finally {
      await test.drop();
    }
  }, 60_000);
});

describe('migrations on postgres, beside other clients', () => {
  it('migrate a schema and read its status while other clients drop theirs (test files ending, tenants removed)', async () => {
    const churn = await openTestDatabase('postgres', { migrate: false });
    let churning = true;
    // Another client creates and drops schemas with tables, without pause, as test files do.
    const otherClient = (async () => {
      for (let round = 0; churning && round < 2000; round += 1) {
        const name = `test_churn${round}_${process.pid}`;
        await sql`create schema ${sql.id(name)}`.execute(churn.database.db);
        await sql`create table ${sql.id(name, 'notes')} (id int)`.execute(churn.database.db);
        await sql`drop schema ${sql.id(name)} cascade`.execute(churn.database.db);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      for (let index = 0; index < 6; index += 1) {
        const test = await openTestDatabase('postgres', { migrate: false });
        try {
          expect((await migrateToLatest(test.database)).error).toBeUndefined();
          // What `maille export` and every command reading the database ask first.
          for (let read = 0; read < 5; read += 1) {
            const status = await migrationStatus(test.database);
            expect(status.filter((m) => !m.executedAt)).toEqual([]);
          }
        } finally {
          await test.drop();
        }
      }
    } finally {
      churning = false;
      await otherClient;
      await churn.drop();
    }
  }, 60_000);
});

/** The migrations from `name` to the latest, the latest first: what undoing back to before `name` undoes. */
async function latestFirstSince(name: string, database: Database): Promise<string[]> {
  const names = (await migrationStatus(database)).map((m) => m.name);
  return names.slice(names.indexOf(name)).reverse();
}
