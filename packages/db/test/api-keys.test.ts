import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { erasePerson } from '@maille/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiKey,
  createStore,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
} from '../src/index.ts';
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
    const { id, token } = await createApiKey(test.database, {
      personId: COORDINATOR,
      label: 'Tableau de bord',
      instanceAdmin: false,
      now: NOW,
    });
    expect(token).toMatch(/^mai_[0-9A-Za-z]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`mai_${id}.`)).toBe(true);

    const secret = token.split('.')[1] as string;
    const stored = await sql<
      Record<string, unknown>
    >`select * from api_keys where id = ${id}`.execute(test.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    expect(await verifyApiKey(test.database, token, LATER)).toEqual({
      keyId: id,
      personId: COORDINATOR,
      instanceAdmin: false,
    });
    const listed = (await listApiKeys(test.database)).find((k) => k.id === id);
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
    const { id, token } = await createApiKey(test.database, {
      personId: COORDINATOR,
      label: 'Tableau de bord',
      instanceAdmin: false,
      now: NOW,
    });
    const lastUse = async () =>
      (await listApiKeys(test.database)).find((k) => k.id === id)?.lastUsedAt;
    const at = (seconds: number) => new Date(Date.parse(LATER) + seconds * 1000).toISOString();
    await verifyApiKey(test.database, token, at(0));
    await verifyApiKey(test.database, token, at(59));
    expect(await lastUse()).toBe(at(0));
    await verifyApiKey(test.database, token, at(60));
    expect(await lastUse()).toBe(at(60));
  });

  it('refuse a wrong secret, a malformed token and an unknown id', async () => {
    const { id, token } = await createApiKey(test.database, {
      personId: COORDINATOR,
      label: 'Essai',
      instanceAdmin: false,
      now: NOW,
    });
    const wrong = `mai_${id}.${'A'.repeat(43)}`;
    expect(await verifyApiKey(test.database, wrong, LATER)).toBeUndefined();
    expect(await verifyApiKey(test.database, 'Bearer n’importe quoi', LATER)).toBeUndefined();
    expect(
      await verifyApiKey(test.database, token.replace(id, 'ZZZZZZZZZZZZ'), LATER),
    ).toBeUndefined();
    // The failed attempts did not count as a use.
    const listed = (await listApiKeys(test.database)).find((k) => k.id === id);
    expect(listed?.lastUsedAt).toBeUndefined();
  });

  it('stop verifying a key once revoked, and say so when revoked twice', async () => {
    const { id, token } = await createApiKey(test.database, {
      personId: COORDINATOR,
      label: 'À révoquer',
      instanceAdmin: false,
      now: NOW,
    });
    await revokeApiKey(test.database, `mai_${id}`, LATER);
    expect(await verifyApiKey(test.database, token, LATER)).toBeUndefined();
    expect((await listApiKeys(test.database)).find((k) => k.id === id)?.revokedAt).toBe(LATER);
    await expect(revokeApiKey(test.database, id, LATER)).rejects.toThrow('déjà révoquée');
    await expect(revokeApiKey(test.database, 'inconnue1234', LATER)).rejects.toMatchObject({
      code: 'not_found',
      message: 'Clé d’API introuvable : inconnue1234.',
    });
  });

  it('issue an instance administrator key without a person, but no other key', async () => {
    const admin = await createApiKey(test.database, {
      label: 'Administration',
      instanceAdmin: true,
      now: NOW,
    });
    expect(await verifyApiKey(test.database, admin.token, LATER)).toEqual({
      keyId: admin.id,
      instanceAdmin: true,
    });
    await expect(
      createApiKey(test.database, { label: 'Orpheline', instanceAdmin: false, now: NOW }),
    ).rejects.toMatchObject({ code: 'validation', message: /indiquez laquelle/ });
  });

  it('refuse an unknown person, a malformed id and an empty label, writing nothing', async () => {
    const before = (await listApiKeys(test.database)).length;
    await expect(
      createApiKey(test.database, {
        personId: 'per_inconnue',
        label: 'x',
        instanceAdmin: false,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'Personne introuvable : per_inconnue.' });
    await expect(
      createApiKey(test.database, {
        personId: 'gov_x1234567',
        label: 'x',
        instanceAdmin: false,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      createApiKey(test.database, {
        personId: COORDINATOR,
        label: '  ',
        instanceAdmin: false,
        now: NOW,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: 'Donnée invalide : label — Ce champ ne peut pas être vide.',
    });
    expect((await listApiKeys(test.database)).length).toBe(before);
  });

  it('stop verifying the key of a person who has been erased, and refuse them a new one', async () => {
    const { token } = await createApiKey(test.database, {
      personId: COORDINATOR,
      label: 'Avant effacement',
      instanceAdmin: false,
      now: NOW,
    });
    await createStore(test.database).transaction(async (repos) => {
      const person = await repos.persons.get(COORDINATOR);
      if (person) await repos.persons.update(erasePerson(person, LATER));
    });
    expect(await verifyApiKey(test.database, token, LATER)).toBeUndefined();
    await expect(
      createApiKey(test.database, {
        personId: COORDINATOR,
        label: 'x',
        instanceAdmin: false,
        now: LATER,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: /effacée/ });
  });
});
