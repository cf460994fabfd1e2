import { type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';

function migratorFor(database: Database): Migrator {
  return new Migrator({
    db: database.db,
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

/** Brings the schema up to date. Each migration runs in its own transaction. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  return report(await migratorFor(database).migrateToLatest());
}

/** Undoes the latest migration. */
export async function migrateDown(database: Database): Promise<MigrationReport> {
  return report(await migratorFor(database).migrateDown());
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
