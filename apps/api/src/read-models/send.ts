import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { ReadModelAnswer } from './cache.ts';

/** Below this size compressing costs more than it saves: the `compress` middleware's own bar. */
const GZIP_FROM_BYTES = 1024;

/**
 * Answers a read model with its JSON and its `ETag`, gzipped from the answer's kept gzip form to a
 * client that accepts it. The app's middleware does the rest, as for any answer: `304 Not
 * Modified` to a client that holds this content (`If-None-Match`), `Vary`, and the compression of
 * the plain JSON for a client that accepts only another encoding.
 *
 * @example
 * return sendReadModel(c, await deps.readModels.answer(readerKey(actor), key, compute));
 */
export function sendReadModel(c: Context, answer: ReadModelAnswer): Response {
  const headers = { 'Content-Type': 'application/json', ETag: answer.etag };
  const gzip =
    answer.body.length >= GZIP_FROM_BYTES &&
    accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip';
  if (!gzip) return c.body(answer.body, 200, headers);
  return c.body(answer.gzipped, 200, {
    ...headers,
    'Content-Encoding': 'gzip',
    Vary: 'Accept-Encoding',
  });
}
