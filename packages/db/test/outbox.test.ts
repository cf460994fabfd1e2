import { ConflictError, type Delivery, NotFoundError } from '@maille/domain';
import { createInMemoryStore } from '@maille/domain/testing';
import type { Repositories, Store } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// ---- builders ---------------------------------------------------------------------------------

const GOV = 'gov_outbox01';
const T0 = '2024-05-14T07:00:00.000Z';

/** `minutes` after T0, as an instant. */
function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

/** The `n`-th reminder of the test, due `dueIn` minutes after T0. */
function delivery(n: number, dueIn = 0, changes: Partial<Delivery> = {}): Delivery {
  const person = `per_${String(n).padStart(6, '0')}`;
  return {
    id: `dlv_${String(n).padStart(6, '0')}`,
    dedupeKey: `milestone:mil_000001:J-3:${person}`,
    governanceId: GOV,
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: person },
    subject: { type: 'milestone', id: 'mil_000001' },
    dueAt: at(dueIn),
    expiresAt: at(dueIn + 3 * 24 * 60),
    status: 'pending',
    attempts: 0,
    createdAt: at(-60),
    updatedAt: at(-60),
    version: 1,
    ...changes,
  };
}

const SENT = { status: 'sent', sentMessageId: '123456789012345678' } as const;

// ---- the suite, on each dialect ---------------------------------------------------------------

describe.each(DIALECTS)('the delivery outbox on %s', (dialect) => {
  let test: TestDatabase;
  let store: Store;
  const tx = <T>(work: (repos: Repositories) => Promise<T>) => store.transaction(work);
  const claim = (now: string, claimant: string, limit = 10, leaseMinutes = 5) =>
    tx((repos) =>
      repos.deliveries.claimDue({
        now,
        leaseUntil: new Date(Date.parse(now) + leaseMinutes * 60_000).toISOString(),
        limit,
        claimant,
      }),
    );
  const events = (id: string) => tx((repos) => repos.deliveries.listEvents(id));
  const stored = (id: string) => tx((repos) => repos.deliveries.get(id));

  beforeEach(async () => {
    test = await openTestDatabase(dialect);
    store = createStore(test.database);
    // Deliveries point at a stored governance in real use; the outbox does not depend on it.
  });
  afterEach(() => test.drop());

  it('stores each dedupe key once, however often the same plan is inserted', async () => {
    const plan = [delivery(1), delivery(2), delivery(3)];
    expect(await tx((repos) => repos.deliveries.insertIfAbsent(plan))).toBe(3);
    // Planned again: new ids, same keys.
    const again = plan.map((d, i) => ({ ...d, id: `dlv_encore${i}` }));
    expect(await tx((repos) => repos.deliveries.insertIfAbsent(again))).toBe(0);
    const mixed = [
      delivery(3, 0, { id: 'dlv_encore9' }),
      delivery(4),
      delivery(4, 0, { id: 'dlv_double4' }),
    ];
    expect(await tx((repos) => repos.deliveries.insertIfAbsent(mixed))).toBe(1);
    const listed = await tx((repos) => repos.deliveries.listByGovernance(GOV));
    expect(listed.map((d) => d.id)).toEqual([
      'dlv_000001',
      'dlv_000002',
      'dlv_000003',
      'dlv_000004',
    ]);
    expect(listed[0]).toEqual(plan[0]);
    expect(await tx((repos) => repos.deliveries.insertIfAbsent([]))).toBe(0);
  });

  it('inserts a plan larger than one statement takes, then none of it again', async () => {
    const plan = Array.from({ length: 1234 }, (_, i) => delivery(i + 1, i % 7));
    expect(await tx((repos) => repos.deliveries.insertIfAbsent(plan))).toBe(1234);
    expect(await tx((repos) => repos.deliveries.insertIfAbsent(plan))).toBe(0);
    const listed = await tx((repos) => repos.deliveries.listByGovernance(GOV));
    expect(listed).toHaveLength(1234);
    // Listed by due date, then id.
    expect(listed.slice(0, 3).map((d) => d.id)).toEqual(['dlv_000001', 'dlv_000008', 'dlv_000015']);
  });

  it('claims what is due, oldest first, no more than asked, for the claimant', async () => {
    await tx((repos) =>
      repos.deliveries.insertIfAbsent([
        delivery(1, 10),
        delivery(2, 0),
        delivery(3, 5),
        delivery(4, 0),
        delivery(5, 60),
      ]),
    );
    const first = await claim(at(10), 'bot-1', 3);
    expect(first.map((d) => d.id)).toEqual(['dlv_000002', 'dlv_000004', 'dlv_000003']);
    expect(first[0]).toMatchObject({
      status: 'claimed',
      claimedBy: 'bot-1',
      leaseUntil: at(15),
      attempts: 1,
      version: 2,
      updatedAt: at(10),
    });
    expect(await stored('dlv_000002')).toEqual(first[0]);
    // The fourth is due, the fifth is not yet.
    const second = await claim(at(10), 'bot-2', 3);
    expect(second.map((d) => d.id)).toEqual(['dlv_000001']);
    expect(await events('dlv_000001')).toEqual([
      { deliveryId: 'dlv_000001', at: at(10), from: 'pending', to: 'claimed', by: 'bot-2' },
    ]);
    expect(await claim(at(10), 'bot-3', 3)).toEqual([]);
  });

  it('leaves a claimed delivery alone until its lease expires, then lets another take it', async () => {
    await tx((repos) => repos.deliveries.insertIfAbsent([delivery(1)]));
    await claim(at(0), 'bot-1');
    expect(await claim(at(4), 'bot-2')).toEqual([]);
    const [taken] = await claim(at(5), 'bot-2');
    expect(taken).toMatchObject({
      id: 'dlv_000001',
      claimedBy: 'bot-2',
      leaseUntil: at(10),
      attempts: 2,
      version: 3,
    });
    expect(await events('dlv_000001')).toEqual([
      { deliveryId: 'dlv_000001', at: at(0), from: 'pending', to: 'claimed', by: 'bot-1' },
      {
        deliveryId: 'dlv_000001',
        at: at(5),
        from: 'claimed',
        to: 'claimed',
        by: 'bot-2',
        detail: 'Bail expiré de bot-1 repris.',
      },
    ]);
  });

  it('records each outcome: sent, back in the queue until a retry time, failed', async () => {
    await tx((repos) => repos.deliveries.insertIfAbsent([delivery(1), delivery(2), delivery(3)]));
    await claim(at(0), 'bot-1');
    const settle = (id: string, outcome: Parameters<Repositories['deliveries']['settle']>[2]) =>
      tx((repos) => repos.deliveries.settle(id, 'bot-1', outcome, at(1)));

    const sent = await settle('dlv_000001', SENT);
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: at(1),
      sentMessageId: SENT.sentMessageId,
    });
    expect(sent).not.toHaveProperty('claimedBy');
    expect(sent).not.toHaveProperty('leaseUntil');
    expect(await stored('dlv_000001')).toEqual(sent);

    const retry = { status: 'pending', retryAt: at(30), error: 'Discord ne répond pas.' } as const;
    expect(await settle('dlv_000002', retry)).toMatchObject({
      status: 'pending',
      leaseUntil: at(30),
      lastError: 'Discord ne répond pas.',
    });
    const failed = { status: 'failed', error: 'Salon supprimé.' } as const;
    expect((await settle('dlv_000003', failed)).status).toBe('failed');

    expect(await claim(at(29), 'bot-2')).toEqual([]);
    const [retried] = await claim(at(30), 'bot-2');
    expect(retried).toMatchObject({ id: 'dlv_000002', attempts: 2, claimedBy: 'bot-2' });

    expect((await events('dlv_000001')).map((e) => `${e.from}→${e.to}`)).toEqual([
      'pending→claimed',
      'claimed→sent',
    ]);
    expect(await events('dlv_000002')).toEqual([
      { deliveryId: 'dlv_000002', at: at(0), from: 'pending', to: 'claimed', by: 'bot-1' },
      {
        deliveryId: 'dlv_000002',
        at: at(1),
        from: 'claimed',
        to: 'pending',
        by: 'bot-1',
        detail: 'Discord ne répond pas.',
      },
      { deliveryId: 'dlv_000002', at: at(30), from: 'pending', to: 'claimed', by: 'bot-2' },
    ]);
    expect((await events('dlv_000003')).map((e) => e.detail)).toEqual([
      undefined,
      'Salon supprimé.',
    ]);
  });

  it('refuses the outcome of a dispatcher that no longer holds the delivery, and changes nothing', async () => {
    await tx((repos) => repos.deliveries.insertIfAbsent([delivery(1), delivery(2)]));
    await claim(at(0), 'bot-1');
    const settle = (id: string, claimant: string, when: string) =>
      tx((repos) => repos.deliveries.settle(id, claimant, SENT, when));
    const before = { one: await stored('dlv_000001'), events: await events('dlv_000001') };

    await expect(settle('dlv_000001', 'bot-2', at(1))).rejects.toBeInstanceOf(ConflictError);
    // Its own lease ran out a minute ago.
    await expect(settle('dlv_000001', 'bot-1', at(6))).rejects.toThrow(/plus réservé/);
    expect({ one: await stored('dlv_000001'), events: await events('dlv_000001') }).toEqual(before);

    // Taken over: the former holder's word is ignored, the new holder's counts.
    await claim(at(6), 'bot-2');
    await expect(settle('dlv_000002', 'bot-1', at(7))).rejects.toBeInstanceOf(ConflictError);
    expect((await settle('dlv_000002', 'bot-2', at(7))).status).toBe('sent');
    await expect(settle('dlv_000002', 'bot-2', at(7))).rejects.toBeInstanceOf(ConflictError);
    expect((await events('dlv_000002')).map((e) => e.to)).toEqual(['claimed', 'claimed', 'sent']);

    await expect(settle('dlv_inconnu1', 'bot-2', at(7))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never gives the same delivery to two claimers at once', async () => {
    await tx((repos) =>
      repos.deliveries.insertIfAbsent(Array.from({ length: 60 }, (_, i) => delivery(i + 1))),
    );
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claim(at(1), `bot-${i + 1}`, 10)),
    );
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    for (const [i, batch] of claims.entries()) {
      expect(batch.every((d) => d.claimedBy === `bot-${i + 1}`)).toBe(true);
    }
  });

  it('behaves as the in-memory outbox of the kernel, step by step', async () => {
    const reference = createInMemoryStore();
    const run = async (target: Store) => {
      const trace: unknown[] = [];
      const step = <T>(work: (repos: Repositories) => Promise<T>) =>
        target.transaction(work).then(
          (value) => trace.push(value),
          (error: unknown) => trace.push((error as Error).name),
        );
      const plan = [delivery(1, 0), delivery(2, 2), delivery(3, 2), delivery(4, 30)];
      await step((r) => r.deliveries.insertIfAbsent(plan));
      await step((r) =>
        r.deliveries.claimDue({ now: at(2), leaseUntil: at(4), limit: 2, claimant: 'a' }),
      );
      await step((r) =>
        r.deliveries.claimDue({ now: at(3), leaseUntil: at(5), limit: 5, claimant: 'b' }),
      );
      await step((r) => r.deliveries.settle('dlv_000001', 'a', SENT, at(3)));
      await step((r) => r.deliveries.settle('dlv_000003', 'a', SENT, at(3)));
      await step((r) =>
        r.deliveries.claimDue({ now: at(4), leaseUntil: at(6), limit: 5, claimant: 'c' }),
      );
      await step((r) => r.deliveries.settle('dlv_000002', 'a', SENT, at(5)));
      await step((r) =>
        r.deliveries.settle(
          'dlv_000002',
          'c',
          { status: 'pending', retryAt: at(40), error: 'Plus tard.' },
          at(5),
        ),
      );
      await step((r) =>
        r.deliveries.claimDue({ now: at(40), leaseUntil: at(45), limit: 5, claimant: 'a' }),
      );
      await step(async (r) => ({
        deliveries: await r.deliveries.listByGovernance(GOV),
        events: await Promise.all(plan.map((d) => r.deliveries.listEvents(d.id))),
      }));
      return trace;
    };
    const [onDatabase, inMemory] = [await run(store), await run(reference)];
    expect(onDatabase).toEqual(inMemory);
    expect(onDatabase).toContain('ConflictError');
  });
});
