import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  createSchemaIfMissing,
  type Database,
  type DialectName,
  migrateToLatest,
  openDatabase,
} from '../src/index.ts';

/** The dialects every storage test runs on. PostgreSQL is this machine's server; never skipped. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

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
