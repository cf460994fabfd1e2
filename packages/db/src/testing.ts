import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficialDirectory } from '@maille/domain';
import type { Actor, UseCaseContext } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import {
  createSchemaIfMissing,
  createStore,
  type Database,
  type DialectName,
  migrateToLatest,
  openDatabase,
  timeOrderedIds,
} from './index.ts';

/**
 * `@maille/db/testing`: fresh databases for test suites, on either dialect. Used by this package's
 * storage tests and by the apps' suites (which must not reach into another package's test folder).
 */

/** The dialects every storage test runs on. PostgreSQL is this machine's server; never skipped. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * The dialect an app's test suite runs on: `MAILLE_TEST_DIALECT=postgres`, SQLite otherwise. An
 * unknown value fails loudly rather than silently testing SQLite twice.
 */
export function testDialect(value = process.env.MAILLE_TEST_DIALECT): DialectName {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`MAILLE_TEST_DIALECT : « sqlite » ou « postgres » attendu, pas « ${value} ».`);
}

/** The PostgreSQL of this machine kind (trust auth, database `test`), unless told otherwise. */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  /** What another process needs to open the same database. */
  url: string;
  schema?: string;
  /** Closes the database and deletes what the test created. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database of the given dialect, migrated unless `migrate: false`: a SQLite file in
 * its own temporary folder, or a PostgreSQL schema of its own, so test files run in parallel.
 */
export async function openTestDatabase(
  dialect: DialectName,
  { migrate = true } = {},
): Promise<TestDatabase> {
  const test = dialect === 'sqlite' ? openSqliteTest() : await openPostgresTest();
  if (migrate) {
    // A failed migration must not leave a schema or pools behind, nor hide its own error.
    const { error } = await migrateToLatest(test.database);
    if (error) {
      await test.drop();
      throw error;
    }
  }
  return test;
}

function openSqliteTest(): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'maille-test-'));
  const url = join(folder, 'maille.db');
  const database = openDatabase({ url });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function openPostgresTest(): Promise<TestDatabase> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ url: POSTGRES_URL, poolSize: 1 });
  await createSchemaIfMissing(admin, schema);
  const database = openDatabase({ url: POSTGRES_URL, schema, poolSize: 4 });
  return {
    database,
    url: POSTGRES_URL,
    schema,
    drop: async () => {
      await database.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}

/**
 * Every row of every table of the database but the migrations' bookkeeping and those `except`
 * names, as one comparable text: a test takes it before and after a request to prove the request
 * wrote nothing. Rows are sorted, since their order is the dialect's business.
 *
 * @example
 * const before = await tableContents(database, ['api_keys']);
 */
export async function tableContents(
  database: Database,
  except: readonly string[] = [],
): Promise<string> {
  const { db } = database;
  const tables = (await tableNames(database))
    .filter((name) => !name.startsWith('kysely_') && !except.includes(name))
    .sort();
  const contents = [];
  for (const name of tables) {
    const { rows } = await sql`select * from ${sql.table(name)}`.execute(db);
    contents.push([name, rows.map((row) => JSON.stringify(row)).sort()]);
  }
  return JSON.stringify(contents);
}

/**
 * The tables of the database's own schema. Not kysely's introspection: on PostgreSQL it reads
 * every schema of the server, and other test files create and drop theirs meanwhile.
 */
export async function tableNames(database: Database): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
    `.execute(database.db);
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = ${database.schema ?? 'public'} and table_type = 'BASE TABLE'
  `.execute(database.db);
  return rows.map((row) => row.name);
}

/** Every column of the database's own tables, with its declared type (same reason as `tableNames`). */
export async function tableColumns(
  database: Database,
): Promise<{ table: string; column: string; dataType: string }[]> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ table: string; column: string; dataType: string }>`
      select t.name as "table", c.name as "column", c.type as "dataType"
      from sqlite_master t join pragma_table_info(t.name) c
      where t.type = 'table' and t.name not like 'sqlite_%'
    `.execute(database.db);
    return rows;
  }
  const { rows } = await sql<{ table: string; column: string; dataType: string }>`
    select c.table_name as "table", c.column_name as "column", c.data_type as "dataType"
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = ${database.schema ?? 'public'} and t.table_type = 'BASE TABLE'
  `.execute(database.db);
  return rows;
}

/**
 * The kernel's context over `database` at `now`, acting as `actor` (the instance's administration
 * unless told): what a test or a bench sets up (keys, link codes, feeds) goes through the use
 * cases, as the apps do.
 *
 * @example
 * const { token } = await createApiKey(kernelAt(database, NOW), { personId, label, instanceAdmin: false });
 */
export function kernelAt(
  database: Database,
  now: string,
  actor: Actor = { instanceAdmin: true, channel: 'cli' },
): UseCaseContext {
  return { store: createStore(database), clock: () => now, ids: timeOrderedIds(), actor };
}

const official = createRequire(import.meta.url);
const officialFile = (file: string) =>
  official(`@etalab/decoupage-administratif/data/${file}.json`);

/**
 * The official directory of Charente (16) only, with every département and région: what the
 * places tests need to place the Charente file's communes, quickly on PostgreSQL too.
 */
export function charenteDirectory(): OfficialDirectory {
  const communes = (officialFile('communes') as OfficialDirectory['communes']).filter(
    (c) => c.departement === '16',
  );
  const codes = new Set(communes.map((c) => c.code));
  return {
    communes,
    epci: (officialFile('epci') as OfficialDirectory['epci']).filter((e) =>
      e.membres.some((m) => codes.has(m.code)),
    ),
    departements: officialFile('departements'),
    regions: officialFile('regions'),
  };
}

/** The Charente file of the national map, as published in July 2023 (188 records). */
export const CHARENTE_FILE = new URL(
  '../../domain/test-fixtures/lieux-mediation-numerique/charente-2023-07-11.json',
  import.meta.url,
);

/** The Charente file's bytes. */
export function charenteFile(): Uint8Array {
  return new Uint8Array(readFileSync(CHARENTE_FILE));
}

/** The CA du Grand Cognac, whose communes hold a good share of the Charente file's places. */
export const GRAND_COGNAC = '200070514';
