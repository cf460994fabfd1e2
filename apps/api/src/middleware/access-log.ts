import { performance } from 'node:perf_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';

/**
 * Writes one JSON line per request once it is answered: its id, method, route pattern, status,
 * duration and the id of its API key. Nothing else: not the raw path nor the query (a path of an
 * unknown route or a query could hold anything), not the `Authorization` header nor any secret,
 * not the client's address (personal data, only useful to the rate limiter, which keeps it in
 * memory for one minute), nothing of the bodies, not the session of a page. A failure of Maille
 * (5xx) is an error line. The API and the web workspace write their requests through it.
 *
 * @example
 * // {"level":30,"time":…,"msg":"requête","requestId":"…","method":"GET",
 * //  "route":"/actions/:actionId","status":200,"durationMs":3.2,"keyId":"aZ3…"}
 */
export function traceRequests(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePattern(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      keyId: c.get('keyId') ?? null,
    };
    if (line.status >= 500) logger.error(line, 'requête');
    else logger.info(line, 'requête');
  };
}

/** The pattern of the route that answered (`/actions/:actionId`), or null for an unknown one. */
function routePattern(c: Context): string | null {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return routes.at(-1)?.path ?? null;
}
