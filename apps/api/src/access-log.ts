import { performance } from 'node:perf_hooks';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { ApiEnv } from './context.ts';
import { identifyRequest } from './response-headers.ts';

/**
 * Gives each request its id (see `identifyRequest`), and writes one JSON line per request once it
 * is answered: its id, method, route pattern, status, duration and the id of its API key. Nothing
 * else: not the raw path nor the query (a path of an unknown route or a query could hold
 * anything), not the `Authorization` header nor any secret, not the client's address (personal
 * data, only useful to the rate limiter, which keeps it in memory for one minute), nothing of the
 * bodies.
 *
 * @example
 * // {"level":30,"time":…,"msg":"requête","requestId":"…","method":"GET",
 * //  "route":"/actions/:actionId","status":200,"durationMs":3.2,"keyId":"aZ3…"}
 */
export function traceRequests(logger: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = performance.now();
    identifyRequest(c);
    await next();
    logRequest(logger, {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePattern(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      keyId: c.get('keyId') ?? null,
    });
  };
}

/** The one line a request leaves in the log, from the app or from the server's edge. */
export interface RequestLine {
  requestId: string;
  method: string;
  route: string | null;
  status: number;
  durationMs: number;
  keyId: string | null;
}

/** Writes `line`: an error level for a failure of Maille (5xx), information otherwise. */
export function logRequest(logger: Logger, line: RequestLine): void {
  if (line.status >= 500) logger.error(line, 'requête');
  else logger.info(line, 'requête');
}

/** The pattern of the route that answered (`/actions/:actionId`), or null for an unknown one. */
export function routePattern(c: Parameters<MiddlewareHandler<ApiEnv>>[0]): string | null {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return routes.at(-1)?.path ?? null;
}
