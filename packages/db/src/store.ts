import { ConflictError } from '@maille/domain';
import type { Repositories, Store } from '@maille/domain/use-cases';
import { type Kysely, type KyselyPlugin, sql } from 'kysely';
import type { Database } from './connection.ts';
import { repositoriesOver } from './repositories/index.ts';
import type { Schema } from './schema.ts';

type Work<T> = (repos: Repositories) => Promise<T>;

export interface StoreOptions {
  /**
   * Runs at the end of every transaction, inside it, once the use case's work succeeded: what it
   * writes commits with the work or not at all (the API's idempotency records mark an effect so).
   */
  beforeCommit?: ((db: Kysely<Schema>) => Promise<void>) | undefined;
}

/**
 * The kernel's `Store` over a database: each use case runs in one transaction, so its writes and
 * its audit event commit together or not at all.
 *
 * On SQLite the transaction starts with `BEGIN IMMEDIATE`: it takes the write lock at once, so two
 * processes never both read and then fail to upgrade to writing (the lock wait is bounded by the
 * busy timeout). On PostgreSQL, a plain transaction; concurrent writers are told apart by versions
 * and, for the outbox, by row locks.
 */
export function createStore(database: Database, options: StoreOptions = {}): Store {
  const { beforeCommit } = options;
  const guarded = <T>(db: Kysely<Schema>, dialect: 'sqlite' | 'postgres', work: Work<T>) =>
    runGuarded(db, async (inside) => {
      const result = await work(repositoriesOver(inside, dialect));
      if (beforeCommit) await beforeCommit(inside);
      return result;
    });
  return {
    async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      if (database.dialect === 'postgres') {
        try {
          return await database.db.transaction().execute((trx) => guarded(trx, 'postgres', work));
        } catch (error) {
          throw asConflict(error);
        }
      }
      return database.db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await guarded(connection, 'sqlite', work);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          // SQLite may already have rolled back on its own (a full disk, an I/O error): the
          // original error is the one worth reporting, not "no transaction is active".
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      });
    },
  };
}

/**
 * Runs `work` over a handle that refuses every query once `work` has settled. A query started
 * late (a forgotten promise, a `Promise.all` that went on after a failure) would otherwise run
 * after the commit or the rollback: on SQLite's single connection, outside any transaction, and
 * be kept although the use case failed.
 */
async function runGuarded<T>(
  db: Kysely<Schema>,
  work: (db: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  let open = true;
  const guard: KyselyPlugin = {
    transformQuery(args) {
      if (!open) {
        throw new Error(
          'Transaction terminée : cette requête arrive trop tard et n’est pas faite.',
        );
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  try {
    return await work(db.withPlugin(guard));
  } finally {
    open = false;
  }
}

// PostgreSQL gives up one of two transactions that wait on each other's rows (deadlock), or that
// cannot be serialised; it has been rolled back whole, so for the caller it is a conflict:
// reload and try again.
const CONFLICT_CODES = new Set(['40P01', '40001']);

function asConflict(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONFLICT_CODES.has(code) ? new ConflictError() : error;
}
