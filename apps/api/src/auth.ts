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
 */
export function authenticate(deps: AppDependencies): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      c.set('actor', { channel: 'api' });
      return next();
    }
    const token = BEARER.exec(header)?.[1];
    if (!token) {
      throw new ApiProblem('non-authentifie', fr.problems.unauthenticated.malformed, CHALLENGE);
    }
    const identity = await verifyApiKey(deps.database, token, deps.clock());
    if (!identity) {
      throw new ApiProblem('non-authentifie', fr.problems.unauthenticated.unknownKey, CHALLENGE);
    }
    c.set('actor', {
      personId: identity.personId,
      instanceAdmin: identity.instanceAdmin,
      channel: 'api',
    });
    return next();
  };
}
