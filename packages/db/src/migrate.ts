import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Database } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Schema } from './schema.ts';

function migratorFor(database: Database, db: Kysely<Schema> = database.db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
}

/** What happened to each migration, and the error that stopped the run if any. */
export interface MigrationReport {
  applied: {
    name: string;
    direction: 'Up' | 'Down';
    status: 'Success' | 'Error' | 'NotExecuted';
  }[];
  error?: unknown;
}

function report(result: MigrationResultSet): MigrationReport {
  return {
    applied: (result.results ?? []).map((r) => ({
      name: r.migrationName,
      direction: r.direction,
      status: r.status,
    })),
    ...(result.error ? { error: result.error } : {}),
  };
}

/**
 * Runs the migrator so that two processes starting together (the API and the bot) cannot both
 * migrate, and a crash leaves no half-built schema. PostgreSQL: kysely takes a lock and runs each
 * migration in a transaction. SQLite: kysely does neither, so the whole run happens in one
 * `BEGIN IMMEDIATE` transaction — SQLite's DDL is transactional — and the second process waits for
 * the first, then finds nothing to do.
 */
async function migrateExclusively(
  database: Database,
  run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationReport> {
  if (database.dialect === 'postgres') {
    return report(await despiteDroppedSchemas(database, () => run(migratorFor(database))));
  }
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    const result = await run(migratorFor(database, connection)).catch((error: unknown) => ({
      error,
    }));
    await sql.raw(result.error ? 'rollback' : 'commit').execute(connection);
    return report(result);
  });
}

/**
 * Runs `read` again, up to 10 times, while it fails because another schema vanished as kysely read
 * the catalog. To find its bookkeeping tables, kysely's migrator reads the tables of every schema
 * of the server, and a schema another client drops at that moment (a test file ending, a tenant
 * removed) fails that read: the schema (`3F000`), one of its tables (`42P01`) or one of their
 * columns (`42703`) is gone by the time PostgreSQL looks at it. It happens before any migration
 * runs, so reading again is safe. SQLite has one schema: it runs once.
 */
async function despiteDroppedSchemas<T extends { error?: unknown; results?: unknown }>(
  database: Database,
  read: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await read();
    if (attempt >= 10 || !droppedMeanwhile(result, database)) return result;
    // Apart a moment, at random, so as not to meet the same burst of drops again.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 50));
  }
}

/** What PostgreSQL answers when an object of the catalog vanished under a read of it. */
const VANISHED = new Set(['3F000', '42P01', '42703']);

/**
 * Whether `result` failed before any migration ran because another schema's objects vanished
 * meanwhile. Our own schema missing is a real error, not a race: it is reported at once.
 */
function droppedMeanwhile(
  result: { error?: unknown; results?: unknown },
  database: Database,
): boolean {
  const { error } = result;
  if (database.dialect !== 'postgres' || result.results !== undefined) return false;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !VANISHED.has(code) || typeof message !== 'string') return false;
  return database.schema === undefined || !message.includes(`"${database.schema}"`);
}

/** Brings the schema up to date. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  return migrateExclusively(database, (migrator) => migrator.migrateToLatest());
}

/** Undoes the latest migration. */
export async function migrateDown(database: Database): Promise<MigrationReport> {
  return migrateExclusively(database, (migrator) => migrator.migrateDown());
}

/** Every known migration and when it was applied (absent: pending). */
export async function migrationStatus(
  database: Database,
): Promise<{ name: string; executedAt?: Date }[]> {
  const { migrations, error } = await despiteDroppedSchemas(database, () =>
    migratorFor(database)
      .getMigrations()
      .then(
        (migrations) => ({ migrations, error: undefined }),
        (error: unknown) => ({ migrations: [], error }),
      ),
  );
  if (error) throw error;
  return migrations.map((m) => ({
    name: m.name,
    ...(m.executedAt ? { executedAt: m.executedAt } : {}),
  }));
}
