import { ConflictError } from '@maille/domain';
import type { z } from 'zod';
import { uniquely } from '../errors.ts';
import type { Schema } from '../schema.ts';
import { chunks, fromData, type Tx } from './rows.ts';

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

/** How an entity maps to its table: its schema, and the query columns derived from it. */
export interface VersionedSpec<S extends z.ZodType<Entity>> {
  table: VersionedTableName;
  schema: S;
  /** « L’action », for the messages of conflicts. */
  label: string;
  columns?: (entity: z.output<S>) => Record<string, string | number | null>;
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
      await uniquely(
        () =>
          db
            .insertInto(table)
            .values({
              id: entity.id,
              version: entity.version,
              data: JSON.stringify(entity),
              created_at: entity.createdAt,
              updated_at: entity.updatedAt,
              ...columns(entity),
            } as never)
            .execute(),
        `${spec.label} ${entity.id} existe déjà.`,
      );
    },
    async update(entity: T): Promise<void> {
      const result = await uniquely(
        () =>
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
            .executeTakeFirst(),
        `${spec.label} ${entity.id} entre en conflit avec une autre donnée.`,
      );
      if (Number(result.numUpdatedRows) !== 1) throw new ConflictError();
    },
    /** Entities matching a condition on the query columns, in the order asked. */
    parse,
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
      await uniquely(
        () =>
          db
            .insertInto(spec.table)
            .values({
              id: entity.id,
              data: JSON.stringify(entity),
              ...spec.columns(entity),
            } as never)
            .execute(),
        `${spec.label} ${entity.id} existe déjà.`,
      );
    },
    parse,
  };
}
