import { z } from '@hono/zod-openapi';
import { ValidationError } from '@maille/domain';
import { MAX_PAGE_SIZE, type Page } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import { fr } from '../messages/fr.ts';

/**
 * Keyset pagination: a list answers one page in a stable order, and a `Link: rel="next"` header
 * to the following one. The cursor is opaque to clients — base64url of the last item's sort key
 * (its id, since the kernel orders lists by id) — so the order can change without breaking them.
 */

export const DEFAULT_PAGE_SIZE = 50;

/** The query of every list: `limit` (1 to 100, 50 by default) and `cursor`. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: fr.openapi.limit }),
  cursor: z.string().max(200).optional().openapi({ description: fr.openapi.cursor }),
});

const CursorBody = z.object({ id: z.string() });

/**
 * A cursor pointing after `id`.
 *
 * @example
 * encodeCursor('act_a1b2c3'); // 'eyJpZCI6ImFjdF9hMWIyYzMifQ'
 */
export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

/**
 * The id a cursor points after, checked against the list's own id schema so that a cursor of
 * another list, or a tampered one, is a 400 on `/cursor` rather than a surprise further in.
 */
export function decodeCursor(cursor: string | undefined, idSchema: z.ZodType): string | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = CursorBody.safeParse(decoded);
  if (!parsed.success || !idSchema.safeParse(parsed.data.id).success) {
    throw new ValidationError([{ path: ['cursor'], message: fr.problems.badCursor }]);
  }
  return parsed.data.id;
}

/** Answers a page: its items as `{ items }`, and a `Link` to the next page when there is one. */
export function pageResponse<T>(c: Context, page: Page<T>, limit: number) {
  if (page.next !== undefined) {
    const query = new URLSearchParams({ cursor: encodeCursor(page.next), limit: String(limit) });
    c.header('Link', `<${c.req.path}?${query}>; rel="next"`);
  }
  return { items: page.items };
}
