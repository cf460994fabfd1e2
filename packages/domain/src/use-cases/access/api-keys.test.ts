import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { erasePersonalData, exportPersonalData } from '../people/personal-data.ts';
import { API_KEY_TOKEN, LAST_USE_PRECISION_MS } from './api-key.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { verifyApiKey } from './verify-api-key.ts';

describe('API keys', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });
  const keyOf = (who: 'coordinator' | 'member', label = 'Tableau de bord') =>
    createApiKey(world.as(who), {
      personId: world.people[who].id,
      label,
      instanceAdmin: false,
    });

  it('gives the token once, and the key then speaks for its person', async () => {
    const { key, token } = await keyOf('member');
    expect(token).toMatch(API_KEY_TOKEN);
    expect(token.startsWith(`mai_${key.id}.`)).toBe(true);
    expect(await verifyApiKey(world.as('public'), { token })).toEqual({
      keyId: key.id,
      personId: world.people.member.id,
      instanceAdmin: false,
    });
    const [listed] = await listApiKeys(world.as('member'));
    expect(JSON.stringify(listed)).not.toContain(token.slice(token.indexOf('.') + 1));
    expect(listed).toMatchObject({
      id: key.id,
      label: 'Tableau de bord',
      createdAt: world.clock(),
    });
  });

  it('refuses a wrong secret, a malformed token, a revoked key and an erased person', async () => {
    const { key, token } = await keyOf('member');
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const anyone = world.as('public');
    expect(await verifyApiKey(anyone, { token: wrong })).toBeUndefined();
    expect(await verifyApiKey(anyone, { token: 'Bearer n’importe quoi' })).toBeUndefined();
    expect(await verifyApiKey(anyone, {})).toBeUndefined();

    await revokeApiKey(world.as('member'), { keyId: token });
    expect(await verifyApiKey(anyone, { token })).toBeUndefined();
    await expect(revokeApiKey(world.as('admin'), { keyId: key.id })).rejects.toThrow(
      'déjà révoquée',
    );

    const other = await keyOf('coordinator');
    await erasePersonalData(world.as('admin'), { personId: world.people.coordinator.id });
    expect(await verifyApiKey(anyone, { token: other.token })).toBeUndefined();
    await expect(
      createApiKey(world.as('admin'), {
        personId: world.people.coordinator.id,
        label: 'Après effacement',
        instanceAdmin: false,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('records the last use to the minute', async () => {
    const { token } = await keyOf('member');
    const lastUse = async () => (await listApiKeys(world.as('member')))[0]?.lastUsedAt;
    const start = world.clock();
    await verifyApiKey(world.as('public'), { token });
    world.clock.set(new Date(Date.parse(start) + LAST_USE_PRECISION_MS - 1).toISOString());
    await verifyApiKey(world.as('public'), { token });
    expect(await lastUse()).toBe(start);
    world.clock.set(new Date(Date.parse(start) + LAST_USE_PRECISION_MS).toISOString());
    await verifyApiKey(world.as('public'), { token });
    expect(await lastUse()).toBe(world.clock());
  });

  it('lets a person make their own key, and only an administrator anyone’s or an admin key', async () => {
    const memberId = world.people.member.id;
    const forMember = { personId: memberId, label: 'Clé', instanceAdmin: false };
    await expect(createApiKey(world.as('member'), forMember)).resolves.toBeDefined();
    await expect(createApiKey(world.as('admin'), forMember)).resolves.toBeDefined();
    // Not even a coordinator: a key speaks in the person's name.
    for (const who of ['coordinator', 'outsider', 'public'] as const) {
      await expect(createApiKey(world.as(who), forMember)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const adminKey = { label: 'Administration', instanceAdmin: true };
    await expect(createApiKey(world.as('member'), adminKey)).rejects.toBeInstanceOf(ForbiddenError);
    const { token } = await createApiKey(world.as('admin'), adminKey);
    expect(await verifyApiKey(world.as('public'), { token })).toMatchObject({
      instanceAdmin: true,
    });
    expect(await verifyApiKey(world.as('public'), { token })).not.toHaveProperty('personId');
  });

  it('refuses a key for nobody, an unknown person or a blank label, and stores nothing', async () => {
    const admin = world.as('admin');
    await expect(
      createApiKey(admin, { label: 'Orpheline', instanceAdmin: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createApiKey(admin, { personId: 'per_inconnue1', label: 'x', instanceAdmin: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createApiKey(admin, { personId: world.people.member.id, label: '  ', instanceAdmin: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await listApiKeys(admin)).toEqual([]);
  });

  it('shows and revokes a person’s own keys only; an administrator sees and revokes all', async () => {
    const mine = await keyOf('member');
    const theirs = await keyOf('coordinator');
    expect((await listApiKeys(world.as('member'))).map((k) => k.id)).toEqual([mine.key.id]);
    await expect(
      listApiKeys(world.as('member'), { personId: world.people.coordinator.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiKeys(world.as('public'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listApiKeys(world.as('admin'))).toHaveLength(2);
    expect(await listApiKeys(world.as('admin'), { personId: world.people.coordinator.id })).toEqual(
      [expect.objectContaining({ id: theirs.key.id })],
    );

    // Someone else's key is unknown to them, which says nothing of whether it exists.
    await expect(revokeApiKey(world.as('member'), { keyId: theirs.key.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await verifyApiKey(world.as('public'), { token: theirs.token })).toBeDefined();
    await revokeApiKey(world.as('admin'), { keyId: `mai_${theirs.key.id}` });
    expect(await verifyApiKey(world.as('public'), { token: theirs.token })).toBeUndefined();
    await expect(revokeApiKey(world.as('admin'), { keyId: 'inconnue1234' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('are in a person’s export of their data, never with their secret', async () => {
    const { key, token } = await keyOf('member', 'Tableur de Marc');
    const exported = await exportPersonalData(world.as('member'), {
      personId: world.people.member.id,
    });
    expect(exported.records.apiKeys).toEqual([expect.objectContaining({ id: key.id })]);
    expect(JSON.stringify(exported)).not.toContain(token.slice(token.indexOf('.') + 1));
  });
});
