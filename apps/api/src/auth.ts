import { hash } from 'node:crypto';
import {
  type Actor,
  type ApiKeyIdentity,
  type UseCaseContext,
  verifyApiKey,
} from '@maille/domain/use-cases';
import { setBounded } from './bounded-map.ts';
import type { AppDependencies } from './context.ts';
import { fr } from './messages/fr.ts';
import { ApiProblem } from './problems.ts';

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
export async function authenticate(
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
  readonly #entries = new Map<string, { identity: ApiKeyIdentity; expiresAt: number }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 10_000,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** The identity of `token` if it was verified less than `ttlMs` ago. */
  recall(token: string): ApiKeyIdentity | undefined {
    if (this.ttlMs <= 0) return undefined;
    const digest = hash('sha256', token, 'base64');
    const cached = this.#entries.get(digest);
    if (cached === undefined) return undefined;
    if (cached.expiresAt > this.now()) return cached.identity;
    this.#entries.delete(digest);
    return undefined;
  }

  /** Keeps what the database said of `token` — a valid key only — and returns it. */
  remember(token: string, identity: ApiKeyIdentity | undefined): ApiKeyIdentity | undefined {
    if (this.ttlMs <= 0 || identity === undefined) return identity;
    setBounded(
      this.#entries,
      hash('sha256', token, 'base64'),
      { identity, expiresAt: this.now() + this.ttlMs },
      this.maxEntries,
    );
    return identity;
  }
}
