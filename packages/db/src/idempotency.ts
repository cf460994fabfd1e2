import { randomBytes } from 'node:crypto';
import { ConflictError } from '@maille/domain';
import type { Store } from '@maille/domain/use-cases';
import type { Database } from './connection.ts';
import { createStore } from './store.ts';

/**
 * The records behind the API's `Idempotency-Key` header (IETF draft "The Idempotency-Key HTTP
 * Header Field"): a retried POST has one effect and gets the first answer again.
 *
 * A record is claimed before the request runs (insert-if-absent on the primary key, so two API
 * instances sharing a PostgreSQL cannot both win), marked in the very transaction of the
 * request's effect (`idempotentStore`), then completed with the response — or released when the
 * request had no effect. The mark is what makes "one effect" hold across a crash:
 *
 * - crash before the effect committed: the claim has no mark; once its lease is over, a retry
 *   takes it over and runs (the first attempt, if somehow still alive, can no longer commit: its
 *   mark checks the claim token inside its transaction);
 * - crash after the effect committed but before the response was stored: the claim has a mark;
 *   a retry is refused (409) rather than run a second time — the effect stands, its response is
 *   lost.
 *
 * Only effects written through the kernel's store (`idempotentStore`) are marked. A route that
 * writes another way is protected while it runs and once it answered, but not across a crash in
 * between: its retry after the lease would run again.
 */

/** How long a record is kept: the draft's usual 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** How long a claim holds without an answer before a retry may take it over. */
export const IDEMPOTENCY_LEASE_MS = 60 * 1000;

/** What a record is scoped by: who asks, how, where, and with which key. */
export interface IdempotencyScope {
  /** The caller: the API key's id. */
  owner: string;
  method: string;
  path: string;
  key: string;
}

/** A response as stored and replayed. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A claim won: the request may run, under this token. */
export interface IdempotencyClaim {
  scope: IdempotencyScope;
  token: string;
  /** When it was claimed: the instant its effect is marked with. */
  at: string;
}

/** What claiming a key answered. */
export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  /** The same request already answered: send this again. */
  | { kind: 'replay'; response: StoredResponse }
  /** The key was used with another request body. */
  | { kind: 'mismatch' }
  /** Another attempt holds the key and may still be running. */
  | { kind: 'in-progress' }
  /** An earlier attempt made its effect but never stored its response (it was interrupted). */
  | { kind: 'interrupted' };

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/** The primary key of a record, as columns to match. */
function keyOf(scope: IdempotencyScope) {
  return {
    owner: scope.owner,
    method: scope.method,
    path: scope.path,
    idempotency_key: scope.key,
  };
}

/**
 * Claims `scope` for a request whose body hashes to `fingerprint`, or says why not. An expired
 * record counts as absent (it is replaced).
 *
 * @example
 * const outcome = await claimIdempotencyKey(database, scope, sha256(body), clock());
 * if (outcome.kind === 'replay') return replay(outcome.response);
 */
export async function claimIdempotencyKey(
  database: Database,
  scope: IdempotencyScope,
  fingerprint: string,
  now: string,
): Promise<ClaimOutcome> {
  const { db } = database;
  const token = randomBytes(16).toString('base64url');
  const claimed = { kind: 'claimed', claim: { scope, token, at: now } } as const;
  await db
    .deleteFrom('idempotency_keys')
    .where((eb) => eb.and(keyOf(scope)))
    .where('expires_at', '<=', now)
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      owner: scope.owner,
      method: scope.method,
      path: scope.path,
      idempotency_key: scope.key,
      fingerprint,
      state: 'running',
      claim_token: token,
      locked_until: later(now, IDEMPOTENCY_LEASE_MS),
      effect_at: null,
      response_status: null,
      response_headers: null,
      response_body: null,
      created_at: now,
      expires_at: later(now, IDEMPOTENCY_TTL_MS),
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return claimed;

  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where((eb) => eb.and(keyOf(scope)))
    .executeTakeFirst();
  // Gone between the insert and the read (released by its holder): the client may retry.
  if (!row) return { kind: 'in-progress' };
  if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (row.state === 'done') {
    return {
      kind: 'replay',
      response: {
        status: row.response_status ?? 200,
        headers: JSON.parse(row.response_headers ?? '{}') as Record<string, string>,
        body: row.response_body ?? '',
      },
    };
  }
  if (row.effect_at !== null) return { kind: 'interrupted' };
  if ((row.locked_until ?? '') > now) return { kind: 'in-progress' };
  // An abandoned claim with no effect: take it over, unless another retry just did.
  const taken = await db
    .updateTable('idempotency_keys')
    .set({ claim_token: token, locked_until: later(now, IDEMPOTENCY_LEASE_MS) })
    .where((eb) => eb.and(keyOf(scope)))
    .where('state', '=', 'running')
    .where('effect_at', 'is', null)
    .where('claim_token', '=', row.claim_token ?? '')
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? claimed : { kind: 'in-progress' };
}

/**
 * The kernel's store for the request holding `claim`: each of its transactions also marks the
 * claim as having made its effect, so the mark and the effect commit together. A transaction
 * whose claim was taken over meanwhile fails (409) and writes nothing.
 */
export function idempotentStore(database: Database, claim: IdempotencyClaim): Store {
  return createStore(database, {
    beforeCommit: async (db) => {
      const marked = await db
        .updateTable('idempotency_keys')
        .set((eb) => ({ effect_at: eb.fn.coalesce('effect_at', eb.val(claim.at)) }))
        .where((eb) => eb.and(keyOf(claim.scope)))
        .where('claim_token', '=', claim.token)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) throw new ConflictError();
    },
  });
}

/**
 * Ends a claim once its request answered. The response is kept (and replayed from now on) when it
 * succeeded or when the request made its effect anyway; otherwise the claim is released and the
 * same key may be tried again, since nothing happened.
 */
export async function settleIdempotencyClaim(
  database: Database,
  claim: IdempotencyClaim,
  response: StoredResponse,
): Promise<void> {
  const { db } = database;
  const { scope, token } = claim;
  if (response.status < 200 || response.status >= 300) {
    const released = await db
      .deleteFrom('idempotency_keys')
      .where((eb) => eb.and(keyOf(scope)))
      .where('claim_token', '=', token)
      .where('effect_at', 'is', null)
      .executeTakeFirst();
    if (Number(released.numDeletedRows) === 1) return;
  }
  await db
    .updateTable('idempotency_keys')
    .set({
      state: 'done',
      claim_token: null,
      locked_until: null,
      response_status: response.status,
      response_headers: JSON.stringify(response.headers),
      response_body: response.body,
    })
    .where((eb) => eb.and(keyOf(scope)))
    .where('claim_token', '=', token)
    .execute();
}

/**
 * Deletes the records past their expiry; returns how many. The API server calls it now and then;
 * an expired record is also replaced whenever its key is claimed again.
 */
export async function purgeExpiredIdempotencyKeys(
  database: Database,
  now: string,
): Promise<number> {
  const result = await database.db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
