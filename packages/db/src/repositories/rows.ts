import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Schema } from '../schema.ts';

/** A kysely handle bound to the current transaction. */
export type Tx = Kysely<Schema>;

/**
 * Reads an entity back from its JSON text through the kernel's schema. Stored data was valid when
 * written; a failure here is a bug or a missing migration, never the client's mistake, so it is
 * not turned into a French validation error.
 *
 * A text the schema already accepted unchanged is only parsed as JSON when read again: the rows
 * every write reads (its governance, its roadmap) would otherwise go through the whole schema at
 * each request, the costliest step of a write.
 */
export function fromData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  if (typeof data !== 'string') return schema.parse(data);
  if (accepted.get(data) === schema) {
    // Read again: last in the map's order, forgotten last.
    accepted.delete(data);
    accepted.set(data, schema);
    return JSON.parse(data);
  }
  const entity = schema.parse(JSON.parse(data));
  if (JSON.stringify(entity) === data) accept(data, schema);
  return entity;
}

/** Texts a schema gave back unchanged, by the schema; bounded by their total length. */
const accepted = new Map<string, z.ZodType>();
const ACCEPTED_MAX_LENGTH = 4 * 1024 * 1024;
let acceptedLength = 0;

function accept(data: string, schema: z.ZodType): void {
  if (data.length > ACCEPTED_MAX_LENGTH / 64) return;
  if (!accepted.has(data)) acceptedLength += data.length;
  accepted.set(data, schema);
  for (const oldest of accepted.keys()) {
    if (acceptedLength <= ACCEPTED_MAX_LENGTH) break;
    accepted.delete(oldest);
    acceptedLength -= oldest.length;
  }
}

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
