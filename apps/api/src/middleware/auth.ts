import { hash } from 'node:crypto';
import {
  type Actor,
  type ApiKeyIdentity,
  type UseCaseContext,
  verifyApiKey,
} from '@maille/domain/use-cases';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import { isWriteOperation } from './methods.ts';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="maille"' };

/** Who is asking, as `authenticate` finds out. */
export interface Caller {
  actor: Actor;
  /** The id of the valid API key of the request (never its secret), for limits and logs. */
  keyId?: string;
  /** Why the key is refused (malformed, unknown, revoked): raised once the request is counted. */
  refusal?: ApiProblem;
}

const PUBLIC: Caller = { actor: { channel: 'api' } };

/**
 * Who is asking, from the `Authorization` header. No header: the public, which reads published
 * roadmaps only. A header that is there must hold a valid key: a wrong key is refused (401)
 * rather than silently treated as the public, so a revoked dashboard notices.
 */
async function authenticate(
  authorization: string | undefined,
  deps: AppDependencies,
  verifiedKeys: VerifiedKeys,
): Promise<Caller> {
  if (authorization === undefined) return PUBLIC;
  const token = BEARER.exec(authorization)?.[1];
  if (!token) return { ...PUBLIC, refusal: refusal(fr.problems.unauthenticated.malformed) };
  const identity =
    verifiedKeys.recall(token) ??
    verifiedKeys.remember(token, await verifyApiKey(publicContext(deps), { token }));
  if (!identity) return { ...PUBLIC, refusal: refusal(fr.problems.unauthenticated.unknownKey) };
  return {
    actor: { personId: identity.personId, instanceAdmin: identity.instanceAdmin, channel: 'api' },
    keyId: identity.keyId,
  };
}

/** The kernel's context before anyone is known: the token is the credential. */
function publicContext({ store, clock, ids }: AppDependencies): UseCaseContext {
  return { store, clock, ids, actor: PUBLIC.actor };
}

function refusal(detail: string): ApiProblem {
  return new ApiProblem('non-authentifie', detail, CHALLENGE);
}

/**
 * The keys this process verified lately, by a digest of their token (never the token itself), so
 * that a dashboard polling every second costs one database read per key and `ttlMs`, not one per
 * request. A refusal is never kept: a key created a moment ago works at once. A key revoked (or
 * whose person is erased) by the `maille` command shows as refused after `ttlMs` at most; 0 checks
 * the database at every request.
 */
export class VerifiedKeys {
  readonly #entries: LRUCache<string, ApiKeyIdentity> | undefined;

  constructor(ttlMs: number, maxEntries = 10_000, now: () => number = () => performance.now()) {
    if (ttlMs > 0) {
      this.#entries = new LRUCache({
        max: maxEntries,
        ttl: ttlMs,
        ttlResolution: 0,
        perf: { now },
      });
    }
  }

  /** The identity of `token` if it was verified less than `ttlMs` ago. */
  recall(token: string): ApiKeyIdentity | undefined {
    return this.#entries?.get(hash('sha256', token, 'base64'));
  }

  /** Keeps what the database said of `token` — a valid key only — and returns it. */
  remember(token: string, identity: ApiKeyIdentity | undefined): ApiKeyIdentity | undefined {
    if (identity !== undefined) this.#entries?.set(hash('sha256', token, 'base64'), identity);
    return identity;
  }
}

/**
 * Finds out who is asking (see `authenticate`) and says it to the steps after: `actor`, and
 * `keyId` for a valid key. A refused key is only noted (`keyRefusal`): the rate limiter counts the
 * request first, so that a client trying keys is limited like the public.
 */
export function identifyCaller(
  deps: AppDependencies,
  verifiedKeys: VerifiedKeys,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const caller = await authenticate(c.req.header('Authorization'), deps, verifiedKeys);
    c.set('actor', caller.actor);
    if (caller.keyId !== undefined) c.set('keyId', caller.keyId);
    if (caller.refusal) c.set('keyRefusal', caller.refusal);
    return next();
  };
}

/**
 * Answers 401 to a refused key, and to a write without a key, before anything reads its body: the
 * public reads published roadmaps and writes nothing. A request to no operation (an unknown path,
 * a method the path does not have) goes on to its 404 or 405.
 */
export function admitCaller(): MiddlewareHandler<ApiEnv> {
  return (c, next) => {
    const refusal = c.get('keyRefusal');
    if (refusal) throw refusal;
    if (c.get('keyId') === undefined && isWriteOperation(c)) throw anonymousWrite();
    return next();
  };
}

/** The 401 of a write sent without a key. */
export function anonymousWrite(): ApiProblem {
  return refusal(fr.problems.unauthenticated.writeNeedsKey);
}
