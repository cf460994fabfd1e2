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
 * On SQLite, the use cases of one process take turns in one queue per database (see
 * `SqliteWrites`), so they never wait on each other through SQLite's lock; a transaction starts
 * with `BEGIN IMMEDIATE`, which takes the lock at once, so that two processes never both read and
 * then fail to upgrade to writing (another process's lock is waited for up to the busy timeout).
 * On PostgreSQL, a plain transaction; concurrent writers are told apart by versions and, for the
 * outbox, by row locks.
 */
export function createStore(database: Database, options: StoreOptions = {}): Store {
  const { beforeCommit } = options;
  const unitOf =
    <T>(dialect: 'sqlite' | 'postgres', work: Work<T>) =>
    (db: Kysely<Schema>) =>
      runGuarded(db, async (inside) => {
        const result = await work(repositoriesOver(inside, dialect));
        if (beforeCommit) await beforeCommit(inside);
        return result;
      });
  return {
    async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      if (database.dialect === 'postgres') {
        try {
          return await database.db.transaction().execute(unitOf('postgres', work));
        } catch (error) {
          throw asConflict(error);
        }
      }
      return sqliteWrites(database).run(unitOf('sqlite', work));
    },
  };
}

/** A use case's work over the transaction's handle. */
type Unit<T> = (db: Kysely<Schema>) => Promise<T>;

interface Queued {
  unit: Unit<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** At most this many use cases commit together: the lock is not held long from other processes. */
const MOST_TOGETHER = 64;

/**
 * The use cases of one process writing one SQLite database, one after the other in the order they
 * came. Those that reach the queue in the same turn of the event loop (the requests that arrived
 * together) or while a transaction runs commit together, each in its own savepoint: a use case
 * that fails is undone alone, and the others' writes cost one commit between them rather than one
 * each (a commit writes every page it touched to the WAL, the costliest step of a write). A use
 * case is answered once its writes are committed.
 */
class SqliteWrites {
  readonly #queue: Queued[] = [];
  #draining = false;

  constructor(readonly database: Database) {}

  run<T>(unit: Unit<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      if (this.#draining) return;
      this.#draining = true;
      // Once the requests that arrived with this one have reached the queue too.
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0)
        await this.#commitTogether(this.#queue.splice(0, MOST_TOGETHER));
    } finally {
      this.#draining = false;
    }
  }

  async #commitTogether(batch: Queued[]): Promise<void> {
    const done: { queued: Queued; result: unknown }[] = [];
    let ran = 0;
    try {
      await this.database.db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          for (const queued of batch) {
            ran += 1;
            await sql`savepoint maille_use_case`.execute(connection);
            try {
              const result = await queued.unit(connection);
              await sql`release maille_use_case`.execute(connection);
              done.push({ queued, result });
            } catch (error) {
              // SQLite rolls the whole transaction back by itself on some failures (a full disk,
              // an I/O error): then the others' writes are gone too.
              if (!this.database.sqlite?.inTransaction) throw error;
              await sql`rollback to maille_use_case`.execute(connection);
              await sql`release maille_use_case`.execute(connection);
              queued.reject(error);
            }
          }
          await sql`commit`.execute(connection);
        } catch (error) {
          // The original error is the one worth reporting, not "no transaction is active".
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      // Nothing of this transaction is kept. Those that ran are told why (a second answer to one
      // already refused is ignored); those that had not run yet wait for the next transaction,
      // unless this one could not even begin.
      const told = ran === 0 ? batch : batch.slice(0, ran);
      for (const queued of told) queued.reject(error);
      this.#queue.unshift(...batch.slice(told.length));
      return;
    }
    for (const { queued, result } of done) queued.resolve(result);
  }
}

const writesByDatabase = new WeakMap<Database, SqliteWrites>();

/** The one queue of a database's writers in this process. */
function sqliteWrites(database: Database): SqliteWrites {
  let writes = writesByDatabase.get(database);
  if (!writes) {
    writes = new SqliteWrites(database);
    writesByDatabase.set(database, writes);
  }
  return writes;
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
