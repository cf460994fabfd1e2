import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { erasePerson } from '@maille/domain';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { kernelAt } from '../src/testing.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const LATER = '2026-11-25T10:30:00.000Z';
const COORDINATOR = DEMO_IDS.laRochelle.coordinator;

/** A database holding one person, the demo's coordinator of La Rochelle. */
async function withCoordinator(test: TestDatabase): Promise<void> {
  const person = buildDemoDataset({ now: NOW }).persons.find((p) => p.id === COORDINATOR);
  if (!person) throw new Error('the demo has no coordinator');
  await createStore(test.database).transaction((repos) => repos.persons.insert(person));
}

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await withCoordinator(test);
  });
  afterAll(() => test.drop());

  it('issue a token that verifies as its person, and store only a hash of the secret', async () => {
    const {
      key: { id },
      token,
    } = await createApiKey(kernelAt(test.database, NOW), {
      personId: COORDINATOR,
      label: 'Tableau de bord',
      instanceAdmin: false,
    });
    expect(token).toMatch(/^mai_[0-9A-Za-z]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`mai_${id}.`)).toBe(true);

    const secret = token.split('.')[1] as string;
    const stored = await sql<
      Record<string, unknown>
    >`select * from api_keys where id = ${id}`.execute(test.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    expect(await verifyApiKey(kernelAt(test.database, LATER), { token })).toEqual({
      keyId: id,
      personId: COORDINATOR,
      instanceAdmin: false,
    });
    const listed = (await listApiKeys(kernelAt(test.database, NOW))).find((k) => k.id === id);
    expect(listed).toEqual({
      id,
      personId: COORDINATOR,
      label: 'Tableau de bord',
      instanceAdmin: false,
      createdAt: NOW,
      lastUsedAt: LATER,
    });
    expect(JSON.stringify(listed)).not.toMatch(/hash/i);
  });

  it('record the last use to the minute, not at every request', async () => {
    const {
      key: { id },
      token,
    } = await createApiKey(kernelAt(test.database, NOW), {
      personId: COORDINATOR,
      label: 'Tableau de bord',
      instanceAdmin: false,
    });
    const lastUse = async () =>
      (await listApiKeys(kernelAt(test.database, NOW))).find((k) => k.id === id)?.lastUsedAt;
    const at = (seconds: number) => new Date(Date.parse(LATER) + seconds * 1000).toISOString();
    await verifyApiKey(kernelAt(test.database, at(0)), { token });
    await verifyApiKey(kernelAt(test.database, at(59)), { token });
    expect(await lastUse()).toBe(at(0));
    await verifyApiKey(kernelAt(test.database, at(60)), { token });
    expect(await lastUse()).toBe(at(60));
  });

  it('refuse a wrong secret, a malformed token and an unknown id', async () => {
    const {
      key: { id },
      token,
    } = await createApiKey(kernelAt(test.database, NOW), {
      personId: COORDINATOR,
      label: 'Essai',
      instanceAdmin: false,
    });
    const wrong = `mai_${id}.${'A'.repeat(43)}`;
    expect(await verifyApiKey(kernelAt(test.database, LATER), { token: wrong })).toBeUndefined();
    expect(
      await verifyApiKey(kernelAt(test.database, LATER), { token: 'Bearer n’importe quoi' }),
    ).toBeUndefined();
    expect(
      await verifyApiKey(kernelAt(test.database, LATER), {
        token: token.replace(id, 'ZZZZZZZZZZZZ'),
      }),
    ).toBeUndefined();
    // The failed attempts did not count as a use.
    const listed = (await listApiKeys(kernelAt(test.database, NOW))).find((k) => k.id === id);
    expect(listed?.lastUsedAt).toBeUndefined();
  });

  it('stop verifying a key once revoked, and say so when revoked twice', async () => {
    const {
      key: { id },
      token,
    } = await createApiKey(kernelAt(test.database, NOW), {
      personId: COORDINATOR,
      label: 'À révoquer',
      instanceAdmin: false,
    });
    await revokeApiKey(kernelAt(test.database, LATER), { keyId: `mai_${id}` });
    expect(await verifyApiKey(kernelAt(test.database, LATER), { token })).toBeUndefined();
    expect(
      (await listApiKeys(kernelAt(test.database, NOW))).find((k) => k.id === id)?.revokedAt,
    ).toBe(LATER);
    await expect(revokeApiKey(kernelAt(test.database, LATER), { keyId: id })).rejects.toThrow(
      'déjà révoquée',
    );
    await expect(
      revokeApiKey(kernelAt(test.database, LATER), { keyId: 'inconnue1234' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Clé d’API introuvable : inconnue1234.',
    });
  });

  it('issue an instance administrator key without a person, but no other key', async () => {
    const admin = await createApiKey(kernelAt(test.database, NOW), {
      label: 'Administration',
      instanceAdmin: true,
    });
    expect(await verifyApiKey(kernelAt(test.database, LATER), { token: admin.token })).toEqual({
      keyId: admin.key.id,
      instanceAdmin: true,
    });
    await expect(
      createApiKey(kernelAt(test.database, NOW), { label: 'Orpheline', instanceAdmin: false }),
    ).rejects.toMatchObject({ code: 'validation', message: /indiquez laquelle/ });
  });

  it('refuse an unknown person, a malformed id and an empty label, writing nothing', async () => {
    const before = (await listApiKeys(kernelAt(test.database, NOW))).length;
    await expect(
      createApiKey(kernelAt(test.database, NOW), {
        personId: 'per_inconnue',
        label: 'x',
        instanceAdmin: false,
      }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'Personne introuvable : per_inconnue.' });
    await expect(
      createApiKey(kernelAt(test.database, NOW), {
        personId: 'gov_x1234567',
        label: 'x',
        instanceAdmin: false,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      createApiKey(kernelAt(test.database, NOW), {
        personId: COORDINATOR,
        label: '  ',
        instanceAdmin: false,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: 'Donnée invalide : label — Ce champ ne peut pas être vide.',
    });
    expect((await listApiKeys(kernelAt(test.database, NOW))).length).toBe(before);
  });

  it('stop verifying the key of a person who has been erased, and refuse them a new one', async () => {
    const { token } = await createApiKey(kernelAt(test.database, NOW), {
      personId: COORDINATOR,
      label: 'Avant effacement',
      instanceAdmin: false,
    });
    await createStore(test.database).transaction(async (repos) => {
      const person = await repos.persons.get(COORDINATOR);
      if (person) await repos.persons.update(erasePerson(person, LATER));
    });
    expect(await verifyApiKey(kernelAt(test.database, LATER), { token })).toBeUndefined();
    await expect(
      createApiKey(kernelAt(test.database, LATER), {
        personId: COORDINATOR,
        label: 'x',
        instanceAdmin: false,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: /effacée/ });
  });
});
