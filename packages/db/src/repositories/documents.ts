import { ConflictError, StaleVersionError } from '@maille/domain';
import type { z } from 'zod';
import { uniquely } from '../errors.ts';
import type { Schema } from '../schema.ts';
import { chunks, fromData, inSavepoint, type Tx } from './rows.ts';

type VersionedTableName = {
  [K in keyof Schema]: Schema[K] extends { version: number; data: string; updated_at: string }
    ? K
    : never;
}[keyof Schema];

type AppendOnlyTableName = 'roadmap_versions' | 'updates' | 'measurements' | 'audit_events';

interface Entity {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Equality filters on query columns (`{ roadmap_id: 'rdm_…' }`) and the columns to sort by. */
type Filters = Record<string, string>;

/**
 * The entities of `table` whose columns equal `filters`, sorted by `order` (the id last, so ties
 * come out the same way on both dialects).
 */
function lister<T>(db: Tx, table: keyof Schema, parse: (row: { data: unknown }) => T) {
  return async (filters: Filters, order: readonly string[] = []): Promise<T[]> => {
    let query = db.selectFrom(table as 'persons').select('data');
    for (const [column, value] of Object.entries(filters))
      query = query.where(column as 'id', '=', value);
    for (const column of [...order, 'id']) query = query.orderBy(column as 'id');
    return (await query.execute()).map(parse);
  };
}

/** How an entity maps to its table: its schema, and the query columns derived from it. */
export interface VersionedSpec<S extends z.ZodType<Entity>> {
  table: VersionedTableName;
  schema: S;
  /** « L’action », for the messages of conflicts. */
  label: string;
  columns?: (entity: z.output<S>) => Record<string, string | number | null>;
  /** The table has a uniqueness rule besides the id (a territory's code, an indicator's). */
  unique?: boolean;
}

/**
 * get / getMany / insert / update for an entity stored as JSON with a version. `update` writes only
 * if the stored version is the one before: the optimistic concurrency of the whole kernel.
 */
export function versionedRepository<S extends z.ZodType<Entity>>(db: Tx, spec: VersionedSpec<S>) {
  type T = z.output<S>;
  const table = spec.table;
  const columns = spec.columns ?? (() => ({}));
  const parse = (row: { data: unknown }): T => fromData(spec.schema, row.data);
  return {
    async get(id: string): Promise<T | undefined> {
      const row = await db.selectFrom(table).select('data').where('id', '=', id).executeTakeFirst();
      return row ? parse(row) : undefined;
    },
    async getMany(ids: readonly string[]): Promise<T[]> {
      const found: T[] = [];
      for (const part of chunks([...new Set(ids)], 500)) {
        if (part.length === 0) continue;
        const rows = await db.selectFrom(table).select('data').where('id', 'in', part).execute();
        for (const row of rows) found.push(parse(row));
      }
      return found;
    },
    async insert(entity: T): Promise<void> {
      await insertOnce(
        db,
        table,
        {
          id: entity.id,
          version: entity.version,
          data: JSON.stringify(entity),
          created_at: entity.createdAt,
          updated_at: entity.updatedAt,
          ...columns(entity),
        },
        `${spec.label} ${entity.id} existe déjà.`,
      );
    },
    async update(entity: T): Promise<void> {
      const write = () =>
        db
          .updateTable(table)
          .set({
            version: entity.version,
            data: JSON.stringify(entity),
            updated_at: entity.updatedAt,
            ...columns(entity),
          } as never)
          .where('id', '=', entity.id)
          .where('version', '=', entity.version - 1)
          .executeTakeFirst();
      const result = await uniquely(
        // Only a table with a uniqueness rule besides the id can fail here; the savepoint keeps
        // the transaction usable after that failure on PostgreSQL as on SQLite.
        () => (spec.unique ? inSavepoint(db, write) : write()),
        `${spec.label} ${entity.id} entre en conflit avec une autre donnée.`,
      );
      if (Number(result.numUpdatedRows) !== 1) throw new StaleVersionError();
    },
    parse,
    listWhere: lister(db, table, parse),
  };
}

/** get / insert for records written once; the database refuses any later change (triggers). */
export function appendOnlyRepository<S extends z.ZodType<{ id: string }>>(
  db: Tx,
  spec: {
    table: AppendOnlyTableName;
    schema: S;
    label: string;
    columns: (entity: z.output<S>) => Record<string, string | number | null>;
  },
) {
  type T = z.output<S>;
  const parse = (row: { data: unknown }): T => fromData(spec.schema, row.data);
  return {
    async get(id: string): Promise<T | undefined> {
      const row = await db
        .selectFrom(spec.table)
        .select('data')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? parse(row) : undefined;
    },
    async insert(entity: T): Promise<void> {
      await insertOnce(
        db,
        spec.table,
        { id: entity.id, data: JSON.stringify(entity), ...spec.columns(entity) },
        `${spec.label} ${entity.id} existe déjà.`,
      );
    },
    parse,
    listWhere: lister(db, spec.table, parse),
  };
}

/**
 * Inserts a row unless it would break a uniqueness rule, then answers `ConflictError`: « … existe
 * déjà » when the id is taken, the kernel's « modifiée entre-temps » otherwise (two writers chose
 * the same revision or number). `on conflict do nothing` rather than a caught error: on PostgreSQL
 * a failed statement would spoil the rest of the transaction, not on SQLite.
 */
async function insertOnce(
  db: Tx,
  table: VersionedTableName | AppendOnlyTableName,
  values: Record<string, string | number | null>,
  taken: string,
): Promise<void> {
  const result = await db
    .insertInto(table)
    .values(values as never)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return;
  const existing = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', values.id as string)
    .executeTakeFirst();
  throw existing ? new ConflictError(taken) : new ConflictError();
}
