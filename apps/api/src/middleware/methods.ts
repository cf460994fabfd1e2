import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { matchedRoutes } from 'hono/route';
import { methodNotAllowedResponse } from '../errors/problems.ts';

/** Methods that read: they carry no body and change nothing. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the request may change something: a method other than GET, HEAD or OPTIONS, on an
 * operation the app has. A request to no operation goes on to its 404 or 405 untouched.
 */
export function isWriteOperation(c: Context): boolean {
  return (
    !READ_METHODS.has(c.req.method) && matchedRoutes(c).some((route) => route.method !== 'ALL')
  );
}

/**
 * A path known under other methods answers 405, with `Allow` listing them (from the routes the
 * app registered, `HEAD` wherever `GET` is) and a French problem, rather than 404.
 *
 * @example
 * app.use(answerWrongMethods(app)); // DELETE /governances/gov_x → 405, Allow: GET, HEAD, PATCH
 */
export function answerWrongMethods<E extends Env>(app: Hono<E>): MiddlewareHandler<E> {
  return methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) => methodNotAllowedResponse(c, [...methods].sort()),
  });
}
