import { deepFreeze } from '@maille/domain';
import { type Kysely, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Schema } from '../schema.ts';

/** A kysely handle bound to the current transaction. */
export type Tx = Kysely<Schema>;

/**
 * Reads an entity back from its JSON text through the kernel's schema. Stored data was valid when
 * written; a failure here is a bug or a missing migration, never the client's mistake, so it is
 * not turned into a French validation error.
 *
 * Entities read are frozen, deeply: the kernel never changes one in place (it makes a new version),
 * and a text read again gives the entity already read, neither parsed nor validated a second time.
 * The rows every write reads (its governance, its roadmap) and every read model lists (actions,
 * milestones) would otherwise go through `JSON.parse` and the whole schema at each request, the
 * costliest steps of both. Only a text the schema gives back unchanged is kept: an older shape is
 * upgraded by the schema at every read until it is written again.
 */
export function fromData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  if (typeof data !== 'string') return deepFreeze(schema.parse(data));
  const known = read.get(data);
  if (known?.schema === schema) return known.entity as z.output<S>;
  const entity = deepFreeze(schema.parse(JSON.parse(data)));
  if (JSON.stringify(entity) === data) read.set(data, { schema, entity });
  return entity;
}

/** Entities read, by their text; bounded by the texts' total length (about 4 MiB). */
const read = new LRUCache<string, { schema: z.ZodType; entity: unknown }>({
  maxSize: 4 * 1024 * 1024,
  maxEntrySize: 64 * 1024,
  sizeCalculation: (_entity, text) => text.length,
});

/** Escapes `%`, `_` and `\` for a LIKE pattern (used with `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Splits a list for statements with many parameters (SQLite allows 32 766 per statement). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Runs several statements as one: if one fails, those before it are undone too, and the
 * transaction stays usable. PostgreSQL would otherwise refuse every later statement of a
 * transaction in which one failed, where SQLite goes on: the caller of a port that answered
 * `ConflictError` may go on alike on both.
 */
export async function inSavepoint<T>(db: Tx, work: () => Promise<T>): Promise<T> {
  await sql`savepoint maille_write`.execute(db);
  try {
    const result = await work();
    await sql`release savepoint maille_write`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint maille_write`.execute(db);
    await sql`release savepoint maille_write`.execute(db);
    throw error;
  }
}
