import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from './create-organization.ts';
import { createTerritory } from './create-territory.ts';
import { getOrganization } from './get-organization.ts';
import { getTerritory } from './get-territory.ts';
import { listOrganizations } from './list-organizations.ts';
import { listTerritories } from './list-territories.ts';

describe('reading the directory', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
    const admin = world.as('admin');
    await createTerritory(admin, { level: 'departement', code: '17', name: 'Charente-Maritime' });
    await createTerritory(admin, { level: 'commune', code: '17274', name: 'Périgny' });
    await createTerritory(admin, { level: 'commune', code: '17300', name: 'La Rochelle' });
    await createOrganization(admin, {
      name: 'Médiathèque Michel-Crépeau',
      category: 'mediatheque',
    });
    await createOrganization(admin, {
      name: 'Centre social de Mireuil',
      category: 'centre_social',
    });
  });

  it('lets anyone, the public included, read and filter the territories', async () => {
    const all = await listTerritories(world.as('public'), { limit: 10 });
    expect(all.items.map((t) => t.name).sort()).toEqual([
      'Charente-Maritime',
      'La Rochelle',
      'Périgny',
    ]);
    const communes = await listTerritories(world.as('public'), { level: 'commune', limit: 10 });
    expect(communes.items.map((t) => t.code).sort()).toEqual(['17274', '17300']);
    const search = await listTerritories(world.as('outsider'), { query: 'PERIGNY', limit: 10 });
    expect(search.items.map((t) => t.name)).toEqual(['Périgny']);
    const found = search.items[0];
    if (!found) throw new Error('Périgny should be found');
    await expect(getTerritory(world.as('public'), { territoryId: found.id })).resolves.toEqual(
      found,
    );
  });

  it('pages through the territories in id order without repeating one', async () => {
    const first = await listTerritories(world.as('member'), { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listTerritories(world.as('member'), { after: first.next, limit: 2 });
    expect(second.next).toBeUndefined();
    const ids = [...first.items, ...second.items].map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses a search with nothing to search for', async () => {
    for (const query of ['', '   ', '—']) {
      await expect(
        listTerritories(world.as('member'), { query, limit: 10 }),
        query,
      ).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it('tells of an unknown territory or organization that it does not exist', async () => {
    await expect(
      getTerritory(world.as('admin'), { territoryId: 'ter_inconnu1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getOrganization(world.as('admin'), { organizationId: 'org_inconnu1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('finds organizations by a part of their name, accents and case ignored', async () => {
    const page = await listOrganizations(world.as('observer'), { query: 'mediatheque', limit: 5 });
    expect(page.items.map((o) => o.name)).toEqual(['Médiathèque Michel-Crépeau']);
    const all = await listOrganizations(world.as('outsider'), { limit: 1 });
    expect(all.items).toHaveLength(1);
    expect(all.next).toBe(all.items[0]?.id);
    const rest = await listOrganizations(world.as('outsider'), { after: all.next, limit: 5 });
    expect(rest.items.map((o) => o.id)).not.toContain(all.next);
    await expect(
      getOrganization(world.as('member'), { organizationId: page.items[0]?.id }),
    ).resolves.toMatchObject({ name: 'Médiathèque Michel-Crépeau' });
  });

  it('keeps the organizations from the public', async () => {
    const page = await listOrganizations(world.as('admin'), { limit: 1 });
    const organizationId = page.items[0]?.id;
    await expect(listOrganizations(world.as('public'), { limit: 5 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getOrganization(world.as('public'), { organizationId })).rejects.toThrow(
      'Identifiez-vous pour consulter l’annuaire des structures.',
    );
  });
});
