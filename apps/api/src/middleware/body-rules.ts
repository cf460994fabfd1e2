import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ACCEPT_JSON, ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';

/*
 * What a body must be. Its type is checked by each route that takes one (`@hono/zod-openapi`
 * answers 415 to a body that is not JSON, mapped in errors/problems.ts); a route that takes none
 * ignores it, so a DELETE or an action POST sent without a body (curl's default) goes through.
 */

/** Refuses a body over `maxSize` bytes (413), whether announced by Content-Length or streamed. */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiProblem('trop-volumineux', fr.problems.tooLarge.detail(maxSize));
    },
  });
}

/**
 * Whether a route's check of its JSON body failed because no body came at all (no
 * `Content-Type`: the route saw an empty object), for a clear « corps JSON attendu » rather
 * than a list of every missing field.
 */
export function isMissingJsonBody(result: { target: string }, c: Context): boolean {
  return result.target === 'json' && c.req.header('Content-Type') === undefined;
}

/** The 415 of an operation that needs a JSON body and got none. */
export function missingJsonBody(): ApiProblem {
  return new ApiProblem('type-de-contenu', fr.problems.unsupportedMediaType.missing, ACCEPT_JSON);
}
