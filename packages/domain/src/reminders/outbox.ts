import { ConflictError } from '../shared/errors.ts';
import type { Delivery, DeliveryEvent, DeliveryOutcome } from './delivery.ts';

/**
 * The rules of the delivery outbox, shared by every storage: which deliveries may be claimed, and
 * what a claim or an outcome changes. Storage decides *which* rows (atomically); these rules say
 * *how* each row changes, so SQLite, PostgreSQL and memory behave alike.
 */

/**
 * Whether a delivery may be claimed at `now`: due, and either pending (past any retry time) or
 * claimed under a lease that has run out (its holder crashed or hangs).
 *
 * @example
 * isClaimable({ status: 'pending', dueAt: '2024-05-14T07:00:00.000Z' }, '2024-05-14T07:00:01.000Z'); // true
 */
export function isClaimable(
  delivery: Pick<Delivery, 'status' | 'dueAt' | 'leaseUntil'>,
  now: string,
): boolean {
  if (delivery.dueAt > now) return false;
  if (delivery.status === 'pending') return !delivery.leaseUntil || delivery.leaseUntil <= now;
  // A claim always carries its lease end (the `Delivery` schema insists): past it, the holder is
  // presumed gone.
  return (
    delivery.status === 'claimed' && delivery.leaseUntil !== undefined && delivery.leaseUntil <= now
  );
}

/** A delivery once claimed by `claimant` until `leaseUntil`, and the event that records it. */
export function claimDelivery(
  delivery: Delivery,
  claim: { now: string; leaseUntil: string; claimant: string },
): { delivery: Delivery; event: DeliveryEvent } {
  const claimed: Delivery = {
    ...delivery,
    status: 'claimed',
    claimedBy: claim.claimant,
    leaseUntil: claim.leaseUntil,
    attempts: delivery.attempts + 1,
    updatedAt: claim.now,
    version: delivery.version + 1,
  };
  const event: DeliveryEvent = {
    deliveryId: delivery.id,
    at: claim.now,
    from: delivery.status,
    to: 'claimed',
    by: claim.claimant,
    ...(delivery.status === 'claimed'
      ? { detail: `Bail expiré de ${delivery.claimedBy ?? 'inconnu'} repris.` }
      : {}),
  };
  return { delivery: claimed, event };
}

/**
 * A claimed delivery once its holder reports the outcome, and the event that records it. Refused
 * with a `ConflictError` when `claimant` no longer holds a live lease: another dispatcher may have
 * taken the delivery over, and its word wins.
 *
 * @example
 * settleDelivery(claimed, 'bot-1', { status: 'sent', sentMessageId: '1234' }, now);
 */
export function settleDelivery(
  delivery: Delivery,
  claimant: string,
  outcome: DeliveryOutcome,
  at: string,
): { delivery: Delivery; event: DeliveryEvent } {
  if (
    delivery.status !== 'claimed' ||
    delivery.claimedBy !== claimant ||
    (delivery.leaseUntil ?? '') < at
  ) {
    throw new ConflictError(
      'Cet envoi n’est plus réservé par ce répartiteur : son issue est ignorée.',
    );
  }
  const { claimedBy: _claimedBy, leaseUntil: _leaseUntil, ...rest } = delivery;
  const base = { ...rest, updatedAt: at, version: delivery.version + 1 };
  const next: Delivery =
    outcome.status === 'sent'
      ? {
          ...base,
          status: 'sent',
          sentAt: at,
          sentMessageId: outcome.sentMessageId,
          ...(outcome.error === undefined ? {} : { lastError: outcome.error }),
        }
      : outcome.status === 'pending'
        ? { ...base, status: 'pending', leaseUntil: outcome.retryAt, lastError: outcome.error }
        : { ...base, status: outcome.status, lastError: outcome.error };
  const event: DeliveryEvent = {
    deliveryId: delivery.id,
    at,
    from: 'claimed',
    to: next.status,
    by: claimant,
    ...(outcome.error === undefined ? {} : { detail: outcome.error }),
  };
  return { delivery: next, event };
}
