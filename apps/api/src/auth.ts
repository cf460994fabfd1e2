import { verifyApiKey } from '@maille/db';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv, AppDependencies } from './context.ts';
import { fr } from './messages/fr.ts';
import { ApiProblem } from './problems.ts';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="maille"' };

/**
 * Who is asking. No `Authorization` header: the public, which reads published roadmaps only. A
 * header that is there must hold a valid key: a wrong key is refused (401) rather than silently
 * treated as the public, so a revoked dashboard notices.
 *
 * The refusal is only noted here and raised by `refuseInvalidKey`, placed after the rate limiter:
 * a client trying keys is counted against its address like the public.
 */
export function authenticate(deps: AppDependencies): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('actor', { channel: 'api' });
    const header = c.req.header('Authorization');
    if (header === undefined) return next();
    const token = BEARER.exec(header)?.[1];
    if (!token) {
      c.set(
        'refusedKey',
        new ApiProblem('non-authentifie', fr.problems.unauthenticated.malformed, CHALLENGE),
      );
      return next();
    }
    const identity = await verifyApiKey(deps.database, token, deps.clock());
    if (!identity) {
      c.set(
        'refusedKey',
        new ApiProblem('non-authentifie', fr.problems.unauthenticated.unknownKey, CHALLENGE),
      );
      return next();
    }
    c.set('keyId', identity.keyId);
    c.set('actor', {
      personId: identity.personId,
      instanceAdmin: identity.instanceAdmin,
      channel: 'api',
    });
    return next();
  };
}

/** Raises the 401 `authenticate` noted for a malformed, unknown or revoked key. */
export function refuseInvalidKey(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const refused = c.get('refusedKey');
    if (refused) throw refused;
    return next();
  };
}
