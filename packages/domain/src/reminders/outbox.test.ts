import { describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/errors.ts';
import type { Delivery } from './delivery.ts';
import { claimDelivery, isClaimable, settleDelivery } from './outbox.ts';

// ---- builders ---------------------------------------------------------------------------------

const DUE = '2024-05-14T07:00:00.000Z';
const T0 = '2024-05-14T07:05:00.000Z';
const LEASE = '2024-05-14T07:06:00.000Z';
/** One minute after the lease has run out. */
const AFTER_LEASE = '2024-05-14T07:07:00.000Z';

/** A pending reminder of a milestone, due at `DUE`. */
function delivery(changes: Partial<Delivery> = {}): Delivery {
  return {
    id: 'dlv_000001',
    dedupeKey: 'milestone:mil_000001:J-3:per_000001',
    governanceId: 'gov_000001',
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: 'per_000001' },
    subject: { type: 'milestone', id: 'mil_000001' },
    dueAt: DUE,
    expiresAt: '2024-05-17T07:00:00.000Z',
    status: 'pending',
    attempts: 0,
    createdAt: '2024-05-13T08:00:00.000Z',
    updatedAt: '2024-05-13T08:00:00.000Z',
    version: 1,
    ...changes,
  };
}

/** The same delivery once `bot-1` has claimed it at `T0` until `LEASE`. */
function claimedBy(claimant = 'bot-1', changes: Partial<Delivery> = {}): Delivery {
  return claimDelivery(delivery(changes), { now: T0, leaseUntil: LEASE, claimant }).delivery;
}

// ---- isClaimable ------------------------------------------------------------------------------

describe('which deliveries a dispatcher may claim', () => {
  it('takes a pending delivery once it is due, not before', () => {
    expect(isClaimable(delivery(), '2024-05-14T06:59:59.999Z')).toBe(false);
    expect(isClaimable(delivery(), DUE)).toBe(true);
    expect(isClaimable(delivery(), T0)).toBe(true);
  });

  it('waits for the retry time of a delivery that failed for a while', () => {
    const retrying = delivery({ leaseUntil: LEASE, attempts: 1 });
    expect(isClaimable(retrying, T0)).toBe(false);
    expect(isClaimable(retrying, LEASE)).toBe(true);
  });

  it('leaves a claimed delivery to its holder while the lease runs, and takes it back after', () => {
    const claimed = claimedBy();
    expect(isClaimable(claimed, T0)).toBe(false);
    expect(isClaimable(claimed, '2024-05-14T07:05:59.999Z')).toBe(false);
    expect(isClaimable(claimed, AFTER_LEASE)).toBe(true);
  });

  it('never takes a delivery that has ended', () => {
    for (const status of ['sent', 'skipped', 'expired', 'failed', 'undeliverable'] as const) {
      expect(isClaimable(delivery({ status }), AFTER_LEASE)).toBe(false);
    }
  });
});

// ---- claimDelivery ----------------------------------------------------------------------------

describe('claiming a delivery', () => {
  it('gives it to the claimant until the end of the lease, counting an attempt', () => {
    const original = delivery();
    const { delivery: claimed, event } = claimDelivery(original, {
      now: T0,
      leaseUntil: LEASE,
      claimant: 'bot-1',
    });
    expect(claimed).toMatchObject({
      status: 'claimed',
      claimedBy: 'bot-1',
      leaseUntil: LEASE,
      attempts: 1,
      updatedAt: T0,
      version: 2,
    });
    expect(event).toEqual({
      deliveryId: original.id,
      at: T0,
      from: 'pending',
      to: 'claimed',
      by: 'bot-1',
    });
    // The stored row is replaced, never changed in place: the caller's copy stays as it was.
    expect(original).toMatchObject({ status: 'pending', attempts: 0, version: 1 });
  });

  it('records whose expired lease was taken over', () => {
    const abandoned = claimedBy('bot-1');
    const { delivery: taken, event } = claimDelivery(abandoned, {
      now: AFTER_LEASE,
      leaseUntil: '2024-05-14T07:08:00.000Z',
      claimant: 'bot-2',
    });
    expect(taken).toMatchObject({ claimedBy: 'bot-2', attempts: 2, version: 3 });
    expect(event).toMatchObject({
      from: 'claimed',
      to: 'claimed',
      by: 'bot-2',
      detail: 'Bail expiré de bot-1 repris.',
    });
  });
});

// ---- settleDelivery ---------------------------------------------------------------------------

describe('settling a claimed delivery', () => {
  const at = '2024-05-14T07:05:30.000Z';

  it('marks it sent with the message id, and releases the lease', () => {
    const { delivery: sent, event } = settleDelivery(
      claimedBy(),
      'bot-1',
      { status: 'sent', sentMessageId: '123456789012345678' },
      at,
    );
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: at,
      sentMessageId: '123456789012345678',
      attempts: 1,
      version: 3,
      updatedAt: at,
    });
    expect(sent).not.toHaveProperty('claimedBy');
    expect(sent).not.toHaveProperty('leaseUntil');
    expect(event).toEqual({
      deliveryId: 'dlv_000001',
      at,
      from: 'claimed',
      to: 'sent',
      by: 'bot-1',
    });
  });

  it('keeps the failure a sent delivery worked around, in its last error and its event', () => {
    const error = 'Messages privés refusés : rappel posté dans le salon de la communauté.';
    const { delivery: sent, event } = settleDelivery(
      claimedBy(),
      'bot-1',
      { status: 'sent', sentMessageId: '123456789012345678', error },
      at,
    );
    expect(sent).toMatchObject({ status: 'sent', lastError: error });
    expect(event).toMatchObject({ to: 'sent', detail: error });
  });

  it('puts a temporary failure back in the queue, not before the retry time', () => {
    const retryAt = '2024-05-14T07:20:00.000Z';
    const { delivery: back, event } = settleDelivery(
      claimedBy(),
      'bot-1',
      { status: 'pending', retryAt, error: 'Discord ne répond pas.' },
      at,
    );
    expect(back).toMatchObject({
      status: 'pending',
      leaseUntil: retryAt,
      lastError: 'Discord ne répond pas.',
    });
    expect(back).not.toHaveProperty('claimedBy');
    expect(event).toMatchObject({ to: 'pending', detail: 'Discord ne répond pas.' });
    expect(isClaimable(back, at)).toBe(false);
    expect(isClaimable(back, retryAt)).toBe(true);
  });

  it('ends a delivery that cannot be made, with the reason', () => {
    const { delivery: failed, event } = settleDelivery(
      claimedBy(),
      'bot-1',
      { status: 'undeliverable', error: 'Messages privés fermés.' },
      at,
    );
    expect(failed).toMatchObject({ status: 'undeliverable', lastError: 'Messages privés fermés.' });
    expect(event).toMatchObject({ from: 'claimed', to: 'undeliverable' });
    expect(isClaimable(failed, AFTER_LEASE)).toBe(false);
  });

  it('refuses the word of a dispatcher that does not hold the delivery', () => {
    const sent = { status: 'sent', sentMessageId: '123456789012345678' } as const;
    expect(() => settleDelivery(claimedBy('bot-1'), 'bot-2', sent, at)).toThrow(ConflictError);
    expect(() => settleDelivery(delivery(), 'bot-1', sent, at)).toThrow(ConflictError);
    const done = settleDelivery(claimedBy('bot-1'), 'bot-1', sent, at).delivery;
    expect(() => settleDelivery(done, 'bot-1', sent, at)).toThrow(/plus réservé/);
  });

  it('refuses a holder whose lease has run out, then a stale holder after a takeover', () => {
    const sent = { status: 'sent', sentMessageId: '123456789012345678' } as const;
    const abandoned = claimedBy('bot-1');
    expect(() => settleDelivery(abandoned, 'bot-1', sent, AFTER_LEASE)).toThrow(ConflictError);

    const taken = claimDelivery(abandoned, {
      now: AFTER_LEASE,
      leaseUntil: '2024-05-14T07:08:00.000Z',
      claimant: 'bot-2',
    }).delivery;
    expect(() => settleDelivery(taken, 'bot-1', sent, AFTER_LEASE)).toThrow(ConflictError);
    expect(settleDelivery(taken, 'bot-2', sent, AFTER_LEASE).delivery.status).toBe('sent');
  });
});
