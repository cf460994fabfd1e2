import { testDialect } from '@maille/db/testing';
import type { Delivery } from '@maille/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2eWorld, eventually, MEMBER, openE2eWorld, PATIENCE_MS } from './processes.ts';

/*
 * The dispatcher process killed with SIGKILL mid-flight, then started again: every reminder of
 * the member ends up sent, and Alice holds exactly one message per delivery. The lease is short
 * (4 s) so that the second process takes the orphaned claims over within the test.
 */

const dialect = testDialect();
const LEASE = { DISPATCH_LEASE_MS: '4000' };
const MESSAGES = /^\/channels\/\d+\/messages$/;
let world: E2eWorld;

beforeEach(async () => {
  world = await openE2eWorld();
  await world.link(MEMBER, world.fake.users.alice);
});
afterEach(async () => {
  await world?.close();
});

/** Once every delivery to the member due by now is settled, what they became. */
async function allSettled(): Promise<Delivery[]> {
  const now = new Date().toISOString();
  return eventually(
    async () => {
      const due = (await world.deliveriesTo(MEMBER)).filter((d) => d.dueAt <= now);
      const open = due.some((d) => d.status === 'pending' || d.status === 'claimed');
      return due.length > 0 && !open && due;
    },
    'every delivery to the member settled',
    PATIENCE_MS,
  );
}

/** Exactly one direct message per sent delivery, under its id as nonce, and nothing else. */
function expectOneMessageEach(sent: Delivery[]): void {
  const dms = world.fake.dms(world.fake.users.alice.id);
  expect(dms.map((message) => message.nonce).sort()).toEqual(sent.map((d) => d.id).sort());
  for (const delivery of sent) {
    const [message, ...others] = dms.filter((m) => m.nonce === delivery.id);
    expect(others).toEqual([]);
    expect(delivery.sentMessageId).toBe(message?.id);
  }
}

describe(`the dispatcher process killed mid-flight (${dialect})`, () => {
  it('sends once what it had claimed but not sent when killed', async () => {
    const { fake } = world;
    // Each message waits at the door of the fake: the process is killed before any is created.
    fake.faults.latency({ method: 'POST', path: MESSAGES, ms: 60_000 });
    const first = world.startDispatcher(LEASE);
    await fake.until(
      () => fake.requests.some((r) => r.route === 'POST /users/@me/channels' && r.status === 200),
      { timeoutMs: PATIENCE_MS, what: 'the direct-message channel opened' },
    );
    const claimed = (await world.deliveriesTo(MEMBER)).filter((d) => d.status === 'claimed');
    expect(claimed.length).toBeGreaterThan(0);
    await first.kill();
    expect(fake.dms(fake.users.alice.id)).toEqual([]);

    fake.faults.clear();
    world.startDispatcher(LEASE);
    const settled = await allSettled();
    const sent = settled.filter((d) => d.status === 'sent');
    expect(sent.map((d) => d.id)).toEqual(expect.arrayContaining(claimed.map((d) => d.id)));
    expectOneMessageEach(sent);
  });

  it('does not send again what it had sent but not settled when killed', async () => {
    const { fake } = world;
    // Each message is created at once, its answer held back: killed, the process never knew.
    fake.faults.latency({ method: 'POST', path: MESSAGES, ms: 60_000, phase: 'after' });
    const first = world.startDispatcher(LEASE);
    const [created] = await fake.until(
      () => {
        const dms = fake.dms(fake.users.alice.id);
        return dms.length > 0 && dms;
      },
      { timeoutMs: PATIENCE_MS, what: 'a reminder created at the fake' },
    );
    await first.kill();
    const orphan = await world.delivery(String(created?.nonce));
    expect(orphan.status).toBe('claimed');
    const before = fake.dms(fake.users.alice.id).length;

    fake.faults.clear();
    world.startDispatcher(LEASE);
    const settled = await allSettled();
    const sent = settled.filter((d) => d.status === 'sent');
    // The resend under the same nonce found the message already created, and kept its id.
    expect(sent.find((d) => d.id === orphan.id)?.sentMessageId).toBe(created?.id);
    expect(fake.dms(fake.users.alice.id).length).toBeGreaterThanOrEqual(before);
    expectOneMessageEach(sent);
  });
});
