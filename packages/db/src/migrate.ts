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
    for (let attempt = 1; ; attempt += 1) {
      const result = await run(migratorFor(database));
      if (attempt < 10 && droppedMeanwhile(result.error, database.schema)) {
        // Apart a moment, at random, so as not to meet the same burst of drops again.
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 50));
        continue;
      }
      return report(result);
    }
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
 * Whether a PostgreSQL run failed because another schema vanished while kysely read the catalog:
 * to find its bookkeeping tables it reads the tables of every schema of the server, and a schema
 * another client drops at that moment (a test file ending, a tenant removed) fails that read with
 * `3F000`. It happens before any migration runs, so running again is safe.
 */
function droppedMeanwhile(error: unknown, ours: string | undefined): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== '3F000' || typeof message !== 'string') return false;
  return ours === undefined || !message.includes(`"${ours}"`);
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
