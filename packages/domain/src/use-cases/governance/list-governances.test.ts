import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import type { UseCaseContext } from '../context.ts';
import { createGovernance } from './create-governance.ts';
import { getGovernance } from './get-governance.ts';
import { listGovernances } from './list-governances.ts';

const GOVERNANCE = {
  territory: { level: 'epci', code: '241700434' },
  perimeter: 'epci',
} as const;

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

  it('walks, page after page, exactly the governances a person may read, in id order', async () => {
    // The outsider reads its own governance and those it creates, among others it may not read.
    const outsider = world.as('outsider');
    const own = [world.outsiderGovernance.id];
    for (let i = 0; i < 4; i += 1) {
      await createGovernance(world.as('coordinator'), { ...GOVERNANCE, name: `Autre ${i}` });
      own.push((await createGovernance(outsider, { ...GOVERNANCE, name: `À lui ${i}` })).id);
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await listGovernances(outsider, { after, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((g) => g.id));
      if (!page.next) break;
      expect(page.next).toBe(page.items.at(-1)?.id);
      after = page.next;
    }
    expect(seen).toEqual([...own].sort());
  });

  it('stops reading the repository once the page is full', async () => {
    for (let i = 0; i < 6; i += 1) {
      await createGovernance(world.as('coordinator'), { ...GOVERNANCE, name: `G ${i}` });
    }
    let read = 0;
    const admin = world.as('admin');
    const counting: UseCaseContext = {
      ...admin,
      store: {
        transaction: (work) =>
          admin.store.transaction((repos) =>
            work({
              ...repos,
              governances: {
                ...repos.governances,
                listPage: async (page) => {
                  const batch = await repos.governances.listPage(page);
                  read += batch.length;
                  return batch;
                },
              },
            }),
          ),
      },
    };
    const page = await listGovernances(counting, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.next).toBe(page.items[1]?.id);
    // Two for the page, one to know another follows; not the eight governances.
    expect(read).toBe(3);
  });

  it('reads a governance, and tells an outsider it does not exist', async () => {
    const input = { governanceId: world.governance.id };
    expect((await getGovernance(world.as('observer'), input)).id).toBe(world.governance.id);
    await expect(getGovernance(world.as('outsider'), input)).rejects.toBeInstanceOf(NotFoundError);
  });
});
