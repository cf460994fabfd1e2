import type { Readable, Writable } from 'node:stream';
import {
  createStore,
  type Database,
  isPostgresUrl,
  migrationStatus,
  openDatabase,
  timeOrderedIds,
} from '@maille/db';
import type { UseCaseContext } from '@maille/domain/use-cases';
import type { Env } from './env.ts';
import { NotMigratedError } from './errors.ts';

import { fr } from './messages/fr.ts';
import { databaseUrl } from './paths.ts';
import type { Progress } from './progress.ts';

/** What a command receives: its settings, where to write, the clock and a progress display. */
export interface Cli {
  env: Env;
  /** A line of the command's result, on stdout. */
  print(line: string): void;
  /** A line for the person at the terminal (warnings, errors), on stderr. */
  printError(line: string): void;
  /** The current instant, UTC ISO. */
  now(): string;
  /** A progress display on stderr for long work. */
  progress(label: string): Progress;
  /** Resolves with the signal's name when the person asks a long-running command to stop. */
  untilStopped(): Promise<string>;
  /** Where the console chat of `maille start` reads what the person types (the terminal). */
  chatInput: Readable;
  /** Where it writes (the terminal). */
  chatOutput: Writable;
}

/** Where the command's database is: its file, or its server's address without the password. */
export function databaseLocation(env: Env): string {
  const url = databaseUrl(env);
  if (!isPostgresUrl(url)) return url;
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
}

/** The command's database as a person reads it: where, and which kind. */
export function describeDatabase(env: Env): string {
  return isPostgres(env)
    ? fr.database.postgres(databaseLocation(env), env.DATABASE_SCHEMA)
    : fr.database.sqlite(databaseLocation(env));
}

/** Whether the command's database is PostgreSQL. */
export function isPostgres(env: Env): boolean {
  return isPostgresUrl(databaseUrl(env));
}

/**
 * Opens the command's database, runs `work`, and closes it whatever happens. A SQLite file that
 * does not exist is refused (`NotFoundError`, exit code 4) unless `create` — only `maille start`
 * and `maille migrate up` create one: a mistyped `DATABASE_URL` must not leave an empty database
 * behind. With `migrated`, a database whose schema is not up to date, or was prepared by another
 * version of Maille, is refused with a French hint rather than failing on a missing table.
 */
export async function withDatabase<T>(
  cli: Cli,
  { migrated, create = false }: { migrated: boolean; create?: boolean },
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = openDatabase({
    url: databaseUrl(cli.env),
    create,
    schema: cli.env.DATABASE_SCHEMA,
    busyTimeoutMs: cli.env.DATABASE_BUSY_TIMEOUT_MS,
    poolSize: 2,
  });
  try {
    if (migrated) await assertMigrated(cli, database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function assertMigrated(cli: Cli, database: Database): Promise<void> {
  const status = await migrationStatus(database);
  await assertKnownMigrations(cli, database, status);
  const pending = status.filter((m) => !m.executedAt).length;
  if (pending === 0) return;
  const where = databaseLocation(cli.env);
  throw new NotMigratedError(
    pending === status.length ? fr.database.empty(where) : fr.database.behind(where, pending),
  );
}

/**
 * Refuses a database where migrations this version of Maille does not know were applied: made
 * by a later version (or an earlier one whose migrations were renamed). Its schema is not the one
 * this version reads and writes.
 */
export async function assertKnownMigrations(
  cli: Cli,
  database: Database,
  status?: { name: string; executedAt?: Date }[],
): Promise<void> {
  const known = status ?? (await migrationStatus(database));
  const unknown = (await appliedMigrations(database, known)).filter(
    (name) => !known.some((m) => m.name === name),
  );
  if (unknown.length > 0) {
    throw new NotMigratedError(fr.database.otherVersion(databaseLocation(cli.env), unknown));
  }
}

/** The names in kysely's bookkeeping table, known to this version or not. */
async function appliedMigrations(
  database: Database,
  status: { executedAt?: Date }[],
): Promise<string[]> {
  const db = database.db.withTables<{ kysely_migration: { name: string } }>();
  const table = database.schema
    ? db.withSchema(database.schema).selectFrom('kysely_migration')
    : db.selectFrom('kysely_migration');
  try {
    return (await table.select('name').execute()).map((row) => row.name);
  } catch (error) {
    // No bookkeeping table yet (a new database): nothing applied. Once a migration is known to
    // be applied the table exists, and a failure is a real one.
    if (status.some((m) => m.executedAt)) throw error;
    return [];
  }
}

/**
 * The kernel's context for the command: it acts as the instance's administrator, through the
 * `cli` channel. None of its use cases needs a person; those that sign a change with one (status
 * changes, updates) are not offered by the command.
 */
export function kernelContext(cli: Cli, database: Database): UseCaseContext {
  return {
    store: createStore(database),
    clock: cli.now,
    ids: timeOrderedIds(),
    actor: { instanceAdmin: true, channel: 'cli' },
  };
}
