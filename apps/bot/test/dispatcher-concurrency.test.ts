import { testDialect } from '@maille/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import {
  type DispatcherWorld,
  dueReminders,
  LA_ROCHELLE,
  openDispatcherWorld,
} from './dispatcher-world.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const COUNT = 500;
const dialect = testDialect();

describe(`two dispatchers on one database (${dialect})`, () => {
  let world: DispatcherWorld;
  beforeAll(async () => {
    world = await openDispatcherWorld(dialect, NOW);
    await world.store.transaction((repos) =>
      repos.deliveries.insertIfAbsent(dueReminders(COUNT, NOW, 'conc')),
    );
  });
  afterAll(async () => {
    await world.drop();
  });

  it('never send the same delivery twice over 500 deliveries', async () => {
    // On PostgreSQL each dispatcher has its own connection pool, as two processes would. On
    // SQLite they share the process's connection: better-sqlite3 is synchronous, so a second
    // connection waiting for the write lock would block the very thread that holds it (two
    // processes are covered by @maille/db's claim-processes test). Small batches and several
    // sends at once make their claims interleave.
    const settings = { planning: false, batchSize: 20, concurrency: 4 };
    const storeOfItsOwn = () => (dialect === 'postgres' ? world.otherStore() : world.store);
    const dispatchers = ['bot-a', 'bot-b'].map((claimant) =>
      createDispatcher({
        store: storeOfItsOwn(),
        sender: world.sender,
        clock: world.clock,
        claimant,
        settings,
        log: () => undefined,
      }),
    );
    const reports = await Promise.all(dispatchers.map((d) => d.runOnce()));
    // Both took part.
    expect(reports.map((r) => r.claimed > 0)).toEqual([true, true]);
    expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(COUNT);

    const counts = world.sender.countsByNonce();
    expect(counts.size).toBe(COUNT);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const stored = await world.store.transaction((repos) =>
      repos.deliveries.listByGovernance(LA_ROCHELLE),
    );
    const load = stored.filter((d) => d.dedupeKey.startsWith('load:conc:'));
    expect(load.filter((d) => d.status === 'sent')).toHaveLength(COUNT);
    expect(load.every((d) => d.attempts === 1)).toBe(true);
  });
});
