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
  if (database.dialect === 'postgres') return report(await run(migratorFor(database)));
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    const result = await run(migratorFor(database, connection)).catch((error: unknown) => ({
      error,
    }));
    await sql.raw(result.error ? 'rollback' : 'commit').execute(connection);
    return report(result);
  });
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
  const migrations = await migratorFor(database).getMigrations();
  return migrations.map((m) => ({
    name: m.name,
    ...(m.executedAt ? { executedAt: m.executedAt } : {}),
  }));
}
