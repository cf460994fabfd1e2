import type { Repositories, Store } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import type { Database } from './connection.ts';
import { repositoriesOver } from './repositories/index.ts';

/**
 * The kernel's `Store` over a database: each use case runs in one transaction, so its writes and
 * its audit event commit together or not at all.
 *
 * On SQLite the transaction starts with `BEGIN IMMEDIATE`: it takes the write lock at once, so two
 * processes never both read and then fail to upgrade to writing (the lock wait is bounded by the
 * busy timeout). On PostgreSQL, a plain transaction; concurrent writers are told apart by versions
 * and, for the outbox, by row locks.
 */
export function createStore(database: Database): Store {
  return {
    transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
      if (database.dialect === 'postgres') {
        return database.db.transaction().execute((trx) => work(repositoriesOver(trx, 'postgres')));
      }
      return database.db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(repositoriesOver(connection, 'sqlite'));
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection);
          throw error;
        }
      });
    },
  };
}
