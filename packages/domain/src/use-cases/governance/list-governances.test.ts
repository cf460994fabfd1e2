import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { getGovernance } from './get-governance.ts';
import { listGovernances } from './list-governances.ts';

describe('reading governances', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  it('lists only the governances the actor may read', async () => {
    const page = await listGovernances(world.as('member'), { limit: 10 });
    expect(page.items.map((g) => g.id)).toEqual([world.governance.id]);
    expect(page.next).toBeUndefined();
  });

  it('pages through every governance for an administrator', async () => {
    const admin = world.as('admin');
    const first = await listGovernances(admin, { limit: 1 });
    expect(first.next).toBe(first.items[0]?.id);
    const second = await listGovernances(admin, { after: first.next, limit: 1 });
    expect(second.next).toBeUndefined();
    expect([...first.items, ...second.items].map((g) => g.id).sort()).toEqual(
      [world.governance.id, world.outsiderGovernance.id].sort(),
    );
  });

  it('reads a governance, and tells an outsider it does not exist', async () => {
    const input = { governanceId: world.governance.id };
    expect((await getGovernance(world.as('observer'), input)).id).toBe(world.governance.id);
    await expect(getGovernance(world.as('outsider'), input)).rejects.toBeInstanceOf(NotFoundError);
  });
});
