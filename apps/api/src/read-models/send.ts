import type { Actor } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import type { ReadModelAnswer } from './cache.ts';

/**
 * Answers a read model with its JSON and its `ETag`. The app's middleware does the rest, as for
 * any answer: `304 Not Modified` to a client that holds this content (`If-None-Match`), gzip to
 * one that accepts it.
 *
 * @example
 * return sendReadModel(c, await deps.readModels.answer(key, compute));
 */
export function sendReadModel(c: Context, answer: ReadModelAnswer): Response {
  return c.body(answer.json, 200, { 'Content-Type': 'application/json', ETag: answer.etag });
}

/**
 * The part of a cache key that says who reads: what one may see another may not.
 *
 * @example
 * readerKey({ channel: 'api' }); // 'public'
 */
export function readerKey(actor: Actor): string {
  if (actor.instanceAdmin) return `admin:${actor.personId ?? ''}`;
  return actor.personId ? `person:${actor.personId}` : 'public';
}
