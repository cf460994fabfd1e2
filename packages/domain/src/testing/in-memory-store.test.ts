import { describe, expect, it } from 'vitest';
import { Territory } from '../actors/territory.ts';
import { StaleVersionError } from '../shared/errors.ts';
import { createInMemoryStore } from './in-memory-store.ts';

const commune = (version = 1) =>
  Territory.parse({
    id: 'ter_lagord',
    level: 'commune',
    code: '17200',
    name: 'Lagord',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    version,
  });

describe('the in-memory store', () => {
  it('keeps nothing of a transaction that throws', async () => {
    const store = createInMemoryStore();
    await expect(
      store.transaction(async (repos) => {
        await repos.territories.insert(commune());
        throw new Error('panne au milieu');
      }),
    ).rejects.toThrow('panne au milieu');
    expect(store.dump().territories).toEqual([]);
  });

  it('refuses an update that skips or repeats a version', async () => {
    const store = createInMemoryStore({ territories: [commune()] });
    await store.transaction(async (repos) => {
      await expect(repos.territories.update(commune(1))).rejects.toBeInstanceOf(StaleVersionError);
      await expect(repos.territories.update(commune(3))).rejects.toBeInstanceOf(StaleVersionError);
      await repos.territories.update({ ...commune(2), name: 'Lagord (17)' });
    });
    expect(store.dump().territories[0]).toMatchObject({ name: 'Lagord (17)', version: 2 });
  });

  it('runs transactions one after the other, so concurrent writers do not lose updates', async () => {
    const store = createInMemoryStore({ territories: [commune()] });
    const rename = (suffix: string) =>
      store.transaction(async (repos) => {
        const current = await repos.territories.get('ter_lagord');
        if (!current) throw new Error('missing');
        await repos.territories.update({
          ...current,
          name: current.name + suffix,
          version: current.version + 1,
        });
      });
    await Promise.all([rename(' A'), rename(' B'), rename(' C')]);
    expect(store.dump().territories[0]).toMatchObject({ name: 'Lagord A B C', version: 4 });
  });

  it('hands out frozen copies, as @maille/db does: no rule can change what is stored', async () => {
    const store = createInMemoryStore({ territories: [commune()] });
    await store.transaction(async (repos) => {
      const read = await repos.territories.get('ter_lagord');
      expect(() => {
        if (read) read.name = 'modifié en mémoire';
      }).toThrow(TypeError);
    });
    expect(store.dump().territories[0]?.name).toBe('Lagord');
  });
});
