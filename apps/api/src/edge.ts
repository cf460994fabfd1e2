import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { logRequest } from './access-log.ts';
import { addressFrom } from './client-address.ts';
import type { RateLimiter } from './rate-limit.ts';
import { type ReadModelCache, representation, requestSignature } from './read-cache.ts';
import { PROTECTIONS, requestIdFrom } from './response-headers.ts';

/** What the edge shares with the app it stands in front of. */
export interface EdgeParts {
  readModels: ReadModelCache;
  limiter: RateLimiter;
  logger: Logger;
  /** How many reverse proxies are trusted to set `X-Forwarded-For` (as the app's `trustProxy`). */
  trustProxy: number;
}

/**
 * The server's edge, in front of the app: a GET that repeats, byte for byte (URL and
 * `Authorization`), a read the app answered from its cache of read models is answered again from
 * that cache, without going through Hono. Everything else goes to the app.
 *
 * Why: a dashboard or a public page polled by many is the API's hottest path, and Hono's chain
 * (routing, validation, web Request and Response objects) cost more than twice the answer itself.
 * A replay does what the app would do, with the app's own parts: the same rate limiter counts it,
 * the same headers protect it, the same representation (304, Brotli or gzip) and the same log line. It lives
 * no longer than the cached answer (`READ_MODEL_CACHE_MS`), and any change through the app ends it.
 * A request over its limit, or with an `Origin` (CORS), always goes to the app.
 *
 * @example
 * const server = createServer(replayReads(parts, getRequestListener(app.fetch)));
 */
export function replayReads(parts: EdgeParts, app: RequestListener): RequestListener {
  return (request, response) => {
    if (!replay(parts, request, response)) return app(request, response);
  };
}

/** Answers `request` from a replay if it may be; says whether it did. */
function replay(parts: EdgeParts, request: IncomingMessage, response: ServerResponse): boolean {
  const { headers } = request;
  if (request.method !== 'GET' || request.url === undefined || headers.origin !== undefined) {
    return false;
  }
  const replay = parts.readModels.replayOf(requestSignature(request.url, headers.authorization));
  if (replay === undefined) return false;
  const started = performance.now();
  const decision = parts.limiter.count(replay.keyId, () =>
    addressFrom(request.socket.remoteAddress, joined(headers['x-forwarded-for']), parts.trustProxy),
  );
  // Over the limit: the app answers the 429 problem (and counts this request once more).
  if (!decision.allowed) return false;
  const requestId = requestIdFrom(joined(headers['x-request-id']));
  const answer = representation(
    replay.answer,
    headers['if-none-match'],
    headers['accept-encoding'],
  );
  response.writeHead(answer.status, {
    'X-Request-Id': requestId,
    ...PROTECTIONS,
    ...decision.headers,
    ...answer.headers,
    ...(answer.body === null ? {} : { 'Content-Length': String(answer.body.byteLength) }),
  });
  response.end(answer.body ?? undefined);
  logRequest(parts.logger, {
    requestId,
    method: 'GET',
    route: replay.route,
    status: answer.status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    keyId: replay.keyId ?? null,
  });
  return true;
}

/** A header Node may give as a list (one it does not know): its values as one line. */
function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
