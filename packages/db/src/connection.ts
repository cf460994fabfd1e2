import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '@maille/domain';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the kysely handle, which dialect it speaks, and how to close it. */
export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** The SQLite file, for backups; absent on PostgreSQL. */
  file?: string;
  /** SQLite: the better-sqlite3 connection under kysely, for its online backup. */
  sqlite?: SqliteDatabase.Database;
  /** PostgreSQL: the schema worked in, when not the default one. */
  schema?: string;
  close(): Promise<void>;
}

/**
 * Where the embedded database lives when nothing else is said: `data/maille.db` at the root of the
 * repository (found from this file's place), so the CLI, the API and the bot open the same file
 * whatever folder they are started from.
 */
export const DEFAULT_SQLITE_FILE = fileURLToPath(
  new URL('../../../data/maille.db', import.meta.url),
);

/** Whether a database URL names PostgreSQL (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export interface OpenOptions {
  /**
   * `postgres://…` (or `postgresql://…`) for PostgreSQL; a file path or `file:…` for SQLite;
   * absent: `DEFAULT_SQLITE_FILE`.
   */
  url?: string | undefined;
  /**
   * SQLite only: create the file (and its folder) when missing — the default. `false` for
   * commands that only read or change an existing database: a mistyped path then fails instead
   * of leaving an empty database behind.
   */
  create?: boolean | undefined;
  /** PostgreSQL only: the schema to work in (tests give each file its own). */
  schema?: string | undefined;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number | undefined;
  /** SQLite only: how long a write waits for another connection's lock (default 10 s). */
  busyTimeoutMs?: number | undefined;
}

/**
 * Opens the database named by `url`. SQLite connections get WAL journaling, a busy timeout, foreign
 * keys and `synchronous=NORMAL`: several processes (the API, the bot, the dispatcher) can then
 * share one file safely.
 *
 * @example
 * const database = openDatabase({ url: process.env.DATABASE_URL });
 */
export function openDatabase(options: OpenOptions = {}): Database {
  const url = options.url ?? DEFAULT_SQLITE_FILE;
  if (isPostgresUrl(url)) return openPostgres(url, options);
  return openSqlite(url.replace(/^file:/, ''), options.busyTimeoutMs, options.create ?? true);
}

function openSqlite(path: string, busyTimeoutMs: number | undefined, create: boolean): Database {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') {
    if (!create && !existsSync(file)) throw new NotFoundError('Base de données', file);
    mkdirSync(dirname(file), { recursive: true });
  }
  const connection = new SqliteDatabase(file);
  try {
    applyPragmas(connection, busyTimeoutMs);
  } catch (error) {
    // Not a database (or locked beyond the timeout): release the file before reporting.
    connection.close();
    throw error;
  }
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  return {
    db,
    dialect: 'sqlite',
    file,
    sqlite: connection,
    close: async () => {
      await db.destroy();
      // Kysely closes the connection only if it ran a query; a backup alone does not.
      if (connection.open) connection.close();
    },
  };
}

/** The settings every SQLite connection of Maille runs with. */
export function applyPragmas(connection: SqliteDatabase.Database, busyTimeoutMs = 10_000): void {
  // The timeout first: switching to WAL may itself wait for another connection.
  connection.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
}

function openPostgres(url: string, options: OpenOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${checkedSchemaName(options.schema)}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ...(options.schema ? { schema: options.schema } : {}),
    close: () => db.destroy(),
  };
}

/** Creates a PostgreSQL schema if needed (tests and multi-tenant setups work in their own). */
export async function createSchemaIfMissing(database: Database, schema: string): Promise<void> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(database.db);
}

// The schema name goes into a connection option, not a query: only plain names are accepted.
function checkedSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Nom de schéma invalide : ${name}`);
  return name;
}

/** How many prepared statements a SQLite connection keeps (queries differ by their IN lists). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as kysely sees it, with its prepared statements kept by SQL text. Kysely
 * prepares every query anew, and preparing costs more than running most of Maille's queries (a
 * tenth of the API's time under load); better-sqlite3 statements may be run again and again,
 * and SQLite re-prepares one by itself if the schema changed under it.
 */
function withStatementCache(connection: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      const cached = statements.get(sql);
      // A statement still iterating (a streamed query) cannot run a second time meanwhile.
      if (cached && !cached.busy) {
        // Maps keep insertion order: moving it last makes the first key the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      if (!cached) {
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
