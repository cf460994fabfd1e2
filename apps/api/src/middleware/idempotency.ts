import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  idempotentStore,
  type StoredResponse,
  settleIdempotencyClaim,
} from '@maille/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { ApiProblem, PROBLEM_KINDS, type ProblemKind } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import { anonymousWrite } from './auth.ts';

/** The header a replayed answer carries, so a client can tell it from a first one. */
export const REPLAYED_HEADER = 'Idempotency-Replayed';

/** The response headers kept with a record and sent again on a replay. */
const KEPT_HEADERS = ['Content-Type', 'Location', 'ETag'] as const;

const NO_BODY = new Set([204, 205, 304]);
const MAX_KEY_LENGTH = 255;
// The draft makes the value a structured-field string ("…"); a bare token is accepted too, as
// most clients send one. Either way: printable ASCII only.
const QUOTED = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;
const BARE = /^[\x21\x23-\x2b\x2d-\x7e]+$/;

/**
 * The key of an `Idempotency-Key` header value, or `undefined` when malformed.
 *
 * @example
 * idempotencyKeyOf('"8e03978e-40d5"'); // '8e03978e-40d5'
 * idempotencyKeyOf('a b'); // undefined
 */
export function idempotencyKeyOf(header: string): string | undefined {
  const value = header.trim();
  const quoted = QUOTED.exec(value);
  const key = quoted ? (quoted[1] as string).replace(/\\(["\\])/g, '$1') : value;
  if (!quoted && !BARE.test(value)) return undefined;
  return key.length >= 1 && key.length <= MAX_KEY_LENGTH ? key : undefined;
}

/**
 * `Idempotency-Key` on POST (IETF draft "The Idempotency-Key HTTP Header Field"): the same key
 * with the same body has one effect and gets the first answer again, with
 * `Idempotency-Replayed: true`, for 24 hours. Placed after authentication and the rate limiter:
 * a record belongs to the API key that made it, and a replay counts as a request.
 *
 * - Only successes are kept, and answers of requests that made their effect anyway. A refusal
 *   (4xx) or a failure (5xx) changed nothing: the key is released, and the client may correct the
 *   request and send it again under the same key.
 * - The same key with another body: 422. While the first request runs: 409.
 * - A record belongs to an API key: `admitCaller` has refused a write without one already.
 *
 * See `@maille/db`'s idempotency.ts for what survives a crash.
 */
export function honourIdempotencyKey(deps: AppDependencies): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Idempotency-Key');
    if (c.req.method !== 'POST' || header === undefined) return next();
    const key = idempotencyKeyOf(header);
    if (key === undefined) {
      throw new ApiProblem('cle-idempotence-invalide', fr.problems.idempotencyKey.malformed);
    }
    const owner = c.get('keyId');
    // `admitCaller` has refused anonymous writes already; this keeps the record's owner typed.
    if (owner === undefined) throw anonymousWrite();
    // The body is read once here; Hono keeps it for the route's own validation.
    const body = new Uint8Array(await c.req.arrayBuffer());
    const fingerprint = createHash('sha256').update(body).digest('hex');
    const scope = { owner, method: 'POST', path: c.req.path, key };
    const outcome = await claimIdempotencyKey(deps.database, scope, fingerprint, deps.clock());
    switch (outcome.kind) {
      case 'replay':
        return replay(c, outcome.response);
      case 'mismatch':
        throw new ApiProblem('cle-idempotence-reutilisee', fr.problems.idempotencyKeyReused.detail);
      case 'in-progress':
        throw new ApiProblem('requete-en-cours', fr.problems.requestInProgress.detail, {
          'Retry-After': '1',
        });
      case 'interrupted':
        throw new ApiProblem('conflit', fr.problems.idempotencyInterrupted);
    }
    c.set('store', idempotentStore(deps.database, outcome.claim));
    // A handler's error reaches here already answered by `app.onError`: `c.res` is the problem.
    await next();
    await settleIdempotencyClaim(deps.database, outcome.claim, await stored(c.res));
  };
}

/** A stored answer, sent again: same status, same kept headers, same body. */
function replay(c: Context, { status, headers, body }: StoredResponse): Response {
  // 204 and the like may carry no body, not even an empty one.
  return c.newResponse(NO_BODY.has(status) ? null : body, status as ContentfulStatusCode, {
    ...headers,
    [REPLAYED_HEADER]: 'true',
  });
}

async function stored(response: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.clone().text() };
}

/** The `Idempotency-Key` request header, as the OpenAPI document describes it. */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: fr.openapi.idempotencyKey,
  schema: { type: 'string', minLength: 1, maxLength: MAX_KEY_LENGTH + 2 },
  example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
} as const;

/** The answers the header adds to every POST. */
const IDEMPOTENCY_PROBLEMS: readonly ProblemKind[] = [
  'cle-idempotence-invalide',
  'requete-en-cours',
  'cle-idempotence-reutilisee',
];

interface DocumentedOperation {
  parameters?: unknown[];
  responses?: Record<string, { description: string; content?: unknown }>;
}

/**
 * Adds the `Idempotency-Key` header, and the problems it may bring, to every POST operation of an
 * OpenAPI document: the middleware honours it on every POST, so every POST documents it, whoever
 * wrote the route.
 */
export function documentIdempotencyKey<
  D extends { paths?: Record<string, { post?: DocumentedOperation } | undefined> },
>(document: D): D {
  for (const item of Object.values(document.paths ?? {})) {
    const post = item?.post;
    if (!post) continue;
    post.parameters = [...(post.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
    const responses = { ...post.responses };
    for (const kind of IDEMPOTENCY_PROBLEMS) {
      const { status, title } = PROBLEM_KINDS[kind];
      const previous = responses[status];
      responses[status] = previous
        ? { ...previous, description: `${previous.description} ; ${title}` }
        : {
            description: title,
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          };
    }
    post.responses = responses;
  }
  return document;
}
