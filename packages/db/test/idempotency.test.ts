import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { ConflictError } from '@maille/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimIdempotencyKey,
  createStore,
  type Database,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  idempotentStore,
  openDatabase,
  purgeExpiredIdempotencyKeys,
  settleIdempotencyClaim,
} from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const CREATED = { status: 201, headers: { Location: '/updates/upd_1' }, body: '{"id":"upd_1"}' };

let counter = 0;
function scope() {
  counter += 1;
  return { owner: 'cle0000000001', method: 'POST', path: '/updates', key: `cle-${counter}` };
}

async function claimed(database: Database, s = scope(), now = NOW): Promise<IdempotencyClaim> {
  const outcome = await claimIdempotencyKey(database, s, 'empreinte', now);
  if (outcome.kind !== 'claimed') throw new Error(`not claimed: ${outcome.kind}`);
  return outcome.claim;
}

describe.each(DIALECTS)('Idempotency-Key records on %s', (dialect) => {
  let test: TestDatabase;
  // A second API instance over the same database.
  let other: Database;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    other = openDatabase({ url: test.url, schema: test.schema });
  });
  afterAll(async () => {
    await other.close();
    await test.drop();
  });

  it('let one of many racing instances claim a key, the others see it in progress', async () => {
    const s = scope();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimIdempotencyKey(i % 2 ? other : test.database, s, 'empreinte', NOW),
      ),
    );
    const kinds = outcomes.map((outcome) => outcome.kind);
    expect(kinds.filter((kind) => kind === 'claimed')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'in-progress')).toHaveLength(7);
  });

  it('replay a stored response, and tell another body apart', async () => {
    const s = scope();
    await settleIdempotencyClaim(test.database, await claimed(test.database, s), CREATED);
    expect(await claimIdempotencyKey(other, s, 'empreinte', NOW)).toEqual({
      kind: 'replay',
      response: CREATED,
    });
    expect((await claimIdempotencyKey(other, s, 'autre', NOW)).kind).toBe('mismatch');
  });

  it('release a refused request with no effect, keep one that made its effect', async () => {
    const refused = scope();
    const refusal = { status: 400, headers: {}, body: '{}' };
    await settleIdempotencyClaim(test.database, await claimed(test.database, refused), refusal);
    expect((await claimIdempotencyKey(test.database, refused, 'autre', NOW)).kind).toBe('claimed');

    const effective = scope();
    const claim = await claimed(test.database, effective);
    await idempotentStore(test.database, claim).transaction(async () => undefined);
    await settleIdempotencyClaim(test.database, claim, refusal);
    expect(await claimIdempotencyKey(test.database, effective, 'empreinte', NOW)).toEqual({
      kind: 'replay',
      response: refusal,
    });
  });

  it('stop a claim overtaken after its lease from committing its effect', async () => {
    const s = scope();
    const stale = await claimed(test.database, s);
    expect((await claimIdempotencyKey(other, s, 'empreinte', at(1000))).kind).toBe('in-progress');
    await claimed(other, s, at(IDEMPOTENCY_LEASE_MS + 1000));

    const person = buildDemoDataset({ now: NOW }).persons.find(
      (p) => p.id === DEMO_IDS.laRochelle.coordinator,
    );
    if (!person) throw new Error('the demo has no coordinator');
    await expect(
      idempotentStore(test.database, stale).transaction((repos) => repos.persons.insert(person)),
    ).rejects.toBeInstanceOf(ConflictError);
    const found = await createStore(test.database).transaction((repos) =>
      repos.persons.get(person.id),
    );
    expect(found).toBeUndefined();
  });

  it('refuse to run again a claim whose effect committed but whose answer was never stored', async () => {
    const s = scope();
    await idempotentStore(test.database, await claimed(test.database, s)).transaction(
      async () => undefined,
    );
    const later = at(IDEMPOTENCY_LEASE_MS + 1000);
    expect((await claimIdempotencyKey(other, s, 'empreinte', later)).kind).toBe('interrupted');
  });

  it('purge expired records only', async () => {
    const s = scope();
    await settleIdempotencyClaim(test.database, await claimed(test.database, s), CREATED);
    expect(await purgeExpiredIdempotencyKeys(test.database, at(IDEMPOTENCY_TTL_MS - 1))).toBe(0);
    expect(
      await purgeExpiredIdempotencyKeys(test.database, at(IDEMPOTENCY_TTL_MS)),
    ).toBeGreaterThan(0);
    expect((await claimIdempotencyKey(test.database, s, 'autre', NOW)).kind).toBe('claimed');
  });
});
